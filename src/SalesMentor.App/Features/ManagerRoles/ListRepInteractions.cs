using Microsoft.EntityFrameworkCore;
using SalesMentor.App.Common;
using SalesMentor.App.Data;
using SalesMentor.App.Domain;
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
        if (await RepInteractionReader.ReadAsync(db, access, actor, rep, ct) is not { } read) return Error.NotFound("person");
        return Result<IReadOnlyList<InteractionView>>.Success(read.Views);
    }
}

/// <summary>Who supports a rep in which role (count and last date per manager and role); for the rep, their chain and admins.</summary>
public sealed class GetRepSupport(SalesMentorDb db, Access access)
{
    public async Task<Result<IReadOnlyList<SupportRow>>> HandleAsync(Actor actor, PersonId rep, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (await RepInteractionReader.ReadAsync(db, access, actor, rep, ct) is not { } read) return Error.NotFound("person");
        return Result<IReadOnlyList<SupportRow>>.Success(read.Support());
    }
}

/// <param name="Support">As <see cref="GetRepSupport"/> answers.</param>
/// <param name="Entries">As <see cref="ListRepInteractions"/> answers.</param>
public sealed record RepInteractionsView(IReadOnlyList<SupportRow> Support, IReadOnlyList<InteractionView> Entries);

/// <summary>
/// A person's page shows both <see cref="GetRepSupport"/> and <see cref="ListRepInteractions"/>: this answers both
/// from one access check and one read of the entries (the same rules, the same rows).
/// </summary>
public sealed class GetRepInteractions(SalesMentorDb db, Access access)
{
    public async Task<Result<RepInteractionsView>> HandleAsync(Actor actor, PersonId rep, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (await RepInteractionReader.ReadAsync(db, access, actor, rep, ct) is not { } read) return Error.NotFound("person");
        return new RepInteractionsView(read.Support(), read.Views);
    }
}

/// <summary>The entries about one rep that the actor may see, read once for the use cases above.</summary>
internal static class RepInteractionReader
{
    public sealed record Read(IReadOnlyList<ManagerInteraction> Visible, IReadOnlyList<InteractionView> Views, IReadOnlyDictionary<PersonId, string> Names)
    {
        public IReadOnlyList<SupportRow> Support() =>
        [
            .. Visible.GroupBy(e => (e.ManagerId, e.Role))
                .Select(g => new SupportRow(g.Key.ManagerId, Names.GetValueOrDefault(g.Key.ManagerId, ""), g.Key.Role, g.Count(), g.Max(e => e.Date)))
                .OrderBy(r => r.ManagerName, StringComparer.CurrentCulture).ThenBy(r => r.Role),
        ];
    }

    /// <summary>Null when the actor may not see the rep.</summary>
    public static async Task<Read?> ReadAsync(SalesMentorDb db, Access access, Actor actor, PersonId rep, CancellationToken ct)
    {
        if (!await access.CanSeePersonAsync(actor, rep, ct)) return null;
        var entries = await db.ManagerInteractions.AsNoTracking().Where(i => i.RepId == rep)
            .OrderByDescending(i => i.Date).ThenByDescending(i => i.CreatedAt).ToListAsync(ct);
        var tree = await access.HierarchyAsync(ct);
        var names = await InteractionRules.NamesAsync(db, entries.Select(e => e.ManagerId).Append(rep), ct);
        var visible = new List<ManagerInteraction>(entries.Count);
        var views = new List<InteractionView>(entries.Count);
        foreach (var entry in entries)
        {
            if (InteractionRules.View(actor, entry, tree, names) is not { } view) continue;
            visible.Add(entry);
            views.Add(view);
        }

        return new Read(visible, views, names);
    }
}
