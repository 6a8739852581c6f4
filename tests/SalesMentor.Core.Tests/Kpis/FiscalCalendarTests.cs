using SalesMentor.Core.Kpis;

namespace SalesMentor.Core.Tests.Kpis;

public sealed class FiscalCalendarTests
{
    [Theory]
    // start month, date, fiscal year (named by the calendar year it ends in), quarter, quarter start, quarter end, year start, year end
    [InlineData(1, "2026-01-01", 2026, 1, "2026-01-01", "2026-04-01", "2026-01-01", "2027-01-01")]
    [InlineData(1, "2026-12-31", 2026, 4, "2026-10-01", "2027-01-01", "2026-01-01", "2027-01-01")]
    [InlineData(2, "2026-01-31", 2026, 4, "2025-11-01", "2026-02-01", "2025-02-01", "2026-02-01")]
    [InlineData(2, "2026-02-01", 2027, 1, "2026-02-01", "2026-05-01", "2026-02-01", "2027-02-01")]
    [InlineData(2, "2024-02-29", 2025, 1, "2024-02-01", "2024-05-01", "2024-02-01", "2025-02-01")]
    [InlineData(7, "2025-07-01", 2026, 1, "2025-07-01", "2025-10-01", "2025-07-01", "2026-07-01")]
    [InlineData(7, "2026-06-30", 2026, 4, "2026-04-01", "2026-07-01", "2025-07-01", "2026-07-01")]
    [InlineData(7, "2026-01-15", 2026, 3, "2026-01-01", "2026-04-01", "2025-07-01", "2026-07-01")]
    [InlineData(12, "2025-12-01", 2026, 1, "2025-12-01", "2026-03-01", "2025-12-01", "2026-12-01")]
    public void PeriodOf_FiscalYearStartMonth_NamesYearByTheYearItEndsIn(
        int startMonth, string date, int fiscalYear, int quarter, string quarterStart, string quarterEnd, string yearStart, string yearEnd)
    {
        var calendar = new FiscalCalendar(startMonth);
        var day = DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture);

        var q = calendar.FiscalQuarterOf(day);
        var y = calendar.FiscalYearOf(day);

        Assert.Equal(fiscalYear, calendar.FiscalYearNumberOf(day));
        Assert.Equal((Day(quarterStart), Day(quarterEnd), $"FY{fiscalYear} Q{quarter}"), (q.Start, q.End, q.Label));
        Assert.Equal((Day(yearStart), Day(yearEnd), $"FY{fiscalYear}"), (y.Start, y.End, y.Label));
        Assert.True(q.Contains(day) && y.Contains(day));
    }

    [Theory]
    [InlineData("2024-02-10", "2024-02-01", "2024-03-01", 29, "2024-02")]
    [InlineData("2025-02-28", "2025-02-01", "2025-03-01", 28, "2025-02")]
    [InlineData("2026-12-31", "2026-12-01", "2027-01-01", 31, "2026-12")]
    public void MonthOf_Date_IsHalfOpenCalendarMonth(string date, string start, string end, int days, string label)
    {
        var month = FiscalCalendar.MonthOf(Day(date));

        Assert.Equal((Day(start), Day(end), days, label), (month.Start, month.End, month.Days, month.Label));
        Assert.False(month.Contains(month.End));
        Assert.True(month.Contains(month.LastDay));
    }

    [Fact]
    public void PeriodsBetween_Months_CoverTheRangeWithWholeMonths()
    {
        var months = new FiscalCalendar(1).PeriodsBetween(PeriodKind.Month, Day("2025-11-15"), Day("2026-02-01"));

        Assert.Equal(["2025-11", "2025-12", "2026-01"], months.Select(m => m.Label));
        Assert.Equal(Day("2025-11-01"), months[0].Start);
        Assert.Equal(Day("2026-02-01"), months[^1].End);
    }

    [Fact]
    public void PeriodsBetween_QuartersOfJulyYear_AreContiguousAndLabelled()
    {
        var quarters = new FiscalCalendar(7).PeriodsBetween(PeriodKind.FiscalQuarter, Day("2025-06-30"), Day("2026-01-01"));

        Assert.Equal(["FY2025 Q4", "FY2026 Q1", "FY2026 Q2"], quarters.Select(q => q.Label));
        Assert.Equal(quarters[0].End, quarters[1].Start);
    }

    [Fact]
    public void PeriodsBetween_EmptyRange_IsEmpty()
        => Assert.Empty(new FiscalCalendar(1).PeriodsBetween(PeriodKind.Month, Day("2026-01-01"), Day("2026-01-01")));

    [Theory]
    [InlineData(1, "2026-11-26", "FY2025 Q4,FY2026 Q1,FY2026 Q2,FY2026 Q3")]
    [InlineData(1, "2026-09-30", "FY2025 Q4,FY2026 Q1,FY2026 Q2,FY2026 Q3")]
    [InlineData(1, "2026-09-29", "FY2025 Q3,FY2025 Q4,FY2026 Q1,FY2026 Q2")]
    [InlineData(2, "2026-02-01", "FY2026 Q1,FY2026 Q2,FY2026 Q3,FY2026 Q4")]
    public void CompletedQuartersBefore_AsOf_CountsAQuarterCompleteOnItsLastDay(int startMonth, string asOf, string expected)
        => Assert.Equal(expected.Split(','), new FiscalCalendar(startMonth).CompletedQuartersBefore(Day(asOf), 4).Select(q => q.Label));

    [Theory]
    [InlineData(0)]
    [InlineData(13)]
    public void Constructor_MonthOutOfRange_Throws(int month)
        => Assert.Throws<ArgumentOutOfRangeException>(() => new FiscalCalendar(month));

    [Fact]
    public void Custom_Span_IsLabelledByFirstAndLastDay()
        => Assert.Equal("2025-10-01 to 2026-09-30", Period.Custom(Day("2025-10-01"), Day("2026-10-01")).Label);

    private static DateOnly Day(string text) => DateOnly.Parse(text, System.Globalization.CultureInfo.InvariantCulture);
}
