using SalesMentor.Core.Kpis;

namespace SalesMentor.Core.Tests.Kpis;

/// <summary>The engine against a naive LINQ reference written straight from docs/kpis.md, on random data.</summary>
public sealed class ComputeKpisPropertyTests
{
    [Fact]
    public void For_RandomInstances_AgreesWithNaiveReference()
    {
        for (var seed = 0; seed < 400; seed++)
        {
            var random = new Random(seed);
            var (input, periods) = RandomWorld(random);

            var table = ComputeKpis.For(input, periods, maxDegreeOfParallelism: 1 + (seed % 2));

            AssertAgrees(input, periods, table, seed);
        }
    }

    [Fact]
    public void Recompute_RandomSubsets_AgreesWithAFullCompute()
    {
        for (var seed = 0; seed < 100; seed++)
        {
            var random = new Random(1000 + seed);
            var (input, periods) = RandomWorld(random);
            var (other, _) = RandomWorld(new Random(2000 + seed), input.People);
            var table = ComputeKpis.For(other, periods);
            var everyone = Enumerable.Range(0, input.People).ToArray();

            ComputeKpis.Recompute(table, input, everyone);

            AssertAgrees(input, periods, table, seed);
        }
    }

    [Fact]
    public void For_LargeInputGroupedInParallel_EqualsSequential()
    {
        var random = new Random(42);
        var calendar = new FiscalCalendar(1);
        var periods = calendar.PeriodsBetween(PeriodKind.Month, new DateOnly(2025, 1, 1), new DateOnly(2026, 1, 1));
        var activities = new KpiActivity[300_000];
        for (var i = 0; i < activities.Length; i++)
        {
            activities[i] = new KpiActivity(random.Next(50), new DateOnly(2025, 1, 1).AddDays(random.Next(400)), (ActivityType)random.Next(5), random.Next(10) > 0);
        }

        var opportunities = new KpiOpportunity[300_000];
        for (var i = 0; i < opportunities.Length; i++)
        {
            var created = new DateOnly(2024, 12, 1).AddDays(random.Next(400));
            var closed = random.Next(3) > 0;
            opportunities[i] = new KpiOpportunity(random.Next(50), created, created.AddDays(random.Next(90)), closed, closed && i % 3 == 1, random.Next(1_000_000));
        }

        var input = new KpiInput(50, opportunities, activities, ReadOnlyMemory<KpiQuota>.Empty);

        var parallel = ComputeKpis.For(input, periods, 2);
        var sequential = ComputeKpis.For(input, periods, 1);

        for (var p = 0; p < 50; p++)
        {
            for (var m = 0; m < periods.Count; m++)
            {
                foreach (var kpi in Enum.GetValues<Kpi>()) Assert.Equal(sequential.Value(p, m, kpi), parallel.Value(p, m, kpi));
            }
        }
    }

    private static (KpiInput Input, IReadOnlyList<Period> Periods) RandomWorld(Random random, int? peopleCount = null)
    {
        var calendar = new FiscalCalendar(random.Next(1, 13));
        var kind = (PeriodKind)random.Next(3);
        var from = new DateOnly(2023, 1, 1).AddDays(random.Next(800));
        var to = from.AddDays(random.Next(1, kind == PeriodKind.Month ? 200 : 700));
        var periods = calendar.PeriodsBetween(kind, from, to);
        var first = periods[0].Start.AddDays(-60);
        var span = periods[^1].End.DayNumber - first.DayNumber + 60;
        DateOnly Day() => first.AddDays(random.Next(span));
        var people = peopleCount ?? random.Next(1, 7);
        var builder = new KpiInputBuilder(people);
        for (var i = random.Next(0, 80); i > 0; i--)
        {
            var owner = random.Next(people);
            var created = random.Next(12) == 0 ? (DateOnly?)null : Day();
            var closed = random.Next(3) > 0;
            var won = closed && random.Next(2) == 0;
            DateOnly? close = random.Next(15) == 0 ? null
                : created is { } c && random.Next(10) > 0 ? c.AddDays(random.Next(0, 120))
                : Day();   // sometimes before created
            decimal? amount = random.Next(10) == 0 ? null : random.Next(4) == 0 ? random.Next(5) : random.Next(1, 10_000_000) / 100m;
            builder.AddOpportunity(owner, created, close, closed, won, amount);
        }

        for (var i = random.Next(0, 60); i > 0; i--)
        {
            builder.AddActivity(random.Next(people), Day(), (ActivityType)random.Next(5), random.Next(5) > 0);
        }

        for (var i = random.Next(0, 8); i > 0; i--)
        {
            var start = Day();
            builder.AddQuota(random.Next(people), start, start.AddDays(random.Next(1, 200)), random.Next(0, 5_000_000) / 100m);
        }

        for (var p = 0; p < people; p++)
        {
            if (random.Next(3) != 0) continue;
            var hired = Day();
            builder.SetEmployment(p, hired, random.Next(2) == 0 ? null : hired.AddDays(random.Next(1, 400)));
        }

        return (builder.Build(), periods);
    }

    private static void AssertAgrees(KpiInput input, IReadOnlyList<Period> periods, KpiTable table, int seed)
    {
        var opportunities = input.Opportunities.ToArray();
        var activities = input.Activities.ToArray();
        var quotas = input.Quotas.ToArray();
        for (var person = 0; person < input.People; person++)
        {
            for (var p = 0; p < periods.Count; p++)
            {
                var expected = Naive.Kpis(person, periods[p], opportunities, activities, quotas);
                foreach (var (kpi, value) in expected)
                {
                    var actual = table.Value(person, p, kpi);
                    if (KpiCatalog.KindOf(kpi) == KpiKind.Ratio && value is { } v && actual is { } a)
                    {
                        Assert.True(Math.Abs(v - a) <= 1e-12m * Math.Max(1, Math.Abs(v)), $"seed {seed}, person {person}, {periods[p]}, {kpi}: expected {v}, got {a}");
                    }
                    else
                    {
                        Assert.True(value == actual, $"seed {seed}, person {person}, {periods[p]}, {kpi}: expected {value}, got {actual}");
                    }
                }

                Assert.Equal(input.EmploymentOf(person).Overlaps(periods[p]), table.IsActive(person, p));
            }
        }
    }

    /// <summary>Each KPI computed the slow, obvious way, in decimal, from the definitions.</summary>
    private static class Naive
    {
        internal static Dictionary<Kpi, decimal?> Kpis(int person, Period period, KpiOpportunity[] all, KpiActivity[] activities, KpiQuota[] quotas)
        {
            var own = all.Where(o => o.Owner == person && !(o.IsClosed && o.CloseDate is null)).ToList();
            var closedIn = own.Where(o => o.IsClosed && period.Contains(o.CloseDate!.Value)).ToList();
            var won = closedIn.Where(o => o.IsWon).ToList();
            var lost = closedIn.Where(o => !o.IsWon).ToList();
            decimal Sum(IEnumerable<KpiOpportunity> deals) => deals.Where(o => o.Amount is not null).Sum(o => KpiMoney.ToDecimal(o.Amount!.Value));
            var wonAmount = Sum(won);
            var lostAmount = Sum(lost);
            var wonWithAmount = won.Count(o => o.Amount is not null);
            var cycles = won.Where(o => o.CreatedOn is { } c && o.CloseDate >= c).Select(o => o.CloseDate!.Value.DayNumber - o.CreatedOn!.Value.DayNumber).Order().ToList();
            var created = own.Where(o => o.CreatedOn is { } c && period.Contains(c)).ToList();
            var open = own.Where(o => o.CreatedOn is { } c && c < period.End && (!o.IsClosed || o.CloseDate >= period.End)).ToList();
            var overlapping = quotas.Where(q => q.Owner == person && q.Start < period.End && q.End > period.Start).ToList();
            decimal? quota = overlapping.Count == 0 ? null : overlapping.Sum(q =>
            {
                var part = (Min(q.End, period.End).DayNumber - Max(q.Start, period.Start).DayNumber);
                var whole = q.End.DayNumber - q.Start.DayNumber;
                return Math.Round(KpiMoney.ToDecimal(q.Amount) * part / whole, 4, MidpointRounding.AwayFromZero);
            });
            var done = activities.Where(a => a.Owner == person && a.Completed && period.Contains(a.Date)).ToList();
            decimal? Ratio(decimal numerator, decimal denominator) => denominator == 0 ? null : (decimal)((double)numerator / (double)denominator);

            return new Dictionary<Kpi, decimal?>
            {
                [Kpi.WonRevenue] = wonAmount,
                [Kpi.LostAmount] = lostAmount,
                [Kpi.AverageDealSize] = wonWithAmount == 0 ? null : Math.Round(wonAmount / wonWithAmount, 4, MidpointRounding.AwayFromZero),
                [Kpi.PipelineCreated] = Sum(created),
                [Kpi.OpenPipeline] = Sum(open),
                [Kpi.Quota] = quota,
                [Kpi.WonDeals] = won.Count,
                [Kpi.LostDeals] = lost.Count,
                [Kpi.ClosedDeals] = closedIn.Count,
                [Kpi.WonWithoutAmount] = won.Count(o => o.Amount is null),
                [Kpi.LostWithoutAmount] = lost.Count(o => o.Amount is null),
                [Kpi.OpportunitiesCreated] = created.Count,
                [Kpi.OpenOpportunities] = open.Count,
                [Kpi.SalesCycleDeals] = cycles.Count,
                [Kpi.SalesCycleMissingCreatedDate] = won.Count(o => o.CreatedOn is null),
                [Kpi.SalesCycleNegative] = won.Count(o => o.CreatedOn is { } c && o.CloseDate < c),
                [Kpi.Calls] = done.Count(a => a.Type == ActivityType.Call),
                [Kpi.Emails] = done.Count(a => a.Type == ActivityType.Email),
                [Kpi.Meetings] = done.Count(a => a.Type == ActivityType.Meeting),
                [Kpi.Tasks] = done.Count(a => a.Type == ActivityType.Task),
                [Kpi.OtherActivities] = done.Count(a => a.Type == ActivityType.Other),
                [Kpi.Activities] = done.Count,
                [Kpi.WinRateByCount] = Ratio(won.Count, closedIn.Count),
                [Kpi.WinRateByValue] = Ratio(wonAmount, wonAmount + lostAmount),
                [Kpi.SalesCycleMedianDays] = cycles.Count == 0 ? null
                    : cycles.Count % 2 == 1 ? cycles[cycles.Count / 2] : (cycles[(cycles.Count / 2) - 1] + cycles[cycles.Count / 2]) / 2m,
                [Kpi.SalesCycleMeanDays] = cycles.Count == 0 ? null : Ratio(cycles.Sum(), cycles.Count),
                [Kpi.QuotaAttainment] = quota is { } q1 && q1 != 0 ? Ratio(wonAmount, q1) : null,
                [Kpi.PipelineCoverage] = quota is { } q2 && q2 - wonAmount > 0 ? Ratio(Sum(open), q2 - wonAmount) : null,
            };
        }

        private static DateOnly Min(DateOnly a, DateOnly b) => a < b ? a : b;

        private static DateOnly Max(DateOnly a, DateOnly b) => a > b ? a : b;
    }
}
