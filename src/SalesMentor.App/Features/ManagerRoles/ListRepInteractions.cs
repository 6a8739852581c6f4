using Microsoft.EntityFrameworkCore;
using SalesMentor.App.Common;
using SalesMentor.App.Data;
using SalesMentor.App.Security;
using SalesMentor.Core.People;

namespace SalesMentor.App.Features.ManagerRoles;

/// <summary>
/// The interactions with one rep that the actor may see, newest first: the rep sees role, date and topic of all of them;
/// a manager sees their own entries and those of managers below them; admins see all. Notes only for their author.
/// </summary>
public sealed class ListRepInteractions(SalesMentorDb db, Access access)
{
    public async Task<Result<IReadOnlyList<InteractionView>>> HandleAsync(Actor actor, PersonId rep, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (!await access.CanSeePersonAsync(actor, rep, ct)) return Error.NotFound("person");
        var entries = await db.ManagerInteractions.AsNoTracking().Where(i => i.RepId == rep)
            .OrderByDescending(i => i.Date).ThenByDescending(i => i.CreatedAt).ToListAsync(ct);
        var tree = await access.HierarchyAsync(ct);
        var names = await InteractionRules.NamesAsync(db, entries.Select(e => e.ManagerId).Append(rep), ct);
        IReadOnlyList<InteractionView> views = [.. entries.Select(e => InteractionRules.View(actor, e, tree, names)).OfType<InteractionView>()];
        return Result<IReadOnlyList<InteractionView>>.Success(views);
    }
}

/// <summary>Who supports a rep in which role (count and last date per manager and role); for the rep, their chain and admins.</summary>
public sealed class GetRepSupport(SalesMentorDb db, Access access)
{
    public async Task<Result<IReadOnlyList<SupportRow>>> HandleAsync(Actor actor, PersonId rep, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (!await access.CanSeePersonAsync(actor, rep, ct)) return Error.NotFound("person");
        var tree = await access.HierarchyAsync(ct);
        var entries = await db.ManagerInteractions.AsNoTracking().Where(i => i.RepId == rep).ToListAsync(ct);
        var names = await InteractionRules.NamesAsync(db, entries.Select(e => e.ManagerId), ct);
        IReadOnlyList<SupportRow> rows = [.. entries.Where(e => InteractionRules.View(actor, e, tree, names) is not null)
            .GroupBy(e => (e.ManagerId, e.Role))
            .Select(g => new SupportRow(g.Key.ManagerId, names.GetValueOrDefault(g.Key.ManagerId, ""), g.Key.Role, g.Count(), g.Max(e => e.Date)))
            .OrderBy(r => r.ManagerName, StringComparer.CurrentCulture).ThenBy(r => r.Role)];
        return Result<IReadOnlyList<SupportRow>>.Success(rows);
    }
}
