namespace SalesMentor.Core.Demo;

/// <summary>
/// Step 3 of <see cref="DemoPlan"/>: a quota per rep and calendar quarter overlapping both the data window and
/// the rep's employment, set from the base plan (before any uplift: what the company expected).
/// <para>
/// A quota sits between what a steady rep in the same seat (title, segment) would win and what this rep is
/// planned to win: their geometric mean, ±7 % noise. Expected attainment is then √(own / reference):
/// about 170 % for stars, 100 % for steady reps and 55 % for strugglers, instead of everyone landing on 100 %. With a few wins per quarter, single quarters scatter widely.
/// Partial quarters are prorated by days employed; ramping reps get ramped quotas (lagged by a month,
/// as deals created take a while to close). The quarter in progress at AsOf has its full quota. The first
/// quarter of the window reads low, since pipeline created before the window is not generated.
/// </para>
/// </summary>
internal static class PlanQuotas
{
    private const int RampLagDays = 30;

    internal static IReadOnlyList<DemoQuota> Plan(DemoOptions options, DemoScale scale, DemoRoster roster, DemoPlan plan)
    {
        var segments = roster.Teams.ToDictionary(t => t.Name, t => t.Segment, StringComparer.Ordinal);
        var listPrice = DemoCatalog.ExpectedListPrice(scale.ProductWeights);
        var firstQuarter = QuarterStart(roster.WindowStart);
        var windowEnd = options.AsOf.AddDays(1);
        var quotas = new List<DemoQuota>();
        for (var ordinal = 0; ordinal < roster.People.Count; ordinal++)
        {
            var person = roster.People[ordinal];
            if (!person.IsRep) continue;
            var performance = plan.PerformanceOf(person.Id);
            var reference = PlanPerformance.SteadyReference(PlanPerformance.RoleFactor(person.Title, segments[person.Team!]));
            var monthly = Math.Sqrt(MonthlyRevenue(scale, reference, listPrice) * MonthlyRevenue(scale, performance, listPrice));
            var random = DemoRandom.Create(options.Seed, DemoStream.Quotas, ordinal);
            var activeFrom = Max(person.HireDate, roster.WindowStart);
            for (var quarter = firstQuarter; quarter < windowEnd; quarter = quarter.AddMonths(3))
            {
                var next = quarter.AddMonths(3);
                var noise = random.Between(0.93, 1.07);
                var from = Max(quarter, activeFrom);
                var to = person.LeftOn is { } left ? Min(next, left.AddDays(1)) : next;
                if (from >= to) continue;

                var share = (double)(to.DayNumber - from.DayNumber) / (next.DayNumber - quarter.DayNumber);
                var middle = from.AddDays(((to.DayNumber - from.DayNumber) / 2) - RampLagDays);
                var ramp = performance.Ramp(person.HireDate, middle);
                var rampShare = DemoPerformance.VolumeAt(ramp) * (0.5 + (0.5 * ramp)) * (0.8 + (0.2 * ramp));
                var amount = Math.Max(1, Math.Round(monthly * 3 * share * rampShare * noise / 100)) * 100;
                quotas.Add(new DemoQuota(person.Id, quarter, next, (decimal)amount, options.Currency));
            }
        }

        return quotas;
    }

    /// <summary>Expected won revenue per month, fully ramped: deals per month × win rate × expected amount.</summary>
    internal static double MonthlyRevenue(DemoScale scale, DemoPerformance performance, double listPrice)
        => scale.OpportunitiesPerRepMonth * performance.DealVelocity * performance.BaseWinRate
            * performance.DealSizeMultiplier * listPrice;

    /// <summary>First day of the calendar quarter containing <paramref name="day"/>.</summary>
    internal static DateOnly QuarterStart(DateOnly day) => new(day.Year, (((day.Month - 1) / 3) * 3) + 1, 1);

    private static DateOnly Max(DateOnly a, DateOnly b) => a > b ? a : b;

    private static DateOnly Min(DateOnly a, DateOnly b) => a < b ? a : b;
}
