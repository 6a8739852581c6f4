using System.Collections.Frozen;
using SalesMentor.Core.People;

namespace SalesMentor.Core.Demo;

/// <summary>
/// A generated demo sales organization: its people and plan are held in memory (a few thousand records
/// even for <see cref="DemoSize.Large"/>), its sales data is generated on demand, rep by rep, and never stored.
/// Every enumeration of the same rep yields the same records, in the same order.
/// </summary>
public sealed class DemoOrganization
{
    private readonly DemoSource _source;
    private readonly FrozenDictionary<PersonId, DemoRep> _reps;
    private readonly FrozenDictionary<PersonId, DemoPerson> _people;

    internal DemoOrganization(DemoSource source, DemoRoster roster, DemoPlan plan, IReadOnlyList<DemoQuota> quotas, DemoLogins logins, DemoMentoring mentoring)
    {
        Mentoring = mentoring;
        _source = source;
        Regions = roster.Regions;
        Teams = roster.Teams;
        People = roster.People;
        Plan = plan;
        Quotas = quotas;
        Logins = logins;
        _people = People.ToFrozenDictionary(p => p.Id);
        var regionIndexes = Regions.Select((r, i) => (r.Name, i)).ToDictionary(r => r.Name, r => r.i, StringComparer.Ordinal);
        _reps = People
            .Select((person, ordinal) => (person, ordinal))
            .Where(p => p.person.IsRep)
            .ToFrozenDictionary(
                p => p.person.Id,
                p => new DemoRep(p.person, p.ordinal, regionIndexes[p.person.Region], plan.PerformanceOf(p.person.Id)));
    }

    /// <summary>The options it was generated from.</summary>
    public DemoOptions Options => _source.Options;

    /// <summary>The "today" of the demo: the last day with data, inclusive.</summary>
    public DateOnly AsOf => _source.Options.AsOf;

    /// <summary>First day of the data window, inclusive. The window is [WindowStart, AsOf + 1 day): 24 months.</summary>
    public DateOnly WindowStart => _source.WindowStart;

    /// <summary>North America, EMEA and APAC, each with its IANA time zone.</summary>
    public IReadOnlyList<DemoRegion> Regions { get; }

    /// <summary>One team per manager, in roster order.</summary>
    public IReadOnlyList<DemoTeam> Teams { get; }

    /// <summary>
    /// Everyone, in roster order: the VP, the enablement lead, then each team's manager followed by its reps.
    /// The hierarchy is a tree rooted at the VP: managers and the enablement lead report to the VP, reps to their manager.
    /// </summary>
    public IReadOnlyList<DemoPerson> People { get; }

    /// <summary>The people who own sales data, in roster order.</summary>
    public IEnumerable<DemoPerson> Reps => People.Where(p => p.IsRep);

    /// <summary>Quarterly quotas of every rep for every calendar quarter overlapping the window and their employment.</summary>
    public IReadOnlyList<DemoQuota> Quotas { get; }

    /// <summary>Programs and mentorships; their mentees carry the planted effect in <see cref="Plan"/>.</summary>
    public DemoMentoring Mentoring { get; }

    /// <summary>A year of manager interactions up to <see cref="AsOf"/>, generated on demand in the same order every time.</summary>
    public IEnumerable<DemoInteraction> Interactions() => PlanMentoring.Interactions(Options.Seed, People, AsOf);

    /// <summary>The four demo sign-ins.</summary>
    public DemoLogins Logins { get; }

    /// <summary>How each rep performs; the sales data is generated from it.</summary>
    public DemoPlan Plan { get; }

    /// <summary>The person with this id; throws <see cref="KeyNotFoundException"/> if there is none.</summary>
    public DemoPerson PersonOf(PersonId id) => _people[id];

    /// <summary>
    /// The rep's opportunities in order of creation, generated on demand from the rep's own random stream.
    /// Empty for people who are not reps. Throws <see cref="ArgumentException"/> for a person of another organization.
    /// </summary>
    public IEnumerable<DemoOpportunity> OpportunitiesOf(DemoPerson rep)
        => RepOf(rep) is { } known ? GenerateOpportunities.For(_source, known) : [];

    /// <summary>
    /// The rep's activities in date order, generated on demand (their opportunities are regenerated, not stored).
    /// Empty for people who are not reps. Throws <see cref="ArgumentException"/> for a person of another organization.
    /// </summary>
    public IEnumerable<DemoActivity> ActivitiesOf(DemoPerson rep)
        => RepOf(rep) is { } known ? GenerateActivities.For(_source, known) : [];

    /// <summary>Every opportunity, rep by rep in roster order; streamed, never held in memory.</summary>
    public IEnumerable<DemoOpportunity> AllOpportunities() => Reps.SelectMany(OpportunitiesOf);

    /// <summary>Every activity, rep by rep in roster order; streamed, never held in memory.</summary>
    public IEnumerable<DemoActivity> AllActivities() => Reps.SelectMany(ActivitiesOf);

    /// <summary>The generators' inputs, for tests that generate from a changed plan.</summary>
    internal DemoSource Source => _source;

    /// <summary>The rep as the generators see them.</summary>
    internal DemoRep RepFor(PersonId id) => _reps[id];

    private DemoRep? RepOf(DemoPerson person)
    {
        ArgumentNullException.ThrowIfNull(person);
        if (!_people.TryGetValue(person.Id, out var known) || !known.Equals(person))
        {
            throw new ArgumentException("The person is not part of this demo organization.", nameof(person));
        }

        return _reps.GetValueOrDefault(person.Id);
    }
}
