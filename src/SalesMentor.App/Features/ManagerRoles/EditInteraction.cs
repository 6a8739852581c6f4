using Microsoft.EntityFrameworkCore;
using SalesMentor.App.Common;
using SalesMentor.App.Data;
using SalesMentor.App.Security;

namespace SalesMentor.App.Features.ManagerRoles;

/// <summary>The author changes an entry; a stale edit is refused; others who may see it get 403, the rest 404.</summary>
public sealed class EditInteraction(SalesMentorDb db, Access access, OrgClock clock, AuditLog audit)
{
    public async Task<Result<InteractionView>> HandleAsync(Actor actor, Guid id, EditInteractionRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(request);
        var entry = await db.ManagerInteractions.SingleOrDefaultAsync(i => i.Id == id, ct);
        if (entry is null || InteractionRules.View(actor, entry, await access.HierarchyAsync(ct), new Dictionary<Core.People.PersonId, string>()) is null)
            return Error.NotFound("interaction");
        if (!InteractionRules.CanChange(actor, entry)) return Error.Forbidden("interaction.author_only", "Only the author changes an entry.");
        if (InteractionRules.Check(request.Date, request.Role, request.Minutes, request.Topic, request.PrivateNote, await clock.TodayAsync(ct)) is { } bad) return bad;

        db.Entry(entry).Property(i => i.Version).OriginalValue = request.Version;
        entry.Date = request.Date;
        entry.Role = request.Role;
        entry.Minutes = request.Minutes;
        entry.Topic = request.Topic.Trim();
        entry.PrivateNote = InteractionRules.CleanNote(request.PrivateNote);
        audit.Record(actor, "interaction.edit", "interaction", entry.Id.ToString());
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Error.StaleEdit("interaction");
        }

        return await InteractionRules.ViewAsync(db, access, actor, entry, ct);
    }
}

/// <summary>The author deletes an entry (against the version they read).</summary>
public sealed class DeleteInteraction(SalesMentorDb db, Access access, AuditLog audit)
{
    public async Task<Result<Done>> HandleAsync(Actor actor, Guid id, int version, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var entry = await db.ManagerInteractions.SingleOrDefaultAsync(i => i.Id == id, ct);
        if (entry is null || InteractionRules.View(actor, entry, await access.HierarchyAsync(ct), new Dictionary<Core.People.PersonId, string>()) is null)
            return Error.NotFound("interaction");
        if (!InteractionRules.CanChange(actor, entry)) return Error.Forbidden("interaction.author_only", "Only the author deletes an entry.");
        db.Entry(entry).Property(i => i.Version).OriginalValue = version;
        db.ManagerInteractions.Remove(entry);
        audit.Record(actor, "interaction.delete", "interaction", entry.Id.ToString());
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Error.StaleEdit("interaction");
        }

        return Done.Value;
    }
}
