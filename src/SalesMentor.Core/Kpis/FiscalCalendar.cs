using System.Globalization;

namespace SalesMentor.Core.Kpis;

/// <summary>
/// The organization's fiscal calendar: months are calendar months; a fiscal year is twelve months starting on the
/// first day of <see cref="FiscalYearStartMonth"/>; its quarters are its months 1–3, 4–6, 7–9 and 10–12.
/// <para>
/// A fiscal year is named by the calendar year in which it <b>ends</b>, as most companies do: with a fiscal year
/// starting in February, FY2026 runs from 2025-02-01 to 2026-01-31; starting in July, FY2026 runs from 2025-07-01
/// to 2026-06-30; starting in January, FY2026 is the calendar year 2026.
/// </para>
/// Every period is half-open, [start, end), on local dates in the organization's time zone.
/// </summary>
public sealed class FiscalCalendar
{
    /// <summary>Creates the calendar of fiscal years starting on the first day of <paramref name="fiscalYearStartMonth"/>.</summary>
    /// <param name="fiscalYearStartMonth">1 (January, fiscal year = calendar year) to 12.</param>
    /// <exception cref="ArgumentOutOfRangeException">The month is not 1–12.</exception>
    public FiscalCalendar(int fiscalYearStartMonth)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(fiscalYearStartMonth, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(fiscalYearStartMonth, 12);
        FiscalYearStartMonth = fiscalYearStartMonth;
    }

    /// <summary>The calendar month (1–12) on whose first day every fiscal year starts.</summary>
    public int FiscalYearStartMonth { get; }

    /// <summary>The fiscal year (named by the calendar year it ends in) that contains <paramref name="date"/>.</summary>
    public int FiscalYearNumberOf(DateOnly date)
        => FiscalYearStartMonth == 1 || date.Month < FiscalYearStartMonth ? date.Year : date.Year + 1;

    /// <summary>The fiscal quarter (1–4) that contains <paramref name="date"/>.</summary>
    public int FiscalQuarterNumberOf(DateOnly date) => ((date.Month - FiscalYearStartMonth + 12) % 12 / 3) + 1;

    /// <summary>The calendar month containing <paramref name="date"/>, labelled "yyyy-MM".</summary>
    public static Period MonthOf(DateOnly date)
    {
        var start = new DateOnly(date.Year, date.Month, 1);
        return new Period(PeriodKind.Month, start, start.AddMonths(1), start.ToString("yyyy-MM", CultureInfo.InvariantCulture));
    }

    /// <summary>The fiscal quarter containing <paramref name="date"/>, labelled "FY2026 Q1".</summary>
    public Period FiscalQuarterOf(DateOnly date)
    {
        var year = FiscalYearNumberOf(date);
        var quarter = FiscalQuarterNumberOf(date);
        var start = FiscalYearStart(year).AddMonths(3 * (quarter - 1));
        var label = string.Create(CultureInfo.InvariantCulture, $"FY{year} Q{quarter}");
        return new Period(PeriodKind.FiscalQuarter, start, start.AddMonths(3), label);
    }

    /// <summary>The fiscal year containing <paramref name="date"/>, labelled "FY2026".</summary>
    public Period FiscalYearOf(DateOnly date)
    {
        var year = FiscalYearNumberOf(date);
        var start = FiscalYearStart(year);
        return new Period(PeriodKind.FiscalYear, start, start.AddYears(1), string.Create(CultureInfo.InvariantCulture, $"FY{year}"));
    }

    /// <summary>The period of <paramref name="kind"/> containing <paramref name="date"/>.</summary>
    /// <exception cref="ArgumentException"><paramref name="kind"/> is <see cref="PeriodKind.Custom"/>, which has no calendar.</exception>
    public Period PeriodOf(PeriodKind kind, DateOnly date) => kind switch
    {
        PeriodKind.Month => MonthOf(date),
        PeriodKind.FiscalQuarter => FiscalQuarterOf(date),
        PeriodKind.FiscalYear => FiscalYearOf(date),
        _ => throw new ArgumentException("Custom periods are not part of a calendar.", nameof(kind)),
    };

    /// <summary>
    /// Every whole period of <paramref name="kind"/> that overlaps [<paramref name="from"/>, <paramref name="to"/>), in order:
    /// the first contains <paramref name="from"/>, the last contains the day before <paramref name="to"/>. Empty when
    /// <paramref name="to"/> ≤ <paramref name="from"/>. Periods are not clipped to the range.
    /// </summary>
    public IReadOnlyList<Period> PeriodsBetween(PeriodKind kind, DateOnly from, DateOnly to)
    {
        var periods = new List<Period>();
        if (to <= from) return periods;
        for (var period = PeriodOf(kind, from); period.Start < to; period = PeriodOf(kind, period.End))
        {
            periods.Add(period);
            if (period.End == DateOnly.MaxValue) break;
        }

        return periods;
    }

    /// <summary>
    /// The last <paramref name="count"/> fiscal quarters that are complete on <paramref name="asOf"/>, oldest first:
    /// a quarter is complete when its last day is on or before <paramref name="asOf"/> (the as-of day is the last day with data).
    /// </summary>
    public IReadOnlyList<Period> CompletedQuartersBefore(DateOnly asOf, int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        var current = FiscalQuarterOf(asOf);
        var last = current.LastDay == asOf ? current : FiscalQuarterOf(current.Start.AddDays(-1));
        var quarters = new Period[count];
        for (var i = count - 1; i >= 0; i--)
        {
            quarters[i] = last;
            if (i > 0) last = FiscalQuarterOf(last.Start.AddDays(-1));
        }

        return quarters;
    }

    private DateOnly FiscalYearStart(int fiscalYear)
        => FiscalYearStartMonth == 1 ? new DateOnly(fiscalYear, 1, 1) : new DateOnly(fiscalYear - 1, FiscalYearStartMonth, 1);
}
