using SalesMentor.App.Common;
using SalesMentor.App.Data;
using SalesMentor.App.Kpis;
using SalesMentor.App.Security;
using SalesMentor.Core.Kpis;
using SalesMentor.Core.People;

namespace SalesMentor.App.Features.Kpis;

/// <param name="Kpi">The KPI id (default won-revenue).</param>
/// <param name="PeriodKind">month, quarter (default) or year.</param>
/// <param name="Period">The period key; by default the one holding the last day with data.</param>
/// <param name="Scope">Whom each person is ranked among: everyone (default), region or team.</param>
/// <param name="RegionId">Only people of this region.</param>
/// <param name="TeamId">Only people of this team.</param>
/// <param name="Sort">rank (default: best first), value, name, team or region.</param>
/// <param name="Descending">Reverse the order; people without a value stay last.</param>
public sealed record GetLeaderboardRequest(
    string? Kpi = null, string? PeriodKind = null, string? Period = null, string? Scope = null, Guid? RegionId = null, Guid? TeamId = null,
    string? Sort = null, bool Descending = false, PageRequest Paging = default);

/// <summary>
/// One person on a leaderboard: the value, the rank among the peers of the scope (1 = best, judged by which way is
/// good; equal values share a rank), how many peers have a value, and the percentile among them (as on the scorecard).
/// </summary>
public sealed record LeaderboardRow(
    PersonId Person, string Name, Guid? TeamId, string? Team, Guid? RegionId, string? Region, decimal? Value, int? Rank, int Peers, double? Percentile);

public sealed record LeaderboardView(
    KpiDefinitionView Kpi, PeriodView Period, string Scope, string Currency, DateOnly AsOf, IReadOnlyList<PeriodView> Periods,
    IReadOnlyList<LeaderboardRow> Items, int Total, int Page, int PageSize);

/// <summary>Reps ranked by one KPI in one period; only the people whose sales data the actor may see are listed.</summary>
public sealed class GetLeaderboard(SalesMentorDb db, Access access, KpiCache cache, Features.People.OrgUnitsCache units)
{
    public async Task<Result<LeaderboardView>> HandleAsync(Actor actor, GetLeaderboardRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var board = await Leaderboard.BuildAsync(db, access, cache, units, actor, request, ct);
        if (!board.IsSuccess) return board.Error!;
        var b = board.Value;
        return new LeaderboardView(
            KpiDefinitionView.Of(b.Kpi), PeriodView.Of(b.Table.Periods[b.Period]), b.Scope, b.Snapshot.Currency, b.Snapshot.AsOf,
            [.. b.Table.Periods.Select(PeriodView.Of)],
            [.. b.Rows.Skip(request.Paging.Skip).Take(request.Paging.SafeSize)], b.Rows.Count, request.Paging.SafePage, request.Paging.SafeSize);
    }
}

/// <summary>The leaderboard's rows, ranked and sorted; shared by the page, the API and the export.</summary>
internal sealed record Leaderboard(KpiSnapshot Snapshot, KpiPeriodTable Table, int Period, Kpi Kpi, string Scope, IReadOnlyList<LeaderboardRow> Rows)
{
    public static async Task<Result<Leaderboard>> BuildAsync(
        SalesMentorDb db, Access access, KpiCache cache, Features.People.OrgUnitsCache units, Actor actor, GetLeaderboardRequest request, CancellationToken ct)
    {
        var kpi = KpiPeriodChoice.Kpi(request.Kpi, Core.Kpis.Kpi.WonRevenue);
        if (!kpi.IsSuccess) return kpi.Error!;
        var scope = (request.Scope ?? "everyone").Trim().ToLowerInvariant();
        if (scope is not ("everyone" or "region" or "team")) return Error.Validation("leaderboard.scope", "Rank among everyone, the region or the team.");
        var sort = (request.Sort ?? "rank").Trim().ToLowerInvariant();
        if (sort is not ("rank" or "value" or "name" or "team" or "region")) return Error.Validation("leaderboard.sort", "Sort by rank, value, name, team or region.");

        var visible = await access.SalesDataScopeAsync(actor, ct);
        var snapshot = await cache.GetAsync(ct);
        var choice = KpiPeriodChoice.Resolve(snapshot, request.PeriodKind, request.Period, PeriodKind.FiscalQuarter);
        if (!choice.IsSuccess) return choice.Error!;
        var (table, period) = choice.Value;
        var names = await KpiNames.LoadAsync(db, units, ct);
        var ranked = LeaderboardRanks.Of(snapshot, table.Table, period, kpi.Value, scope);
        var rows = new List<LeaderboardRow>();
        for (var i = 0; i < snapshot.People.Count; i++)
        {
            var p = snapshot.People[i];
            if (!p.IsRep || !table.Table.IsActive(i, period)) continue;
            if (visible is not null && !visible.Contains(p.Id)) continue;
            if ((request.RegionId is { } region && p.RegionId != region) || (request.TeamId is { } team && p.TeamId != team)) continue;
            var (rank, peers, percentile) = ranked[i];
            rows.Add(new LeaderboardRow(p.Id, p.Name, p.TeamId, names.Team(p.TeamId), p.RegionId, names.Region(p.RegionId),
                table.Table.Value(i, period, kpi.Value), rank, peers, percentile));
        }

        return new Leaderboard(snapshot, table, period, kpi.Value, scope, Sort(rows, sort, request.Descending));
    }

    private static List<LeaderboardRow> Sort(List<LeaderboardRow> rows, string sort, bool descending)
    {
        var text = StringComparer.CurrentCulture;
        Comparison<LeaderboardRow> compare = sort switch
        {
            "value" => (a, b) => Nullable.Compare(a.Value, b.Value),
            "name" => (a, b) => text.Compare(a.Name, b.Name),
            "team" => (a, b) => text.Compare(a.Team ?? "", b.Team ?? ""),
            "region" => (a, b) => text.Compare(a.Region ?? "", b.Region ?? ""),
            _ => (a, b) => Nullable.Compare(a.Rank, b.Rank),
        };
        rows.Sort((a, b) =>
        {
            var missing = sort switch
            {
                "rank" => (a.Rank is null).CompareTo(b.Rank is null),
                "value" => (a.Value is null).CompareTo(b.Value is null),
                _ => 0,
            };
            if (missing != 0) return missing;
            var order = compare(a, b);
            if (descending) order = -order;
            return order != 0 ? order : text.Compare(a.Name, b.Name) is var byName and not 0 ? byName : a.Person.Value.CompareTo(b.Person.Value);
        });
        return rows;
    }
}
