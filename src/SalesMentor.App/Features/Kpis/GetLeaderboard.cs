using System.Globalization;
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
            [.. b.Rows(request.Paging.Skip, request.Paging.SafeSize)], b.Count, request.Paging.SafePage, request.Paging.SafeSize);
    }
}

/// <summary>
/// The leaderboard's rows, ranked and sorted; shared by the page, the API and the export. Ranks, values and the orders
/// by rank, value and name depend on the snapshot alone and are kept with it (<see cref="KpiSnapshot.Derived"/>); a request
/// only filters that order by what the actor may see and by region or team, and makes rows for the page it shows.
/// </summary>
internal sealed class Leaderboard
{
    private readonly IReadOnlyList<int> _order;
    private readonly Ranking _ranking;
    private readonly KpiNames _names;

    private Leaderboard(KpiSnapshot snapshot, KpiPeriodTable table, int period, Kpi kpi, string scope, IReadOnlyList<int> order, Ranking ranking, KpiNames names)
    {
        (Snapshot, Table, Period, Kpi, Scope) = (snapshot, table, period, kpi, scope);
        (_order, _ranking, _names) = (order, ranking, names);
    }

    public KpiSnapshot Snapshot { get; }
    public KpiPeriodTable Table { get; }
    public int Period { get; }
    public Kpi Kpi { get; }
    public string Scope { get; }

    /// <summary>How many people the board lists.</summary>
    public int Count => _order.Count;

    /// <summary>The rows in order, from <paramref name="skip"/>, at most <paramref name="take"/>.</summary>
    public IEnumerable<LeaderboardRow> Rows(int skip = 0, int take = int.MaxValue)
    {
        for (var k = Math.Max(skip, 0); k < _order.Count && k - skip < take; k++)
        {
            var i = _order[k];
            var p = Snapshot.People[i];
            var (rank, peers, percentile) = _ranking.Ranks[i];
            yield return new LeaderboardRow(p.Id, p.Name, p.TeamId, _names.Team(p.TeamId), p.RegionId, _names.Region(p.RegionId),
                _ranking.Values[i], rank, peers, percentile);
        }
    }

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
        var ranking = snapshot.Derived((table, period, kpi.Value, scope), static (s, k) => Ranking.Of(s, k.table, k.period, k.Item3, k.scope));
        var people = snapshot.People;
        bool Listed(int i) =>
            (visible is null || visible.Contains(people[i].Id))
            && (request.RegionId is not { } region || people[i].RegionId == region)
            && (request.TeamId is not { } team || people[i].TeamId == team);

        List<int> order;
        if (sort is "team" or "region")
        {
            // Sorted by names read outside the snapshot (a team may be renamed without a recompute): sorted per request.
            order = [.. Ranking.Listed(snapshot, table, period).Where(Listed)];
            order.Sort(ranking.Comparison(snapshot, sort, request.Descending, sort == "team" ? i => names.Team(people[i].TeamId) : i => names.Region(people[i].RegionId)));
        }
        else
        {
            var culture = CultureInfo.CurrentCulture.Name;
            var all = snapshot.Derived((ranking, sort, request.Descending, culture), static (s, k) =>
            {
                var sorted = Ranking.Listed(s, k.ranking.Table, k.ranking.Period).ToArray();
                Array.Sort(sorted, k.ranking.Comparison(s, k.sort, k.Descending, null));
                return sorted;
            });
            order = [.. all.Where(Listed)];
        }

        return new Leaderboard(snapshot, table, period, kpi.Value, scope, order, ranking, names);
    }

    /// <summary>Every listed person's value, rank, peers and percentile for one board, by person index.</summary>
    private sealed class Ranking
    {
        private Ranking(KpiPeriodTable table, int period, decimal?[] values, (int? Rank, int Peers, double? Percentile)[] ranks) =>
            (Table, Period, Values, Ranks) = (table, period, values, ranks);

        public KpiPeriodTable Table { get; }
        public int Period { get; }
        public decimal?[] Values { get; }
        public (int? Rank, int Peers, double? Percentile)[] Ranks { get; }

        public static Ranking Of(KpiSnapshot snapshot, KpiPeriodTable table, int period, Kpi kpi, string scope)
        {
            var values = new decimal?[snapshot.People.Count];
            foreach (var i in Listed(snapshot, table, period)) values[i] = table.Table.Value(i, period, kpi);
            return new Ranking(table, period, values, LeaderboardRanks.Of(snapshot, table.Table, period, kpi, scope));
        }

        /// <summary>The people a board of this period can list: reps active in it, by index.</summary>
        public static IEnumerable<int> Listed(KpiSnapshot snapshot, KpiPeriodTable table, int period)
        {
            for (var i = 0; i < snapshot.People.Count; i++)
            {
                if (snapshot.People[i].IsRep && table.Table.IsActive(i, period)) yield return i;
            }
        }

        /// <summary>
        /// The board's order: by <paramref name="sort"/> (people without a rank or value last), reversed when
        /// <paramref name="descending"/>, then by name and id. <paramref name="unitName"/>: the team or region name to sort by.
        /// </summary>
        public Comparison<int> Comparison(KpiSnapshot snapshot, string sort, bool descending, Func<int, string?>? unitName)
        {
            var text = StringComparer.CurrentCulture;
            var people = snapshot.People;
            var (values, ranks) = (Values, Ranks);
            Comparison<int> compare = sort switch
            {
                "value" => (a, b) => Nullable.Compare(values[a], values[b]),
                "name" => (a, b) => text.Compare(people[a].Name, people[b].Name),
                "team" or "region" => (a, b) => text.Compare(unitName!(a) ?? "", unitName!(b) ?? ""),
                _ => (a, b) => Nullable.Compare(ranks[a].Rank, ranks[b].Rank),
            };
            return (a, b) =>
            {
                var missing = sort switch
                {
                    "rank" => (ranks[a].Rank is null).CompareTo(ranks[b].Rank is null),
                    "value" => (values[a] is null).CompareTo(values[b] is null),
                    _ => 0,
                };
                if (missing != 0) return missing;
                var order = compare(a, b);
                if (descending) order = -order;
                return order != 0 ? order
                    : text.Compare(people[a].Name, people[b].Name) is var byName and not 0 ? byName
                    : people[a].Id.Value.CompareTo(people[b].Id.Value);
            };
        }
    }
}
