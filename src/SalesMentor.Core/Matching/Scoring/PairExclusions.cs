using SalesMentor.Core.People;

namespace SalesMentor.Core.Matching.Scoring;

/// <summary>Why a pair may not be matched; <see cref="None"/> when it may.</summary>
public enum ExclusionReason
{
    /// <summary>The pair may be matched.</summary>
    None = 0,

    /// <summary>The same person on both sides.</summary>
    SamePerson = 1,

    /// <summary>The mentor is in the mentee's supervisor chain (or the other way round): a supervisor is not a mentor.</summary>
    SupervisorChain = 2,

    /// <summary>Both are in the same team, and the program excludes that.</summary>
    SameTeam = 3,

    /// <summary>One of them listed the other as someone to avoid.</summary>
    Avoided = 4,

    /// <summary>They were a mentor–mentee pair before, and the program excludes previous pairs.</summary>
    PreviousPair = 5,

    /// <summary>One of them declined this very pair in this program.</summary>
    Declined = 6,
}

/// <summary>Which exclusion rules a program applies. Avoid lists and declined pairs always apply.</summary>
/// <param name="SupervisorChain">Exclude a mentor anywhere in the mentee's manager chain, and a mentee in the mentor's (default on).</param>
/// <param name="SameTeam">Exclude pairs from the same team.</param>
/// <param name="PreviousPairs">Exclude pairs that had a mentorship before.</param>
public sealed record ExclusionRules(bool SupervisorChain = true, bool SameTeam = false, bool PreviousPairs = true);

/// <summary>One side of a pair as the exclusion rules see it.</summary>
/// <param name="Person">Who.</param>
/// <param name="Team">Their team, or null.</param>
/// <param name="Avoid">People they asked not to be matched with.</param>
public sealed record PairPerson(PersonId Person, Guid? Team, IReadOnlySet<PersonId> Avoid);

/// <summary>Decides whether a pair is excluded, and says why. Pure; built once per matching run.</summary>
/// <param name="hierarchy">The manager tree.</param>
/// <param name="rules">The program's rules.</param>
/// <param name="previous">(mentee, mentor) pairs that had a mentorship before.</param>
/// <param name="declined">(mentee, mentor) pairs declined in this program.</param>
public sealed class PairExclusions(
    Hierarchy hierarchy, ExclusionRules rules, IEnumerable<(PersonId Mentee, PersonId Mentor)> previous, IEnumerable<(PersonId Mentee, PersonId Mentor)> declined)
{
    private readonly Hierarchy _hierarchy = hierarchy ?? throw new ArgumentNullException(nameof(hierarchy));
    private readonly ExclusionRules _rules = rules ?? throw new ArgumentNullException(nameof(rules));
    private readonly HashSet<(PersonId, PersonId)> _previous = [.. previous ?? []];
    private readonly HashSet<(PersonId, PersonId)> _declined = [.. declined ?? []];

    /// <summary>The first rule the pair breaks, in the order of <see cref="ExclusionReason"/>; <see cref="ExclusionReason.None"/> if none.</summary>
    public ExclusionReason Check(PairPerson mentee, PairPerson mentor)
    {
        ArgumentNullException.ThrowIfNull(mentee);
        ArgumentNullException.ThrowIfNull(mentor);
        if (mentee.Person == mentor.Person) return ExclusionReason.SamePerson;
        if (_rules.SupervisorChain && (_hierarchy.IsAbove(mentor.Person, mentee.Person) || _hierarchy.IsAbove(mentee.Person, mentor.Person)))
        {
            return ExclusionReason.SupervisorChain;
        }

        if (_rules.SameTeam && mentee.Team is { } team && mentor.Team == team) return ExclusionReason.SameTeam;
        if (mentee.Avoid.Contains(mentor.Person) || mentor.Avoid.Contains(mentee.Person)) return ExclusionReason.Avoided;
        if (_rules.PreviousPairs && _previous.Contains((mentee.Person, mentor.Person))) return ExclusionReason.PreviousPair;
        return _declined.Contains((mentee.Person, mentor.Person)) ? ExclusionReason.Declined : ExclusionReason.None;
    }

    /// <summary>The reason in words, for warnings and the board.</summary>
    public static string Describe(ExclusionReason reason) => reason switch
    {
        ExclusionReason.SamePerson => "the same person cannot mentor themself",
        ExclusionReason.SupervisorChain => "the mentor is in the mentee's supervisor chain (or the other way round)",
        ExclusionReason.SameTeam => "both are in the same team, which this program excludes",
        ExclusionReason.Avoided => "one of them asked not to be matched with the other",
        ExclusionReason.PreviousPair => "they were a mentor and mentee before, which this program excludes",
        ExclusionReason.Declined => "this pair was declined before",
        _ => "no rule is broken",
    };
}
