using System.Diagnostics;
using System.Globalization;
using SalesMentor.Core.Demo;
using SalesMentor.Core.Kpis;
using SalesMentor.Core.Stars;

namespace SalesMentor.Bench;

/// <summary>
/// stars-demo: how well rule settings find the stars planted in the Small demo (seed 1, as of 2026-11-26).
/// Precision = planted stars among those found; recall = planted stars found among those planted.
/// </summary>
internal static class StarsDemoScenario
{
    internal static int Run()
    {
        var attainment = new StarRule { Metric = Kpi.QuotaAttainment, FallbackMetric = Kpi.WonRevenue, QuartersRequired = 3, TrailingPercentileAtLeast = null };
        var rules = new (string Name, StarRule Rule, bool BySegment)[]
        {
            ("3 of 4 quarters ≥ p75", attainment with { QuartersRequired = 3 }, false),
            ("3 of 4 quarters ≥ p75, no deal minimum", attainment with { QuartersRequired = 3, MinimumClosedDeals = 0 }, false),
            ("3 of 4 quarters ≥ p70", attainment with { QuartersRequired = 3, PercentileAtLeast = 70 }, false),
            ("3 of 4 quarters ≥ p80", attainment with { QuartersRequired = 3, PercentileAtLeast = 80 }, false),
            ("4 of 4 quarters ≥ p60", attainment with { QuartersRequired = 4, PercentileAtLeast = 60 }, false),
            ("2 of 4 quarters ≥ p75", attainment with { QuartersRequired = 2 }, false),
            ("trailing 4 quarters ≥ p75", attainment with { QuartersRequired = 0, TrailingPercentileAtLeast = 75 }, false),
            ("trailing 4 quarters ≥ p85", attainment with { QuartersRequired = 0, TrailingPercentileAtLeast = 85 }, false),
            ("trailing 4 quarters ≥ p90", attainment with { QuartersRequired = 0, TrailingPercentileAtLeast = 90 }, false),
            ("trailing ≥ p85 and 2 of 4 quarters ≥ p75", attainment with { QuartersRequired = 2, TrailingPercentileAtLeast = 85 }, false),
            ("trailing ≥ p85 and 3 of 4 quarters ≥ p70", attainment with { QuartersRequired = 3, PercentileAtLeast = 70, TrailingPercentileAtLeast = 85 }, false),
            ("trailing ≥ p90 and 2 of 4 quarters ≥ p75", attainment with { QuartersRequired = 2, TrailingPercentileAtLeast = 90 }, false),
            ("trailing ≥ p80 and 3 of 4 quarters ≥ p75", attainment with { QuartersRequired = 3, TrailingPercentileAtLeast = 80 }, false),
            ("trailing won revenue ≥ p90 (the default)", StarRule.Default, false),
            ("trailing won revenue ≥ p85, peers = segment", attainment with { Metric = Kpi.WonRevenue, FallbackMetric = null, QuartersRequired = 0, TrailingPercentileAtLeast = 85, PeerGroup = StarPeerGroup.Team }, true),
            ("trailing won revenue ≥ p90, peers = segment", attainment with { Metric = Kpi.WonRevenue, FallbackMetric = null, QuartersRequired = 0, TrailingPercentileAtLeast = 90, PeerGroup = StarPeerGroup.Team }, true),
            ("trailing attainment ≥ p90, peers = segment", attainment with { QuartersRequired = 0, TrailingPercentileAtLeast = 90, PeerGroup = StarPeerGroup.Team }, true),
            ("3 of 4 quarters ≥ p75, peers = segment", attainment with { QuartersRequired = 3, PeerGroup = StarPeerGroup.Team }, true),
            ("6 quarters: 4 of 6 ≥ p75", attainment with { QuartersConsidered = 6, QuartersRequired = 4 }, false),
            ("6 quarters: trailing ≥ p90", attainment with { QuartersConsidered = 6, QuartersRequired = 0, TrailingPercentileAtLeast = 90 }, false),
            ("trailing win rate ≥ p90", attainment with { Metric = Kpi.WinRateByCount, FallbackMetric = null, QuartersRequired = 0, TrailingPercentileAtLeast = 90 }, false),
        };

        var calendar = new FiscalCalendar(1);
        var asOf = new DateOnly(2026, 11, 26);
        var totals = new (int Found, int Hits, int Planted)[rules.Length];
        foreach (var seed in new[] { 1, 2, 3, 4, 5 })
        {
            var started = Stopwatch.GetTimestamp();
            var org = DemoGenerator.Generate(new DemoOptions(DemoSize.Small, seed, asOf));
            var (input, reps) = DemoInput.From(org);
            var segments = org.Teams.ToDictionary(t => t.Name, t => t.Segment, StringComparer.Ordinal);
            var segmentNames = segments.Values.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
            var bySegment = reps.Select(r => segmentNames.IndexOf(segments[r.Team!])).ToArray();
            var planted = reps.Select((r, i) => (r, i)).Where(x => x.r.Persona == DemoPersona.Star).Select(x => x.i).ToHashSet();
            if (seed == 1)
            {
                Console.WriteLine($"Small demo, seed 1, as of {asOf:yyyy-MM-dd}: {reps.Count} reps, {planted.Count} planted stars, {input.Opportunities.Length} opportunities ({Stopwatch.GetElapsedTime(started).TotalMilliseconds:0} ms)");
                Console.WriteLine("| rule (quota attainment, won revenue without quota; ≥ 20 closed deals) | found | planted found | precision | recall | also found |");
                Console.WriteLine("|---|---|---|---|---|---|");
            }

            for (var r = 0; r < rules.Length; r++)
            {
                var verdicts = FindProvenStars.Evaluate(input, calendar, asOf, rules[r].Rule, rules[r].BySegment ? bySegment : default);
                var found = verdicts.Where(v => v.Status == StarStatus.Star).Select(v => v.Person).ToList();
                var hits = found.Count(planted.Contains);
                totals[r] = (totals[r].Found + found.Count, totals[r].Hits + hits, totals[r].Planted + planted.Count);
                if (seed != 1) continue;
                var others = string.Join(", ", found.Where(f => !planted.Contains(f)).GroupBy(f => reps[f].Persona).Select(g => $"{g.Count()} {g.Key}"));
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"| {rules[r].Name} | {found.Count} | {hits} | {Ratio(hits, found.Count)} | {Ratio(hits, planted.Count)} | {others} |"));
            }

            if (seed == 1)
            {
                var notEnough = FindProvenStars.Evaluate(input, calendar, asOf, StarRule.Default)
                    .Where(v => v.Status == StarStatus.NotEnoughData).GroupBy(v => reps[v.Person].Persona).Select(g => $"{g.Count()} {g.Key}");
                Console.WriteLine("Not enough data (default rule): " + string.Join(", ", notEnough));
            }
        }

        Console.WriteLine();
        Console.WriteLine("Seeds 1–5 together:");
        Console.WriteLine("| rule | found | planted found / planted | precision | recall |");
        Console.WriteLine("|---|---|---|---|---|");
        for (var r = 0; r < rules.Length; r++)
        {
            var (found, hits, planted) = totals[r];
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {rules[r].Name} | {found} | {hits} / {planted} | {Ratio(hits, found)} | {Ratio(hits, planted)} |"));
        }

        return 0;
    }

    private static string Ratio(int part, int whole) => whole == 0 ? "–" : ((double)part / whole).ToString("0.00", CultureInfo.InvariantCulture);
}

/// <summary>The demo organization's reps and sales data as a <see cref="KpiInput"/> (person index = position in the list).</summary>
internal static class DemoInput
{
    internal static (KpiInput Input, IReadOnlyList<DemoPerson> Reps) From(DemoOrganization org)
    {
        var reps = org.Reps.ToList();
        var index = reps.Select((r, i) => (r.Id, i)).ToDictionary(x => x.Id, x => x.i);
        var builder = new KpiInputBuilder(reps.Count);
        foreach (var rep in reps)
        {
            var person = index[rep.Id];
            builder.SetEmployment(person, rep.HireDate, rep.LeftOn?.AddDays(1));
            foreach (var o in org.OpportunitiesOf(rep)) builder.AddOpportunity(person, o.CreatedOn, o.CloseDate, o.IsClosed, o.IsWon, o.Amount);
            foreach (var a in org.ActivitiesOf(rep))
            {
                var type = a.Type switch
                {
                    DemoActivityType.Call => ActivityType.Call,
                    DemoActivityType.Email => ActivityType.Email,
                    DemoActivityType.Meeting => ActivityType.Meeting,
                    _ => ActivityType.Task,
                };
                builder.AddActivity(person, a.Date, type, a.Completed);
            }
        }

        foreach (var quota in org.Quotas) builder.AddQuota(index[quota.PersonId], quota.PeriodStart, quota.PeriodEnd, quota.Amount);
        return (builder.Build(), reps);
    }
}
