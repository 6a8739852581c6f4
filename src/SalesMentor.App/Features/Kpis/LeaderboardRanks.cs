using SalesMentor.App.Kpis;
using SalesMentor.Core.Kpis;

namespace SalesMentor.App.Features.Kpis;

/// <summary>
/// Ranks on a leaderboard, among every rep employed in the period who has a value, within the scope's group (all
/// reps, the region, the team; reps without a region or team get no rank there). Rank 1 is the best, judged by which
/// way is good (the shortest sales cycle ranks first), equal values share a rank (1, 2, 2, 4). The percentile is the
/// scorecard's: 100 × (lower + equal ÷ 2) ÷ n, by value.
/// </summary>
internal static class LeaderboardRanks
{
    public static (int? Rank, int Peers, double? Percentile)[] Of(KpiSnapshot snapshot, KpiTable table, int period, Kpi kpi, string scope)
    {
        var people = snapshot.People;
        var result = new (int? Rank, int Peers, double? Percentile)[people.Count];
        var groups = new Dictionary<Guid, List<(int Person, long Key)>>();
        for (var i = 0; i < people.Count; i++)
        {
            if (!people[i].IsRep || !table.IsActive(i, period)) continue;
            Guid? group = scope switch
            {
                "region" => people[i].RegionId,
                "team" => people[i].TeamId,
                _ => Guid.Empty,
            };
            if (group is not { } g || KpiValues.SortKey(table, i, period, kpi) is not { } key) continue;
            if (!groups.TryGetValue(g, out var members)) groups[g] = members = [];
            members.Add((i, key));
        }

        var lowerIsBetter = KpiCatalog.Of(kpi).Direction == KpiDirection.LowerIsBetter;
        foreach (var members in groups.Values)
        {
            members.Sort((a, b) => a.Key.CompareTo(b.Key));
            var n = members.Count;
            for (var start = 0; start < n;)
            {
                var end = start + 1;
                while (end < n && members[end].Key == members[start].Key) end++;
                var equal = end - start;
                var rank = lowerIsBetter ? start + 1 : n - end + 1;
                var percentile = (start + (equal / 2.0)) * 100 / n;
                for (var k = start; k < end; k++) result[members[k].Person] = (rank, n, percentile);
                start = end;
            }
        }

        return result;
    }
}
