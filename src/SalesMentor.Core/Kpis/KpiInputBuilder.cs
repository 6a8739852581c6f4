namespace SalesMentor.Core.Kpis;

/// <summary>
/// Collects records with <see cref="decimal"/> amounts and nullable dates, converts them exactly, and builds a
/// <see cref="KpiInput"/>. Not thread-safe; one builder per import.
/// </summary>
/// <param name="people">Number of people; owner indexes run from 0 to <paramref name="people"/> − 1.</param>
public sealed class KpiInputBuilder(int people)
{
    private readonly List<KpiOpportunity> _opportunities = [];
    private readonly List<KpiActivity> _activities = [];
    private readonly List<KpiQuota> _quotas = [];
    private readonly KpiEmployment[] _employment = new KpiEmployment[people];
    private bool _hasEmployment;

    /// <summary>Adds an opportunity; see <see cref="KpiOpportunity"/> for the meaning of each value.</summary>
    /// <param name="owner">Index of the owning person.</param>
    /// <param name="createdOn">Day it was created; null when unknown.</param>
    /// <param name="closeDate">The close day; null when unknown.</param>
    /// <param name="isClosed">Closed won or closed lost.</param>
    /// <param name="isWon">Closed won.</param>
    /// <param name="amount">Value in corporate currency units with at most 4 decimals; null when unknown.</param>
    /// <exception cref="ArgumentException">The amount has more than 4 decimals, won but not closed, or the owner is out of range.</exception>
    public KpiInputBuilder AddOpportunity(int owner, DateOnly? createdOn, DateOnly? closeDate, bool isClosed, bool isWon, decimal? amount)
    {
        CheckOwner(owner);
        long? units = amount is { } value ? KpiMoney.FromDecimal(value) : null;
        _opportunities.Add(new KpiOpportunity(owner, createdOn, closeDate, isClosed, isWon, units));
        return this;
    }

    /// <summary>Adds an activity.</summary>
    /// <exception cref="ArgumentException">The owner is out of range or the type unknown.</exception>
    public KpiInputBuilder AddActivity(int owner, DateOnly date, ActivityType type, bool completed)
    {
        CheckOwner(owner);
        _activities.Add(new KpiActivity(owner, date, type, completed));
        return this;
    }

    /// <summary>Adds a quota of <paramref name="amount"/> currency units over [<paramref name="start"/>, <paramref name="end"/>).</summary>
    /// <exception cref="ArgumentException">The amount has more than 4 decimals, the period is empty, or the owner is out of range.</exception>
    public KpiInputBuilder AddQuota(int owner, DateOnly start, DateOnly end, decimal amount)
    {
        CheckOwner(owner);
        _quotas.Add(new KpiQuota(owner, start, end, KpiMoney.FromDecimal(amount)));
        return this;
    }

    /// <summary>Sets when <paramref name="person"/> was employed: [<paramref name="from"/>, <paramref name="until"/>), null bounds open.</summary>
    public KpiInputBuilder SetEmployment(int person, DateOnly? from, DateOnly? until)
    {
        CheckOwner(person);
        if (from is { } f && until is { } u && u <= f) throw new ArgumentException("Employment ends after it starts.", nameof(until));
        _employment[person] = new KpiEmployment(from, until);
        _hasEmployment = true;
        return this;
    }

    /// <summary>The input with everything added so far; the builder can go on being used.</summary>
    public KpiInput Build()
        => new(people, _opportunities.ToArray(), _activities.ToArray(), _quotas.ToArray(),
            _hasEmployment ? (KpiEmployment[])_employment.Clone() : ReadOnlyMemory<KpiEmployment>.Empty);

    private void CheckOwner(int owner)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(owner);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(owner, people);
    }
}
