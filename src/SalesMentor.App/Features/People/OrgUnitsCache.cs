using Microsoft.EntityFrameworkCore;
using SalesMentor.App.Data;

namespace SalesMentor.App.Features.People;

/// <summary>
/// The teams and regions with their head counts on one day, and their names, kept per instance. Each use is checked against the
/// <see cref="ChangeCounters.OrgUnits"/> counter that database triggers raise on every write to Teams and Regions and on
/// every insertion, deletion, or team, region or leaving date change of a person, whoever writes, so a change is seen by
/// the next request: one primary-key read instead of two grouped counts over People on every page that lists them.
/// </summary>
public sealed class OrgUnitsCache(ChangeCounterReader counters)
{
    /// <summary>The stored lists, unsorted (callers sort in their own culture).</summary>
    public sealed record OrgUnits(IReadOnlyList<TeamRow> Teams, IReadOnlyList<RegionRow> Regions);

    /// <summary>Team and region names by id.</summary>
    public sealed record UnitNames(IReadOnlyDictionary<Guid, string> Teams, IReadOnlyDictionary<Guid, string> Regions);

    private sealed record Entry(string Database, long Version, DateOnly Today, OrgUnits Units);

    private sealed record NamesEntry(string Database, long Version, UnitNames Names);

    private volatile Entry? _entry;

    private volatile NamesEntry? _names;

    /// <summary>The team and region names as stored now (a renamed team shows its new name at once).</summary>
    public async Task<UnitNames> NamesAsync(SalesMentorDb db, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var database = db.Database.GetConnectionString() ?? "";
        var version = await counters.ReadAsync(db, ChangeCounters.OrgUnits, ct);
        var entry = _names;
        if (entry is not null && entry.Version == version && entry.Database == database) return entry.Names;
        var names = new UnitNames(
            await db.Teams.AsNoTracking().ToDictionaryAsync(t => t.Id, t => t.Name, ct),
            await db.Regions.AsNoTracking().ToDictionaryAsync(r => r.Id, r => r.Name, ct));
        if (db.Database.CurrentTransaction is null) _names = new NamesEntry(database, version, names);
        return names;
    }

    /// <summary>The teams and regions as stored now, counting the people who have not left by <paramref name="today"/>.</summary>
    public async Task<OrgUnits> GetAsync(SalesMentorDb db, DateOnly today, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var database = db.Database.GetConnectionString() ?? "";
        // The version first, then the rows (see HierarchyCache).
        var version = await counters.ReadAsync(db, ChangeCounters.OrgUnits, ct);
        var entry = _entry;
        if (entry is not null && entry.Version == version && entry.Today == today && entry.Database == database) return entry.Units;
        // Inside a transaction the version may roll back and later be reached again by other writes: never kept then.
        var keep = db.Database.CurrentTransaction is null;
        var teams = await db.Teams.AsNoTracking()
            .Select(t => new TeamRow(t.Id, t.Name, t.RegionId, t.Region!.Name,
                db.People.Count(p => p.TeamId == t.Id && (p.LeftOn == null || p.LeftOn > today))))
            .ToListAsync(ct);
        var regions = await db.Regions.AsNoTracking()
            .Select(r => new RegionRow(r.Id, r.Name, db.People.Count(p => p.RegionId == r.Id && (p.LeftOn == null || p.LeftOn > today))))
            .ToListAsync(ct);
        var units = new OrgUnits(teams, regions);
        if (keep) _entry = new Entry(database, version, today, units);
        return units;
    }
}
