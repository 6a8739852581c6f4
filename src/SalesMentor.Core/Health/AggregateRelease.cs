namespace SalesMentor.Core.Health;

/// <summary>
/// A candidate aggregate: a key (what it describes, e.g. "program, round 3, mentees") and the people whose answers it
/// would summarize.
/// </summary>
/// <typeparam name="TPerson">How a person is identified.</typeparam>
public sealed record AggregateCandidate<TPerson>(string Key, IReadOnlySet<TPerson> Respondents);

/// <summary>
/// Which aggregates may be shown together so that none, and no difference of two, tells anything about fewer than
/// <c>minimum</c> people (DESIGN.md: "aggregate ≥ 5 … no two aggregates whose difference isolates fewer than 5 people",
/// e.g. a team of 6 and the same team without one member).
/// <para>
/// Two aggregates over sets A and B can be subtracted: sum(A) − sum(B) = sum(A∖B) − sum(B∖A). A released aggregate has
/// at least <c>minimum</c> respondents, and for every pair released together each of A∖B and B∖A is either empty or
/// has at least <c>minimum</c> people. Candidates are considered in the order given (put the most useful first); one
/// that would break the rule with an aggregate already released is withheld.
/// </para>
/// </summary>
public static class AggregateRelease
{
    /// <summary>The default smallest group: five people.</summary>
    public const int DefaultMinimum = 5;

    /// <summary>The keys of the candidates that may be released together, in the order given.</summary>
    public static IReadOnlyList<string> Select<TPerson>(IEnumerable<AggregateCandidate<TPerson>> candidates, int minimum = DefaultMinimum) =>
        [.. Plan([], candidates, minimum).Select(c => c.Key)];

    /// <summary>
    /// The candidates that may be released beside aggregates already out (<paramref name="released"/>, which can never be
    /// taken back): a key already released is never released again, whatever its people are now (a released aggregate
    /// stays what it was); every other candidate must have at least <paramref name="minimum"/> people and be a safe
    /// difference from every released aggregate and every one this call releases before it, in the order given.
    /// </summary>
    public static IReadOnlyList<AggregateCandidate<TPerson>> Plan<TPerson>(
        IReadOnlyCollection<AggregateCandidate<TPerson>> released, IEnumerable<AggregateCandidate<TPerson>> candidates, int minimum = DefaultMinimum)
    {
        ArgumentNullException.ThrowIfNull(released);
        ArgumentNullException.ThrowIfNull(candidates);
        ArgumentOutOfRangeException.ThrowIfLessThan(minimum, 1);
        var keys = released.Select(r => r.Key).ToHashSet(StringComparer.Ordinal);
        var fresh = new List<AggregateCandidate<TPerson>>();
        foreach (var candidate in candidates)
        {
            if (candidate.Respondents.Count < minimum || keys.Contains(candidate.Key)) continue;
            if (!released.Concat(fresh).All(r => SafeDifference(r.Respondents, candidate.Respondents, minimum))) continue;
            fresh.Add(candidate);
            keys.Add(candidate.Key);
        }

        return fresh;
    }

    /// <summary>Whether A∖B and B∖A are each empty or at least <paramref name="minimum"/> people.</summary>
    public static bool SafeDifference<TPerson>(IReadOnlySet<TPerson> a, IReadOnlySet<TPerson> b, int minimum = DefaultMinimum)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        var onlyA = a.Count(p => !b.Contains(p));
        var onlyB = b.Count(p => !a.Contains(p));
        return onlyA is 0 || onlyA >= minimum ? onlyB is 0 || onlyB >= minimum : false;
    }
}
