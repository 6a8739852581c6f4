using Microsoft.EntityFrameworkCore;
using SalesMentor.App.Data;
using SalesMentor.Core.People;

namespace SalesMentor.App.Security;

/// <summary>
/// The manager tree shared by every request of this instance. Each use is checked against a counter that database
/// triggers raise on every insert into, delete from and manager change of <c>People</c> (<see cref="ChangeCounters"/>), whoever writes — EF, raw SQL, an import or another instance — so a change is seen by the next
/// request, never later: one primary-key read per scope instead of reading the whole People table.
/// </summary>
public sealed class HierarchyCache(ChangeCounterReader counters)
{
    private sealed record Entry(string Database, long Version, Hierarchy Hierarchy);

    private volatile Entry? _entry;

    /// <summary>The tree as stored now, from the cache when the stored version is the cached one.</summary>
    public async Task<Hierarchy> GetAsync(SalesMentorDb db, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var database = db.Database.GetConnectionString() ?? "";
        // The version first, then the rows: the rows are at least as new as the version they are stored under, so a
        // change between the two reads makes the next request load again rather than keep a stale tree.
        var version = await counters.ReadAsync(db, ChangeCounters.People, ct);
        var entry = _entry;
        if (entry is not null && entry.Version == version && entry.Database == database) return entry.Hierarchy;
        var edges = await db.People.AsNoTracking().Select(p => new { p.Id, p.ManagerId }).ToListAsync(ct);
        var hierarchy = new Hierarchy(edges.Select(e => (e.Id, e.ManagerId)));
        // Inside a transaction the version may roll back and later be reached again by other writes: never kept then.
        if (db.Database.CurrentTransaction is null) _entry = new Entry(database, version, hierarchy);
        return hierarchy;
    }
}
