namespace SalesMentor.Core.Kpis;

/// <summary>A record that belongs to one person, by index into the people of a <see cref="KpiInput"/>.</summary>
internal interface IOwnedRecord
{
    /// <summary>Index of the person (0 ≤ owner &lt; people).</summary>
    int Owner { get; }
}

/// <summary>The kind of a logged activity.</summary>
public enum ActivityType : byte
{
    /// <summary>A phone or video call.</summary>
    Call,

    /// <summary>An email to a customer.</summary>
    Email,

    /// <summary>A meeting.</summary>
    Meeting,

    /// <summary>A to-do.</summary>
    Task,

    /// <summary>Anything else the CRM logs.</summary>
    Other,
}

/// <summary>
/// One opportunity (deal) as the KPI engine reads it: 24 bytes, no references, so a million of them are one flat array.
/// Dates are local dates in the organization's time zone; amounts are fixed point (see <see cref="KpiMoney"/>) in the
/// corporate currency.
/// </summary>
public readonly record struct KpiOpportunity : IOwnedRecord
{
    internal const int NoDay = -1;
    private const byte ClosedFlag = 1;
    private const byte WonFlag = 2;
    private const byte AmountFlag = 4;

    internal readonly long AmountUnits;
    internal readonly int OwnerIndex;
    internal readonly int CreatedDay;
    internal readonly int CloseDay;
    private readonly byte _flags;

    /// <summary>Creates an opportunity.</summary>
    /// <param name="owner">Index of the owning person in the <see cref="KpiInput"/>.</param>
    /// <param name="createdOn">Day it was created; null when unknown.</param>
    /// <param name="closeDate">Closed: the day it closed (null is a data problem). Open: the expected close day or null; not used.</param>
    /// <param name="isClosed">Closed won or closed lost (as the CRM says now).</param>
    /// <param name="isWon">Closed won; requires <paramref name="isClosed"/>.</param>
    /// <param name="amount">Value in 1/10,000 corporate-currency units; null when unknown.</param>
    /// <exception cref="ArgumentException">Won but not closed, or a negative owner.</exception>
    public KpiOpportunity(int owner, DateOnly? createdOn, DateOnly? closeDate, bool isClosed, bool isWon, long? amount)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(owner);
        if (isWon && !isClosed) throw new ArgumentException("A won opportunity is closed.", nameof(isWon));
        OwnerIndex = owner;
        CreatedDay = createdOn?.DayNumber ?? NoDay;
        CloseDay = closeDate?.DayNumber ?? NoDay;
        AmountUnits = amount ?? 0;
        _flags = (byte)((isClosed ? ClosedFlag : 0) | (isWon ? WonFlag : 0) | (amount.HasValue ? AmountFlag : 0));
    }

    /// <summary>Index of the owning person.</summary>
    public int Owner => OwnerIndex;

    /// <summary>Day it was created; null when unknown.</summary>
    public DateOnly? CreatedOn => CreatedDay == NoDay ? null : DateOnly.FromDayNumber(CreatedDay);

    /// <summary>The close day (actual when closed, expected when open); null when unknown.</summary>
    public DateOnly? CloseDate => CloseDay == NoDay ? null : DateOnly.FromDayNumber(CloseDay);

    /// <summary>Closed won or closed lost.</summary>
    public bool IsClosed => (_flags & ClosedFlag) != 0;

    /// <summary>Closed won.</summary>
    public bool IsWon => (_flags & WonFlag) != 0;

    /// <summary>Value in 1/10,000 corporate-currency units; null when unknown.</summary>
    public long? Amount => HasAmount ? AmountUnits : null;

    internal bool HasAmount => (_flags & AmountFlag) != 0;

    internal byte Flags => _flags;

    internal static bool IsClosedFlags(byte flags) => (flags & ClosedFlag) != 0;

    internal static bool IsWonFlags(byte flags) => (flags & WonFlag) != 0;

    internal static bool HasAmountFlags(byte flags) => (flags & AmountFlag) != 0;
}

/// <summary>One logged activity as the KPI engine reads it: 12 bytes, no references.</summary>
public readonly record struct KpiActivity : IOwnedRecord
{
    internal readonly int OwnerIndex;
    internal readonly int DayNumber;
    internal readonly ActivityType ActivityKind;
    internal readonly bool IsCompleted;

    /// <summary>Creates an activity.</summary>
    /// <param name="owner">Index of the person who logged it.</param>
    /// <param name="date">Local day it happened or is due.</param>
    /// <param name="type">Call, email, meeting, task or other.</param>
    /// <param name="completed">Whether it is done; only completed activities count.</param>
    public KpiActivity(int owner, DateOnly date, ActivityType type, bool completed)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(owner);
        if (!Enum.IsDefined(type)) throw new ArgumentOutOfRangeException(nameof(type), type, "Unknown activity type.");
        OwnerIndex = owner;
        DayNumber = date.DayNumber;
        ActivityKind = type;
        IsCompleted = completed;
    }

    /// <summary>Index of the person who logged it.</summary>
    public int Owner => OwnerIndex;

    /// <summary>Local day it happened or is due.</summary>
    public DateOnly Date => DateOnly.FromDayNumber(DayNumber);

    /// <summary>Call, email, meeting, task or other.</summary>
    public ActivityType Type => ActivityKind;

    /// <summary>Whether it is done.</summary>
    public bool Completed => IsCompleted;
}

/// <summary>One quota as the KPI engine reads it: an amount of won revenue expected over [start, end).</summary>
public readonly record struct KpiQuota : IOwnedRecord
{
    internal readonly long AmountUnits;
    internal readonly int OwnerIndex;
    internal readonly int StartDay;
    internal readonly int EndDay;

    /// <summary>Creates a quota.</summary>
    /// <param name="owner">Index of the person.</param>
    /// <param name="start">First day, inclusive.</param>
    /// <param name="end">Day after the last day, exclusive; after <paramref name="start"/>.</param>
    /// <param name="amount">Expected won revenue in 1/10,000 corporate-currency units.</param>
    /// <exception cref="ArgumentException"><paramref name="end"/> is not after <paramref name="start"/>.</exception>
    public KpiQuota(int owner, DateOnly start, DateOnly end, long amount)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(owner);
        if (end <= start) throw new ArgumentException("A quota period ends after it starts.", nameof(end));
        OwnerIndex = owner;
        StartDay = start.DayNumber;
        EndDay = end.DayNumber;
        AmountUnits = amount;
    }

    /// <summary>Index of the person.</summary>
    public int Owner => OwnerIndex;

    /// <summary>First day, inclusive.</summary>
    public DateOnly Start => DateOnly.FromDayNumber(StartDay);

    /// <summary>Day after the last day, exclusive.</summary>
    public DateOnly End => DateOnly.FromDayNumber(EndDay);

    /// <summary>Expected won revenue in 1/10,000 corporate-currency units.</summary>
    public long Amount => AmountUnits;
}
