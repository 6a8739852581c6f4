using SalesMentor.Core.Kpis;

namespace SalesMentor.Core.Tests.Kpis;

/// <summary>
/// A small hand-computed world, fiscal year = calendar year, January–April 2026. Person 0 has deals crossing every
/// boundary and edge case; person 1 has nothing. docs/kpis.md walks through the same numbers.
/// </summary>
internal static class KpiFixture
{
    internal static readonly FiscalCalendar Calendar = new(1);

    internal static IReadOnlyList<Period> Months => Calendar.PeriodsBetween(PeriodKind.Month, D("2026-01-01"), D("2026-05-01"));

    internal static KpiInput Build()
    {
        var builder = new KpiInputBuilder(2);
        builder
            .AddOpportunity(0, D("2026-01-05"), D("2026-01-31"), true, true, 1000.00m)       // A: won on the last day of January
            .AddOpportunity(0, D("2026-01-10"), D("2026-02-01"), true, true, 2500.50m)       // B: won on the first day of February
            .AddOpportunity(0, D("2026-01-20"), D("2026-02-15"), true, false, 400.25m)       // C: lost in February
            .AddOpportunity(0, D("2026-02-03"), D("2026-02-20"), true, true, null)           // D: won, no amount
            .AddOpportunity(0, null, D("2026-02-25"), true, true, 100m)                      // E: won, no created date
            .AddOpportunity(0, D("2026-03-10"), D("2026-03-01"), true, true, 50m)            // F: won, closed before created
            .AddOpportunity(0, D("2025-12-15"), D("2026-06-30"), false, false, 3000m)        // G: open since December
            .AddOpportunity(0, D("2026-01-02"), null, true, true, 999m)                      // H: closed without close date
            .AddOpportunity(0, D("2026-03-31"), D("2026-04-01"), true, false, 10m)           // I: created 31 March, lost 1 April
            .AddOpportunity(0, D("2026-02-10"), D("2026-03-15"), true, true, 0.0001m)        // J: won, the smallest amount
            .AddActivity(0, D("2025-12-31"), ActivityType.Call, true)
            .AddActivity(0, D("2026-01-31"), ActivityType.Call, true)
            .AddActivity(0, D("2026-02-01"), ActivityType.Email, true)
            .AddActivity(0, D("2026-02-28"), ActivityType.Meeting, false)
            .AddActivity(0, D("2026-03-15"), ActivityType.Task, true)
            .AddActivity(0, D("2026-04-30"), ActivityType.Other, true)
            .AddActivity(0, D("2026-05-01"), ActivityType.Call, true)
            .AddQuota(0, D("2026-01-01"), D("2026-04-01"), 9000m)     // 90 days
            .AddQuota(0, D("2026-04-01"), D("2026-07-01"), 10000m);   // 91 days
        return builder.Build();
    }

    internal static DateOnly D(string text) => DateOnly.Parse(text, System.Globalization.CultureInfo.InvariantCulture);
}
