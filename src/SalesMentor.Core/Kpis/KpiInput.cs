namespace SalesMentor.Core.Kpis;

/// <summary>
/// When a person worked here, half-open: [<see cref="From"/>, <see cref="Until"/>). A null bound is open.
/// A person counts among the peers of a period (for percentile ranks) only when employed on at least one of its days.
/// </summary>
/// <param name="From">First working day (the hire date), inclusive; null when unknown or before all data.</param>
/// <param name="Until">The day after the last working day, exclusive; null while still employed.</param>
public readonly record struct KpiEmployment(DateOnly? From, DateOnly? Until)
{
    /// <summary>Employed on at least one day of <paramref name="period"/>.</summary>
    public bool Overlaps(Period period)
        => (From is not { } from || from < period.End) && (Until is not { } until || until > period.Start);
}

/// <summary>
/// Everything the KPI engine reads, as flat arrays of small structs: people are indexes 0 … <see cref="People"/> − 1
/// (the caller keeps the mapping to <c>PersonId</c>), opportunities, activities and quotas refer to them by index,
/// in any order. Dates are local dates in the organization's time zone (the importer converts timestamps);
/// money is fixed point in the corporate currency (see <see cref="KpiMoney"/>).
/// The arrays are read, never changed; the caller must not change them while a computation runs.
/// </summary>
public sealed class KpiInput
{
    /// <summary>Wraps the arrays, checking that every owner index is below <paramref name="people"/>.</summary>
    /// <param name="people">Number of people; indexes run from 0.</param>
    /// <param name="opportunities">Every opportunity.</param>
    /// <param name="activities">Every activity.</param>
    /// <param name="quotas">Every quota.</param>
    /// <param name="employment">Employment per person (length <paramref name="people"/>), or empty when everyone counts in every period.</param>
    /// <exception cref="ArgumentException">An owner index is out of range, or the employment list has the wrong length.</exception>
    public KpiInput(
        int people,
        ReadOnlyMemory<KpiOpportunity> opportunities,
        ReadOnlyMemory<KpiActivity> activities,
        ReadOnlyMemory<KpiQuota> quotas,
        ReadOnlyMemory<KpiEmployment> employment = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(people);
        if (!employment.IsEmpty && employment.Length != people)
        {
            throw new ArgumentException("Employment is given for every person or for none.", nameof(employment));
        }

        CheckOwners(opportunities.Span, people, nameof(opportunities));
        CheckOwners(activities.Span, people, nameof(activities));
        CheckOwners(quotas.Span, people, nameof(quotas));
        People = people;
        Opportunities = opportunities;
        Activities = activities;
        Quotas = quotas;
        Employment = employment;
    }

    /// <summary>Number of people; every owner index is in [0, People).</summary>
    public int People { get; }

    /// <summary>Every opportunity, in any order.</summary>
    public ReadOnlyMemory<KpiOpportunity> Opportunities { get; }

    /// <summary>Every activity, in any order.</summary>
    public ReadOnlyMemory<KpiActivity> Activities { get; }

    /// <summary>Every quota, in any order; a person may have several, even overlapping (they add up).</summary>
    public ReadOnlyMemory<KpiQuota> Quotas { get; }

    /// <summary>Employment per person, or empty when everyone is treated as employed throughout.</summary>
    public ReadOnlyMemory<KpiEmployment> Employment { get; }

    /// <summary>The employment of <paramref name="person"/>; open on both sides when none was given.</summary>
    public KpiEmployment EmploymentOf(int person) => Employment.IsEmpty ? default : Employment.Span[person];

    private static void CheckOwners<T>(ReadOnlySpan<T> records, int people, string name)
        where T : struct, IOwnedRecord
    {
        foreach (var record in records)
        {
            if (record.Owner >= people)
            {
                throw new ArgumentException($"Owner {record.Owner} is not one of the {people} people.", name);
            }
        }
    }
}
