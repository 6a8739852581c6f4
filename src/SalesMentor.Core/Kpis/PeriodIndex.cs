namespace SalesMentor.Core.Kpis;

/// <summary>
/// Maps a day number to the index of the period containing it in O(1), through a table with one entry per day
/// of [first period's start, last period's end). Periods must be contiguous: each starts where the previous ends.
/// </summary>
internal sealed class PeriodIndex
{
    private readonly int[] _periodOfDay;

    internal PeriodIndex(IReadOnlyList<Period> periods)
    {
        ArgumentNullException.ThrowIfNull(periods);
        if (periods.Count == 0) throw new ArgumentException("At least one period is needed.", nameof(periods));
        for (var i = 1; i < periods.Count; i++)
        {
            if (periods[i].Start != periods[i - 1].End)
            {
                throw new ArgumentException($"Periods must be contiguous: {periods[i - 1]} ends on {periods[i - 1].End}, {periods[i]} starts on {periods[i].Start}.", nameof(periods));
            }
        }

        Count = periods.Count;
        FirstDay = periods[0].Start.DayNumber;
        EndDay = periods[^1].End.DayNumber;
        Starts = new int[Count];
        Ends = new int[Count];
        _periodOfDay = new int[EndDay - FirstDay];
        for (var p = 0; p < Count; p++)
        {
            Starts[p] = periods[p].Start.DayNumber;
            Ends[p] = periods[p].End.DayNumber;
            _periodOfDay.AsSpan(Starts[p] - FirstDay, Ends[p] - Starts[p]).Fill(p);
        }
    }

    /// <summary>Number of periods.</summary>
    internal int Count { get; }

    /// <summary>First day of the first period (day number).</summary>
    internal int FirstDay { get; }

    /// <summary>End (exclusive) of the last period (day number).</summary>
    internal int EndDay { get; }

    /// <summary>Start day number of each period.</summary>
    internal int[] Starts { get; }

    /// <summary>End (exclusive) day number of each period.</summary>
    internal int[] Ends { get; }

    /// <summary>The period containing <paramref name="day"/>, or −1 when outside every period (or unknown, −1).</summary>
    internal int Of(int day)
    {
        var offset = day - FirstDay;
        return offset >= 0 && offset < _periodOfDay.Length ? _periodOfDay[offset] : -1;
    }

    /// <summary>
    /// The first period whose end is after <paramref name="day"/> (0 when the day is before every period, <see cref="Count"/>
    /// when after): the periods p ≥ this are exactly those with day &lt; end(p).
    /// </summary>
    internal int FirstEndingAfter(int day)
    {
        var offset = day - FirstDay;
        if (offset < 0) return 0;
        return offset < _periodOfDay.Length ? _periodOfDay[offset] : Count;
    }
}
