using SalesMentor.Core.Kpis;

namespace SalesMentor.Core.Tests.Kpis;

public sealed class ComputeKpisTests
{
    private const int Jan = 0, Feb = 1, Mar = 2, Apr = 3;

    [Theory]
    // month, KPI, expected money in currency units (null = undefined); hand-computed from KpiFixture
    [InlineData(Jan, Kpi.WonRevenue, "1000")]                 // A (B closes 1 Feb)
    [InlineData(Feb, Kpi.WonRevenue, "2600.50")]              // B 2,500.50 + E 100; D has no amount
    [InlineData(Mar, Kpi.WonRevenue, "50.0001")]              // F 50 + J 0.0001
    [InlineData(Apr, Kpi.WonRevenue, "0")]
    [InlineData(Feb, Kpi.LostAmount, "400.25")]               // C
    [InlineData(Apr, Kpi.LostAmount, "10")]                   // I
    [InlineData(Jan, Kpi.AverageDealSize, "1000")]
    [InlineData(Feb, Kpi.AverageDealSize, "1300.25")]         // 2,600.50 ÷ 2 deals with an amount (D has none)
    [InlineData(Mar, Kpi.AverageDealSize, "25.0001")]         // 50.0001 ÷ 2 = 25.00005, half away from zero
    [InlineData(Apr, Kpi.AverageDealSize, null)]              // nothing won
    [InlineData(Jan, Kpi.PipelineCreated, "3900.75")]         // A + B + C; H (no close date) is skipped
    [InlineData(Feb, Kpi.PipelineCreated, "0.0001")]          // D (no amount) + J
    [InlineData(Mar, Kpi.PipelineCreated, "60")]              // F + I
    [InlineData(Apr, Kpi.PipelineCreated, "0")]
    [InlineData(Jan, Kpi.OpenPipeline, "5900.75")]            // B (closes on Jan's end, 1 Feb) + C + G
    [InlineData(Feb, Kpi.OpenPipeline, "3000.0001")]          // G + J
    [InlineData(Mar, Kpi.OpenPipeline, "3010")]               // G + I (closes 1 April)
    [InlineData(Apr, Kpi.OpenPipeline, "3000")]               // G
    [InlineData(Jan, Kpi.Quota, "3100")]                      // 9,000 × 31/90
    [InlineData(Feb, Kpi.Quota, "2800")]                      // 9,000 × 28/90
    [InlineData(Mar, Kpi.Quota, "3100")]
    [InlineData(Apr, Kpi.Quota, "3296.7033")]                 // 10,000 × 30/91 = 3,296.70329…
    public void Money_HandComputedFixture_IsExact(int month, Kpi kpi, string? expected)
    {
        var table = ComputeKpis.For(KpiFixture.Build(), KpiFixture.Months);

        Assert.Equal(expected is null ? null : decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), table.MoneyInCurrency(0, month, kpi));
    }

    [Theory]
    [InlineData(Jan, Kpi.WonDeals, 1)]
    [InlineData(Feb, Kpi.WonDeals, 3)]
    [InlineData(Mar, Kpi.WonDeals, 2)]
    [InlineData(Feb, Kpi.LostDeals, 1)]
    [InlineData(Apr, Kpi.LostDeals, 1)]
    [InlineData(Feb, Kpi.ClosedDeals, 4)]
    [InlineData(Apr, Kpi.ClosedDeals, 1)]
    [InlineData(Feb, Kpi.WonWithoutAmount, 1)]
    [InlineData(Feb, Kpi.LostWithoutAmount, 0)]
    [InlineData(Jan, Kpi.OpportunitiesCreated, 3)]
    [InlineData(Feb, Kpi.OpportunitiesCreated, 2)]
    [InlineData(Mar, Kpi.OpportunitiesCreated, 2)]
    [InlineData(Jan, Kpi.OpenOpportunities, 3)]
    [InlineData(Feb, Kpi.OpenOpportunities, 2)]
    [InlineData(Mar, Kpi.OpenOpportunities, 2)]
    [InlineData(Apr, Kpi.OpenOpportunities, 1)]
    [InlineData(Feb, Kpi.SalesCycleDeals, 2)]
    [InlineData(Feb, Kpi.SalesCycleMissingCreatedDate, 1)]
    [InlineData(Mar, Kpi.SalesCycleDeals, 1)]
    [InlineData(Mar, Kpi.SalesCycleNegative, 1)]
    [InlineData(Jan, Kpi.Calls, 1)]                            // 31 Dec and 1 May are outside
    [InlineData(Feb, Kpi.Emails, 1)]
    [InlineData(Feb, Kpi.Meetings, 0)]                         // not completed
    [InlineData(Mar, Kpi.Tasks, 1)]
    [InlineData(Apr, Kpi.OtherActivities, 1)]
    [InlineData(Feb, Kpi.Activities, 1)]
    [InlineData(Apr, Kpi.Activities, 1)]
    public void Count_HandComputedFixture_IsExact(int month, Kpi kpi, int expected)
        => Assert.Equal(expected, ComputeKpis.For(KpiFixture.Build(), KpiFixture.Months).Count(0, month, kpi));

    [Theory]
    [InlineData(Jan, Kpi.WinRateByCount, 1.0)]
    [InlineData(Feb, Kpi.WinRateByCount, 0.75)]
    [InlineData(Apr, Kpi.WinRateByCount, 0.0)]                           // lost only: 0, not undefined
    [InlineData(Feb, Kpi.WinRateByValue, 2600.50 / 3000.75)]
    [InlineData(Apr, Kpi.WinRateByValue, 0.0)]
    [InlineData(Jan, Kpi.SalesCycleMedianDays, 26.0)]
    [InlineData(Feb, Kpi.SalesCycleMedianDays, 19.5)]                    // B 22, D 17: the mean of the two middle values
    [InlineData(Feb, Kpi.SalesCycleMeanDays, 19.5)]
    [InlineData(Mar, Kpi.SalesCycleMedianDays, 33.0)]                    // J only; F is negative
    [InlineData(Apr, Kpi.SalesCycleMedianDays, null)]
    [InlineData(Jan, Kpi.QuotaAttainment, 1000.0 / 3100)]
    [InlineData(Apr, Kpi.QuotaAttainment, 0.0)]
    [InlineData(Jan, Kpi.PipelineCoverage, 5900.75 / 2100)]              // open ÷ (3,100 − 1,000)
    [InlineData(Feb, Kpi.PipelineCoverage, 3000.0001 / 199.5)]
    [InlineData(Apr, Kpi.PipelineCoverage, 3000 / 3296.7033)]
    public void Ratio_HandComputedFixture_MatchesFormula(int month, Kpi kpi, double? expected)
    {
        var actual = ComputeKpis.For(KpiFixture.Build(), KpiFixture.Months).Ratio(0, month, kpi);

        if (expected is null) Assert.Null(actual);
        else Assert.Equal(expected.Value, actual!.Value, 12);
    }

    [Theory]
    [InlineData(Kpi.WinRateByCount)]
    [InlineData(Kpi.WinRateByValue)]
    [InlineData(Kpi.SalesCycleMedianDays)]
    [InlineData(Kpi.SalesCycleMeanDays)]
    [InlineData(Kpi.QuotaAttainment)]
    [InlineData(Kpi.PipelineCoverage)]
    public void Ratio_PersonWithoutData_IsNullNeverZero(Kpi kpi)
        => Assert.Null(ComputeKpis.For(KpiFixture.Build(), KpiFixture.Months).Ratio(1, Jan, kpi));

    [Fact]
    public void Money_PersonWithoutData_SumsAreZeroAndQuotaAndAverageAreNull()
    {
        var table = ComputeKpis.For(KpiFixture.Build(), KpiFixture.Months);

        Assert.Equal(0, table.Money(1, Jan, Kpi.WonRevenue));
        Assert.Equal(0, table.Money(1, Jan, Kpi.OpenPipeline));
        Assert.Null(table.Money(1, Jan, Kpi.Quota));
        Assert.Null(table.Money(1, Jan, Kpi.AverageDealSize));
    }

    [Fact]
    public void DataProblems_ClosedWithoutCloseDateAndMissingCreatedDate_AreCountedPerPerson()
        => Assert.Equal(new KpiDataProblems(1, 1), ComputeKpis.For(KpiFixture.Build(), KpiFixture.Months).DataProblemsOf(0));

    [Fact]
    public void FiscalQuarter_WholeQuarter_UsesTheQuotaExactlyAndPoolsTheCycles()
    {
        var quarters = KpiFixture.Calendar.PeriodsBetween(PeriodKind.FiscalQuarter, KpiFixture.D("2026-01-01"), KpiFixture.D("2026-04-01"));
        var table = ComputeKpis.For(KpiFixture.Build(), quarters);

        Assert.Equal("FY2026 Q1", table.Periods[0].Label);
        Assert.Equal(9000m, table.MoneyInCurrency(0, 0, Kpi.Quota));
        Assert.Equal(3650.5001m, table.MoneyInCurrency(0, 0, Kpi.WonRevenue));   // A, B, E, F, J
        Assert.Equal(6, table.Count(0, 0, Kpi.WonDeals));
        Assert.Equal(24.0, table.Ratio(0, 0, Kpi.SalesCycleMedianDays));          // 17, 22, 26, 33
        Assert.Equal(24.5, table.Ratio(0, 0, Kpi.SalesCycleMeanDays));
        Assert.Equal(2, table.Count(0, 0, Kpi.OpenOpportunities));                // G, I at 1 April
    }

    [Theory]
    // A deal closing on the last day of a fiscal year and one closing on the first day of the next, for years starting in February and July.
    [InlineData(2, "2026-01-31", "2026-02-01", "FY2026", "FY2027")]
    [InlineData(7, "2026-06-30", "2026-07-01", "FY2026", "FY2027")]
    public void FiscalYear_DealsEitherSideOfTheBoundary_LandInTheirOwnYear(int startMonth, string lastDay, string firstDay, string first, string second)
    {
        var calendar = new FiscalCalendar(startMonth);
        var input = new KpiInputBuilder(1)
            .AddOpportunity(0, KpiFixture.D(lastDay).AddDays(-30), KpiFixture.D(lastDay), true, true, 100m)
            .AddOpportunity(0, KpiFixture.D(lastDay).AddDays(-30), KpiFixture.D(firstDay), true, true, 7m)
            .Build();

        var table = ComputeKpis.For(input, calendar, PeriodKind.FiscalYear, KpiFixture.D(lastDay), KpiFixture.D(firstDay).AddDays(1));

        Assert.Equal([first, second], table.Periods.Select(p => p.Label));
        Assert.Equal(100m, table.MoneyInCurrency(0, 0, Kpi.WonRevenue));
        Assert.Equal(7m, table.MoneyInCurrency(0, 1, Kpi.WonRevenue));
        Assert.Equal(7m, table.MoneyInCurrency(0, 0, Kpi.OpenPipeline));   // open at the year's end: closes on the next year's first day
    }

    [Fact]
    public void Quota_LeapYearFebruary_GetsTwentyNineOfNinetyOneDays()
    {
        var input = new KpiInputBuilder(1).AddQuota(0, KpiFixture.D("2024-01-01"), KpiFixture.D("2024-04-01"), 9100m).Build();

        var table = ComputeKpis.For(input, KpiFixture.Calendar, PeriodKind.Month, KpiFixture.D("2024-01-01"), KpiFixture.D("2024-04-01"));

        Assert.Equal([3100m, 2900m, 3100m], Enumerable.Range(0, 3).Select(m => table.MoneyInCurrency(0, m, Kpi.Quota)!.Value));
    }

    [Fact]
    public void Quota_ZeroAmount_IsZeroAndAttainmentIsNull()
    {
        var input = new KpiInputBuilder(1)
            .AddQuota(0, KpiFixture.D("2026-01-01"), KpiFixture.D("2026-02-01"), 0m)
            .AddOpportunity(0, KpiFixture.D("2026-01-02"), KpiFixture.D("2026-01-03"), true, true, 5m)
            .Build();

        var table = ComputeKpis.For(input, [FiscalCalendar.MonthOf(KpiFixture.D("2026-01-01"))]);

        Assert.Equal(0, table.Money(0, 0, Kpi.Quota));
        Assert.Null(table.Ratio(0, 0, Kpi.QuotaAttainment));
        Assert.Null(table.Ratio(0, 0, Kpi.PipelineCoverage));
    }

    [Fact]
    public void Coverage_WonMoreThanQuota_IsNull()
    {
        var input = new KpiInputBuilder(1)
            .AddQuota(0, KpiFixture.D("2026-01-01"), KpiFixture.D("2026-02-01"), 100m)
            .AddOpportunity(0, KpiFixture.D("2026-01-02"), KpiFixture.D("2026-01-03"), true, true, 100m)
            .AddOpportunity(0, KpiFixture.D("2026-01-02"), null, false, false, 500m)
            .Build();

        var table = ComputeKpis.For(input, [FiscalCalendar.MonthOf(KpiFixture.D("2026-01-01"))]);

        Assert.Equal(1.0, table.Ratio(0, 0, Kpi.QuotaAttainment));
        Assert.Null(table.Ratio(0, 0, Kpi.PipelineCoverage));
    }

    [Fact]
    public void Recompute_OnePersonChanged_MatchesAFullComputeAndLeavesOthersAlone()
    {
        var table = ComputeKpis.For(KpiFixture.Build(), KpiFixture.Months);
        var changed = new KpiInputBuilder(2)
            .AddOpportunity(1, KpiFixture.D("2026-02-02"), KpiFixture.D("2026-02-09"), true, true, 123.45m)
            .Build();
        var before = table.Money(0, Jan, Kpi.WonRevenue);

        ComputeKpis.Recompute(table, changed, [1]);

        Assert.Equal(123.45m, table.MoneyInCurrency(1, Feb, Kpi.WonRevenue));
        Assert.Equal(7.0, table.Ratio(1, Feb, Kpi.SalesCycleMedianDays));
        Assert.Equal(before, table.Money(0, Jan, Kpi.WonRevenue));
    }

    [Fact]
    public void For_NonContiguousPeriods_Throws()
    {
        var periods = new[] { FiscalCalendar.MonthOf(KpiFixture.D("2026-01-01")), FiscalCalendar.MonthOf(KpiFixture.D("2026-03-01")) };

        Assert.Throws<ArgumentException>(() => ComputeKpis.For(KpiFixture.Build(), periods));
    }

    [Fact]
    public void Builder_WonButNotClosed_Throws()
        => Assert.Throws<ArgumentException>(() => new KpiInputBuilder(1).AddOpportunity(0, null, null, false, true, 1m));

    [Fact]
    public void Builder_OwnerOutOfRange_Throws()
        => Assert.Throws<ArgumentOutOfRangeException>(() => new KpiInputBuilder(1).AddActivity(1, KpiFixture.D("2026-01-01"), ActivityType.Call, true));

    [Fact]
    public void Money_AccessorForACount_Throws()
        => Assert.Throws<ArgumentException>(() => ComputeKpis.For(KpiFixture.Build(), KpiFixture.Months).Money(0, 0, Kpi.WonDeals));
}
