using Microsoft.EntityFrameworkCore;
using SalesMentor.App.Data;
using SalesMentor.App.Domain;

namespace SalesMentor.App.Common;

/// <summary>
/// The organization's time zone and sales data visibility, read on nearly every request (what "today" is, who may see
/// whose sales data), kept per instance. Each use is checked against the <see cref="ChangeCounters.KpiSettings"/> counter
/// that database triggers raise on every write to OrganizationSettings, whoever writes, so a change is seen by the next
/// request. Null values: there is no settings row (callers apply their defaults).
/// </summary>
public sealed class OrgSettingsCache(ChangeCounterReader counters)
{
    /// <summary>The two settings as stored, null when there is no settings row.</summary>
    public sealed record Basics(string? TimeZone, SalesDataVisibility? SalesDataVisibility);

    private sealed record Entry(string Database, long Version, Basics Basics);

    private volatile Entry? _entry;

    /// <summary>The settings as stored now (as this unit of work sees them, inside its transaction when there is one).</summary>
    public async Task<Basics> GetAsync(SalesMentorDb db, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var database = db.Database.GetConnectionString() ?? "";
        // The version first, then the row (see HierarchyCache).
        var version = await counters.ReadAsync(db, ChangeCounters.KpiSettings, ct);
        var entry = _entry;
        if (entry is not null && entry.Version == version && entry.Database == database) return entry.Basics;
        var row = await db.OrganizationSettings.AsNoTracking()
            .Select(s => new { s.TimeZone, s.SalesDataVisibility }).FirstOrDefaultAsync(ct);
        var basics = new Basics(row?.TimeZone, row?.SalesDataVisibility);
        // Inside a transaction the version may roll back and later be reached again by other writes: never kept then.
        if (db.Database.CurrentTransaction is null) _entry = new Entry(database, version, basics);
        return basics;
    }
}
