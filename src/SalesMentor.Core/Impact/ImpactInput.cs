namespace SalesMentor.Core.Impact;

/// <summary>
/// What the impact estimate reads: one KPI of every rep over contiguous periods (usually months), with the rep's
/// tenure, team and, for mentees, the period their mentorship started. Reps and periods are indexes; the caller keeps
/// the mapping to people and dates.
/// <para>
/// Values are a flat row-major array, <c>values[rep * Periods + period]</c>, in the KPI's own unit (e.g. win rate in
/// percentage points); <see cref="double.NaN"/> means "no value" (not employed yet, left, or not measurable).
/// Starts are staggered: each mentee has their own start period; a start of <see cref="NotMentored"/> marks a rep who
/// was never mentored in the data.
/// </para>
/// </summary>
public sealed class ImpactInput
{
    /// <summary>The start of a rep who was never mentored.</summary>
    public const int NotMentored = -1;

    private readonly double[] _values;
    private readonly double[] _tenure;
    private readonly int[] _teams;
    private readonly int[] _starts;

    /// <summary>Creates the input; the arrays are used as given (not copied), so do not change them afterwards.</summary>
    /// <param name="periods">Number of periods (≥ 1).</param>
    /// <param name="values">Reps × periods values, row-major; NaN for no value. Infinite values are rejected.</param>
    /// <param name="tenureAtFirstPeriod">Per rep, tenure in periods at period 0 (negative for reps hired later); tenure grows by one each period.</param>
    /// <param name="teams">Per rep, a team or region code (any integer; equal codes = same team).</param>
    /// <param name="starts">Per rep, the index of the first mentored period, or <see cref="NotMentored"/>.</param>
    /// <exception cref="ArgumentException">Lengths disagree, a value is infinite, or a start is out of range.</exception>
    public ImpactInput(int periods, double[] values, double[] tenureAtFirstPeriod, int[] teams, int[] starts)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(periods, 1);
        ArgumentNullException.ThrowIfNull(values);
        ArgumentNullException.ThrowIfNull(tenureAtFirstPeriod);
        ArgumentNullException.ThrowIfNull(teams);
        ArgumentNullException.ThrowIfNull(starts);
        var reps = starts.Length;
        if (values.Length != reps * periods) throw new ArgumentException("Values must hold reps × periods entries.", nameof(values));
        if (tenureAtFirstPeriod.Length != reps || teams.Length != reps)
            throw new ArgumentException("Tenure, teams and starts must have one entry per rep.", nameof(teams));
        foreach (var v in values)
        {
            if (double.IsInfinity(v)) throw new ArgumentException("Values must be finite or NaN.", nameof(values));
        }

        foreach (var t in tenureAtFirstPeriod)
        {
            if (!double.IsFinite(t)) throw new ArgumentException("Tenure must be finite.", nameof(tenureAtFirstPeriod));
        }

        foreach (var s in starts)
        {
            if (s != NotMentored && (s < 0 || s >= periods)) throw new ArgumentException("A start must be a period index or NotMentored.", nameof(starts));
        }

        Periods = periods;
        Reps = reps;
        _values = values;
        _tenure = tenureAtFirstPeriod;
        _teams = teams;
        _starts = starts;
    }

    /// <summary>Number of reps.</summary>
    public int Reps { get; }

    /// <summary>Number of periods.</summary>
    public int Periods { get; }

    /// <summary>The KPI value of <paramref name="rep"/> in <paramref name="period"/>; NaN for no value.</summary>
    public double ValueAt(int rep, int period) => _values[(rep * Periods) + period];

    /// <summary>Tenure of <paramref name="rep"/> at the start of <paramref name="period"/>, in periods.</summary>
    public double TenureAt(int rep, int period) => _tenure[rep] + period;

    /// <summary>Team or region code of <paramref name="rep"/>.</summary>
    public int TeamOf(int rep) => _teams[rep];

    /// <summary>First mentored period of <paramref name="rep"/>, or <see cref="NotMentored"/>.</summary>
    public int StartOf(int rep) => _starts[rep];

    /// <summary>Whether <paramref name="rep"/> is not mentored in any period before <paramref name="periodExclusive"/> (a later start or none).</summary>
    internal bool NotMentoredBefore(int rep, int periodExclusive) => _starts[rep] == NotMentored || _starts[rep] >= periodExclusive;
}
