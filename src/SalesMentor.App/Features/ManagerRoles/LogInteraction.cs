using Microsoft.EntityFrameworkCore;
using SalesMentor.App.Common;
using SalesMentor.App.Data;
using SalesMentor.App.Domain;
using SalesMentor.App.Security;

namespace SalesMentor.App.Features.ManagerRoles;

/// <summary>A manager logs an interaction with a rep in their reporting chain; an admin may log one for any manager and rep.</summary>
public sealed class LogInteraction(SalesMentorDb db, Access access, OrgClock clock, AuditLog audit, TimeProvider time)
{
    public async Task<Result<InteractionView>> HandleAsync(Actor actor, LogInteractionRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(request);
        if (request.Manager is { } named && named != actor.PersonId && !actor.IsAdmin)
            return Error.Forbidden("interaction.own_only", "You log your own interactions only.");
        if ((request.Manager ?? actor.PersonId) is not { } manager) return Error.Validation("interaction.manager", "Name the manager who played the role.");
        if (!await db.People.AnyAsync(p => p.Id == request.Rep, ct)) return Error.NotFound("person");
        if (!await db.People.AnyAsync(p => p.Id == manager, ct)) return Error.Validation("interaction.manager", "The manager is not in the people directory.");
        if (!InteractionRules.MayLog(actor, manager, request.Rep, await access.HierarchyAsync(ct)))
            return Error.Forbidden("interaction.not_in_chain", "You can log interactions only with people who report to you, directly or through others.");
        if (InteractionRules.Check(request.Date, request.Role, request.Minutes, request.Topic, request.PrivateNote, await clock.TodayAsync(ct)) is { } bad) return bad;

        var entry = new ManagerInteraction
        {
            ManagerId = manager, RepId = request.Rep, AuthorId = actor.PersonId, Date = request.Date, Role = request.Role,
            Minutes = request.Minutes, Topic = request.Topic.Trim(), PrivateNote = InteractionRules.CleanNote(request.PrivateNote),
            CreatedAt = time.GetUtcNow().UtcDateTime,
        };
        db.ManagerInteractions.Add(entry);
        audit.Record(actor, "interaction.log", "interaction", entry.Id.ToString());
        await db.SaveChangesAsync(ct);
        return await InteractionRules.ViewAsync(db, access, actor, entry, ct);
    }
}
