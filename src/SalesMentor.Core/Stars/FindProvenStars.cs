using System.Globalization;
using SalesMentor.Core.Kpis;

namespace SalesMentor.Core.Stars;

/// <summary>
/// Applies a <see cref="StarRule"/> as of a day: computes the KPIs of the last n completed fiscal quarters (and of the n
/// quarters together when the rule has a trailing condition), ranks people among their peers, and explains each verdict.
/// <para>
/// Not enough data — rather than not a star — when the person started (hire date, else their earliest opportunity or
/// activity) after the first quarter considered began, left before the as-of day, or has no hire date and no data.
/// </para>
/// </summary>
public static class FindProvenStars
{
    /// <summary>The verdict for every person with a peer group (people with group −1 are left out), by person index.</summary>
    /// <param name="input">The records; employment (hire and leave dates) decides who has enough history.</param>
    /// <param name="calendar">The fiscal calendar.</param>
    /// <param name="asOf">The last day with data; quarters whose last day is on or before it are complete.</param>
    /// <param name="rule">The rule.</param>
    /// <param name="peerGroups">Peer group per person, −1 for people not judged (managers); empty for one group of everybody.</param>
    /// <exception cref="ArgumentException">The rule is invalid or peer groups have the wrong length.</exception>
    public static IReadOnlyList<StarVerdict> Evaluate(
        KpiInput input, FiscalCalendar calendar, DateOnly asOf, StarRule rule, ReadOnlyMemory<int> peerGroups = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(calendar);
        ArgumentNullException.ThrowIfNull(rule);
        rule.Validate();
        if (!peerGroups.IsEmpty && peerGroups.Length != input.People)
        {
            throw new ArgumentException("A peer group is given for every person or for none.", nameof(peerGroups));
        }

        var quarters = calendar.CompletedQuartersBefore(asOf, rule.QuartersConsidered);
        var window = Period.Custom(quarters[0].Start, quarters[^1].End);
        var quarterly = ComputeKpis.For(input, quarters);
        var quarterlyRanks = RankKpis.Among(quarterly, peerGroups);
        KpiTable? trailing = null;
        KpiRanks? trailingRanks = null;
        if (rule.TrailingPercentileAtLeast is not null)
        {
            trailing = ComputeKpis.For(input, [window]);
            trailingRanks = RankKpis.Among(trailing, peerGroups);
        }

        var firstData = FirstDataDays(input);
        var verdicts = new List<StarVerdict>();
        for (var person = 0; person < input.People; person++)
        {
            if (!peerGroups.IsEmpty && peerGroups.Span[person] < 0) continue;
            var employment = input.EmploymentOf(person);
            var started = employment.From ?? (firstData[person] is var day and >= 0 ? DateOnly.FromDayNumber(day) : (DateOnly?)null);
            var notEnough = NotEnoughData(started, employment, window, asOf, quarters);
            if (notEnough is not null)
            {
                verdicts.Add(new StarVerdict(person, StarStatus.NotEnoughData, [], null, 0, 0, notEnough));
                continue;
            }

            var evidence = new StarEvidence[quarters.Count];
            for (var q = 0; q < quarters.Count; q++) evidence[q] = Judge(quarterly, quarterlyRanks, person, q, rule, rule.PercentileAtLeast);
            var closed = evidence.Sum(e => e.ClosedDeals);
            var passed = evidence.Count(e => e.Passed);
            var whole = trailing is null ? null : Judge(trailing, trailingRanks!, person, 0, rule, rule.TrailingPercentileAtLeast!.Value);
            verdicts.Add(Decide(person, rule, quarters, evidence, whole, passed, closed));
        }

        return verdicts;
    }

    private static StarVerdict Decide(
        int person, StarRule rule, IReadOnlyList<Period> quarters, StarEvidence[] evidence, StarEvidence? whole, int passed, int closed)
    {
        var span = quarters.Count == 1 ? quarters[0].Label : $"{quarters[0].Label} to {quarters[^1].Label}";
        var last = quarters.Count == 1 ? "the last quarter" : $"the last {quarters.Count} quarters";
        var enoughDeals = closed >= rule.MinimumClosedDeals;
        var held = new List<string>();
        var failed = new List<string>();
        if (rule.QuartersRequired > 0)
        {
            var used = evidence.Select(e => e.MetricUsed).OfType<Kpi>().Distinct().Select(Name).ToList();
            var names = used.Count == 0 ? Name(rule.Metric) : string.Join(" or ", used);
            var text = $"{names} at or above percentile {Number(rule.PercentileAtLeast)} of peers in {passed} of {last} ({span}; needs {rule.QuartersRequired})";
            (passed >= rule.QuartersRequired ? held : failed).Add(text);
        }

        if (whole is not null)
        {
            var needs = Number(rule.TrailingPercentileAtLeast!.Value);
            var text = whole.Percentile is { } percentile
                ? $"{Name(whole.MetricUsed!.Value)} over {last} together at percentile {Number(percentile)} of peers (needs {needs})"
                : $"no {Name(rule.Metric)} over {last} to rank";
            (whole.Passed ? held : failed).Add(text);
        }

        var deals = $"{closed} closed deals";
        if (failed.Count == 0 && enoughDeals)
        {
            return new(person, StarStatus.Star, evidence, whole, passed, closed, $"Star: {string.Join("; ", held)}; with {deals}.");
        }

        if (!enoughDeals) failed.Add($"{deals} over {last} (needs {rule.MinimumClosedDeals})");
        return new(person, StarStatus.NotStar, evidence, whole, passed, closed, $"Not a star: {string.Join("; ", failed)}.");
    }

    private static StarEvidence Judge(KpiTable table, KpiRanks ranks, int person, int period, StarRule rule, double threshold)
    {
        var closed = table.Count(person, period, Kpi.ClosedDeals);
        foreach (var kpi in rule.FallbackMetric is { } fallback ? [rule.Metric, fallback] : new[] { rule.Metric })
        {
            if (table.Value(person, period, kpi) is not { } value) continue;
            var percentile = ranks.Percentile(person, period, kpi);
            var passed = percentile is { } p && p >= threshold;
            return new StarEvidence(table.Periods[period], kpi, value, percentile, passed, closed);
        }

        return new StarEvidence(table.Periods[period], null, null, null, false, closed);
    }

    private static string? NotEnoughData(DateOnly? started, KpiEmployment employment, Period window, DateOnly asOf, IReadOnlyList<Period> quarters)
    {
        if (started is not { } start) return "Not enough data: no hire date and no sales data.";
        if (start > window.Start)
        {
            return $"Not enough data: started on {Day(start)}, after the first of the last {quarters.Count} quarters ({quarters[0].Label}) began on {Day(window.Start)}.";
        }

        if (employment.Until is { } until && until <= asOf) return $"Not enough data: left on {Day(until.AddDays(-1))}.";
        return null;
    }

    /// <summary>Earliest created, close or activity day per person (day number), or −1 when they have no data.</summary>
    private static int[] FirstDataDays(KpiInput input)
    {
        var first = new int[input.People];
        Array.Fill(first, int.MaxValue);
        foreach (ref readonly var o in input.Opportunities.Span)
        {
            if (o.CreatedDay >= 0) first[o.Owner] = Math.Min(first[o.Owner], o.CreatedDay);
            if (o.IsClosed && o.CloseDay >= 0) first[o.Owner] = Math.Min(first[o.Owner], o.CloseDay);
        }

        foreach (ref readonly var a in input.Activities.Span) first[a.Owner] = Math.Min(first[a.Owner], a.DayNumber);
        for (var i = 0; i < first.Length; i++)
        {
            if (first[i] == int.MaxValue) first[i] = -1;
        }

        return first;
    }

    private static string Name(Kpi kpi) => KpiCatalog.Of(kpi).Name.ToLowerInvariant();

    private static string Number(double value) => value.ToString("0.#", CultureInfo.InvariantCulture);

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
