using Microsoft.EntityFrameworkCore;
using SalesMentor.App.Common;
using SalesMentor.App.Data;
using SalesMentor.App.Domain;
using SalesMentor.Core.People;

namespace SalesMentor.App.Security;

/// <summary>
/// The access rules of DESIGN.md, in one place. Pages, endpoints and the command line ask here;
/// a record an actor may not see is reported as missing (404), never as forbidden.
/// </summary>
public sealed partial class Access(SalesMentorDb db, HierarchyCache hierarchies, OrgSettingsCache settings)
{
    private Hierarchy? _hierarchy;

    /// <summary>The people directory (names, titles, teams, managers) is open to everyone signed in.</summary>
    public async Task<bool> CanSeePersonAsync(Actor actor, PersonId person, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(actor);
        // The shared manager tree holds every stored person (read from the whole People table, reread after any insert
        // or delete, checked against its counter here rather than this scope's copy, so a person added earlier in this
        // unit of work is found): the existence check without a People query of its own.
        return (await hierarchies.GetAsync(db, ct)).People.Contains(person);
    }

    /// <summary>
    /// Opportunities, activities, quotas, KPIs and star status of <paramref name="person"/>:
    /// the person, their management chain, admins, and everyone when the organization allows it.
    /// </summary>
    public async Task<bool> CanSeeSalesDataAsync(Actor actor, PersonId person, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (actor.IsAdmin || actor.PersonId == person) return true;
        if (actor.PersonId is not { } me) return false;
        if (await VisibilityAsync(ct) == SalesDataVisibility.Everyone) return true;
        return (await HierarchyAsync(ct)).IsAbove(me, person);
    }

    /// <summary>
    /// Whose sales data the actor may see in lists: null means everyone's; otherwise the actor
    /// and everyone below them in the manager tree.
    /// </summary>
    public async Task<IReadOnlySet<PersonId>?> SalesDataScopeAsync(Actor actor, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (actor.IsAdmin) return null;
        if (actor.PersonId is not { } me) return new HashSet<PersonId>();
        if (await VisibilityAsync(ct) == SalesDataVisibility.Everyone) return null;
        var scope = new HashSet<PersonId>((await HierarchyAsync(ct)).Below(me)) { me };
        return scope;
    }

    /// <summary>Organization settings, accounts, imports, outbox and audit log.</summary>
    public static bool CanAdminister(Actor actor) => actor?.IsAdmin == true;

    /// <summary>Drops the cached manager tree after a change to it in this scope.</summary>
    public void ForgetHierarchy() => _hierarchy = null;

    /// <summary>The manager tree as stored now; checked once per scope against the shared <see cref="HierarchyCache"/>.</summary>
    public async Task<Hierarchy> HierarchyAsync(CancellationToken ct)
    {
        return _hierarchy ??= await hierarchies.GetAsync(db, ct);
    }

    private async Task<SalesDataVisibility> VisibilityAsync(CancellationToken ct) =>
        (await settings.GetAsync(db, ct)).SalesDataVisibility ?? SalesDataVisibility.Everyone;
}
