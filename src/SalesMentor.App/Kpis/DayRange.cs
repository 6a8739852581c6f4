namespace SalesMentor.App.Kpis;

/// <summary>
/// The span of days the data covers (as day numbers), to choose which periods to compute: at most 10 years back and
/// 1 year ahead of today (a stray date such as 0001-01-01 or 9999-12-31 must not make millions of empty periods),
/// always through today.
/// </summary>
internal sealed class DayRange
{
    private const int YearsBack = 10;
    private const int YearsAhead = 1;
    private int _first = int.MaxValue;
    private int _last = int.MinValue;
    private int _lastData = int.MinValue;

    /// <summary>A day something happened (created, closed, an activity): it moves the as-of day too.</summary>
    public void Add(int? dayNumber)
    {
        if (dayNumber is not { } day) return;
        _first = Math.Min(_first, day);
        _last = Math.Max(_last, day);
        _lastData = Math.Max(_lastData, day);
    }

    /// <summary>A planned span [start, end), a quota: it widens the periods but says nothing about the last day with data.</summary>
    public void AddPlan(DateOnly start, DateOnly end)
    {
        _first = Math.Min(_first, start.DayNumber);
        _last = Math.Max(_last, end.DayNumber - 1);
    }

    public static DayRange Merge(params DayRange[] ranges)
    {
        var merged = new DayRange();
        foreach (var r in ranges)
        {
            merged._first = Math.Min(merged._first, r._first);
            merged._last = Math.Max(merged._last, r._last);
            merged._lastData = Math.Max(merged._lastData, r._lastData);
        }

        return merged;
    }

    /// <summary>The days to cover, half-open, and the as-of day: the last day with data, not after today.</summary>
    public (DateOnly First, DateOnly End, DateOnly AsOf) Window(DateOnly today)
    {
        var asOf = _lastData == int.MinValue ? today : DateOnly.FromDayNumber(Math.Min(_lastData, today.DayNumber));
        var first = _first == int.MaxValue ? asOf : DateOnly.FromDayNumber(Math.Max(_first, today.AddYears(-YearsBack).DayNumber));
        if (first > asOf) first = asOf;
        var last = _last == int.MinValue ? today : DateOnly.FromDayNumber(Math.Min(_last, today.AddYears(YearsAhead).DayNumber));
        if (last < today) last = today;
        return (first, last.AddDays(1), asOf);
    }
}
