using System.Globalization;

namespace SalesMentor.Core.Kpis;

/// <summary>What kind of span a <see cref="Period"/> is.</summary>
public enum PeriodKind
{
    /// <summary>A calendar month, e.g. "2026-03".</summary>
    Month,

    /// <summary>Three consecutive months starting at a fiscal-year boundary plus 0, 3, 6 or 9 months, e.g. "FY2026 Q1".</summary>
    FiscalQuarter,

    /// <summary>Twelve months starting on the first day of the fiscal year's first month, e.g. "FY2026".</summary>
    FiscalYear,

    /// <summary>Any other span of whole days, e.g. the trailing four quarters; labelled by its first and last day.</summary>
    Custom,
}

/// <summary>
/// A span of whole local days, half-open: it contains every date d with <see cref="Start"/> ≤ d &lt; <see cref="End"/>.
/// Dates are local dates in the organization's time zone; a period has no time of day.
/// </summary>
public readonly record struct Period
{
    /// <summary>Creates a period [<paramref name="start"/>, <paramref name="end"/>) with a label.</summary>
    /// <exception cref="ArgumentException"><paramref name="end"/> is not after <paramref name="start"/>, or the label is blank.</exception>
    public Period(PeriodKind kind, DateOnly start, DateOnly end, string label)
    {
        if (end <= start) throw new ArgumentException("A period ends after it starts.", nameof(end));
        ArgumentException.ThrowIfNullOrWhiteSpace(label);
        Kind = kind;
        Start = start;
        End = end;
        Label = label;
    }

    /// <summary>What kind of span it is.</summary>
    public PeriodKind Kind { get; }

    /// <summary>First day, inclusive.</summary>
    public DateOnly Start { get; }

    /// <summary>The day after the last day, exclusive.</summary>
    public DateOnly End { get; }

    /// <summary>The last day, inclusive: the day before <see cref="End"/>.</summary>
    public DateOnly LastDay => End.AddDays(-1);

    /// <summary>Number of days in the period (28–31 for a month, 365 or 366 for a year).</summary>
    public int Days => End.DayNumber - Start.DayNumber;

    /// <summary>How the UI names it: "2026-03", "FY2026 Q1", "FY2026", or "2025-10-01 to 2026-09-30" for a custom span.</summary>
    public string Label { get; }

    /// <summary>Whether <paramref name="date"/> lies in [Start, End).</summary>
    public bool Contains(DateOnly date) => Start <= date && date < End;

    /// <summary>A custom span [<paramref name="start"/>, <paramref name="end"/>), labelled by its first and last day.</summary>
    public static Period Custom(DateOnly start, DateOnly end)
    {
        if (end <= start) throw new ArgumentException("A period ends after it starts.", nameof(end));
        var label = string.Create(CultureInfo.InvariantCulture, $"{start:yyyy-MM-dd} to {end.AddDays(-1):yyyy-MM-dd}");
        return new Period(PeriodKind.Custom, start, end, label);
    }

    /// <inheritdoc />
    public override string ToString() => Label;
}
