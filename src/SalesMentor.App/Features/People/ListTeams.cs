using SalesMentor.App.Common;
using SalesMentor.App.Data;

namespace SalesMentor.App.Features.People;

public sealed record TeamRow(Guid Id, string Name, Guid? RegionId, string? Region, int Members);

public sealed record RegionRow(Guid Id, string Name, int Members);

/// <summary>Teams with their region and head count (active people only).</summary>
public sealed class ListTeams(SalesMentorDb db, OrgClock orgClock, OrgUnitsCache cache)
{
    public async Task<Result<IReadOnlyList<TeamRow>>> HandleAsync(Actor actor, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var today = await orgClock.TodayAsync(ct);
        var rows = (await cache.GetAsync(db, today, ct)).Teams;
        return rows.OrderBy(t => t.Name, StringComparer.CurrentCulture).ToList();
    }
}

/// <summary>Regions with their head count (active people only).</summary>
public sealed class ListRegions(SalesMentorDb db, OrgClock orgClock, OrgUnitsCache cache)
{
    public async Task<Result<IReadOnlyList<RegionRow>>> HandleAsync(Actor actor, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var today = await orgClock.TodayAsync(ct);
        var rows = (await cache.GetAsync(db, today, ct)).Regions;
        return rows.OrderBy(r => r.Name, StringComparer.CurrentCulture).ToList();
    }
}
