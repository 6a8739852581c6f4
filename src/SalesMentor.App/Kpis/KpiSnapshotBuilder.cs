using SalesMentor.Core.Kpis;
using SalesMentor.Core.Skills;
using SalesMentor.Core.Stars;

namespace SalesMentor.App.Kpis;

/// <summary>
/// Computes a <see cref="KpiSnapshot"/> from loaded data with Core's pure engine: every KPI for the months, fiscal
/// quarters and fiscal years the data covers; percentile ranks among all reps and among team mates (people with no
/// sales records at all, such as managers, are not ranked); the star verdicts; the skill signals of the last four
/// completed quarters together.
/// </summary>
internal static class KpiSnapshotBuilder
{
    private const int SignalQuarters = 4;

    public static KpiSnapshot Build(KpiCacheKey key, KpiData data, TimeSpan load, DateTime now)
    {
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        var calendar = new FiscalCalendar(key.FiscalYearStartMonth);
        var reps = data.People.Select(p => p.IsRep ? 0 : -1).ToArray();
        var teams = TeamGroups(data.People);
        var tables = new[] { PeriodKind.Month, PeriodKind.FiscalQuarter, PeriodKind.FiscalYear }
            .Select(kind =>
            {
                var table = ComputeKpis.For(data.Input, calendar.PeriodsBetween(kind, data.FirstDay, data.EndDay));
                return new KpiPeriodTable(kind, table, RankKpis.Among(table, reps), RankKpis.Among(table, teams));
            })
            .ToList();
        var stars = Stars(key.StarRule, calendar, data);
        var signals = Signals(calendar, data, reps);
        var stats = Stats(key, data, tables, load, System.Diagnostics.Stopwatch.GetElapsedTime(started), now);
        return new KpiSnapshot(key, data, tables, stars, signals, stats);
    }

    /// <summary>The snapshot's KPIs judged by the star rule of <paramref name="key"/>, which is all that changed.</summary>
    public static KpiSnapshot Rejudge(KpiSnapshot snapshot, KpiCacheKey key, DateTime now)
    {
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        var stars = Stars(key.StarRule, snapshot.Calendar, snapshot.Data);
        var stats = snapshot.Stats with { Load = TimeSpan.Zero, Compute = System.Diagnostics.Stopwatch.GetElapsedTime(started), ComputedAt = now };
        return snapshot.WithStars(key, stars, stats);
    }

    /// <summary>Verdicts of <paramref name="rule"/> as of the data's last day, by person index (null for people not judged).</summary>
    public static KpiStars Stars(StarRule rule, FiscalCalendar calendar, KpiData data)
    {
        var groups = StarRules.PeerGroups(rule.PeerGroup, data.People);
        var verdicts = new StarVerdict?[data.People.Count];
        foreach (var verdict in FindProvenStars.Evaluate(data.Input, calendar, data.AsOf, rule, groups)) verdicts[verdict.Person] = verdict;
        return new KpiStars(rule, calendar.CompletedQuartersBefore(data.AsOf, rule.QuartersConsidered), verdicts);
    }

    private static KpiSignals Signals(FiscalCalendar calendar, KpiData data, int[] reps)
    {
        var quarters = calendar.CompletedQuartersBefore(data.AsOf, SignalQuarters);
        var window = Period.Custom(quarters[0].Start, quarters[^1].End);
        var table = ComputeKpis.For(data.Input, [window]);
        var ranks = RankKpis.Among(table, reps);
        return new KpiSignals(window, SuggestSkillSignals.ForEveryone(table, ranks, 0, reps));
    }

    /// <summary>Team index per person; −1 for people without a team or without sales records (not ranked within a team).</summary>
    private static int[] TeamGroups(IReadOnlyList<KpiPerson> people)
    {
        var index = new Dictionary<Guid, int>();
        return [.. people.Select(p => p is { IsRep: true, TeamId: { } team }
            ? index.TryGetValue(team, out var g) ? g : index[team] = index.Count
            : -1)];
    }

    private static KpiBuildStats Stats(KpiCacheKey key, KpiData data, List<KpiPeriodTable> tables, TimeSpan load, TimeSpan compute, DateTime now)
        => new(key.SalesDataVersion, data.People.Count, data.Input.Opportunities.Length, data.Input.Activities.Length, data.Input.Quotas.Length,
            tables.Sum(t => t.Periods.Count), load, compute, now);
}
