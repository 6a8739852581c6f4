using System.Globalization;
using SalesMentor.Core.People;

namespace SalesMentor.Core.Demo;

/// <summary>The people side of a demo organization, before any performance is planned.</summary>
/// <param name="Regions">The three regions.</param>
/// <param name="Teams">One team per manager, in roster order.</param>
/// <param name="People">VP, enablement lead, then each team's manager followed by its reps; a person's index is their ordinal.</param>
/// <param name="CrmPod">The seed-derived part shared by the organization's CRM ids.</param>
/// <param name="WindowStart">First day of the data window, inclusive.</param>
internal sealed record DemoRoster(
    IReadOnlyList<DemoRegion> Regions,
    IReadOnlyList<DemoTeam> Teams,
    IReadOnlyList<DemoPerson> People,
    string CrmPod,
    DateOnly WindowStart);

/// <summary>Step 1 of <see cref="DemoPlan"/>: regions, teams, people, their personas, titles and tenure.</summary>
internal static class BuildOrganization
{
    private const int DaysPerYear = 365;

    internal static DemoRoster Build(DemoOptions options, DemoScale scale)
    {
        var random = DemoRandom.Create(options.Seed, DemoStream.Organization, 0);
        var pod = DemoCrmIds.Pod(random);
        var windowStart = options.AsOf.AddMonths(-24).AddDays(1);
        var teamCount = scale.ManagersPerRegion * DemoCatalog.Regions.Count;
        var personas = AssignPersonas.Assign(random, scale.Reps, teamCount);

        var builder = new RosterBuilder(options, pod, random);
        var vp = builder.Add(DemoPersona.Leader, DemoTitles.VpOfSales, null, 0, null, YearsAgo(random, options, 3, 8), null);
        builder.Add(DemoPersona.Enablement, DemoTitles.SalesEnablementLead, null, 0, vp.Id, YearsAgo(random, options, 1, 4), null);

        var teams = new List<DemoTeam>();
        for (var team = 0; team < teamCount; team++)
        {
            var regionIndex = team / scale.ManagersPerRegion;
            var region = DemoCatalog.Regions[regionIndex];
            var inRegion = team % scale.ManagersPerRegion;
            var segment = DemoCatalog.Segments[inRegion % DemoCatalog.Segments.Count];
            var name = scale.ManagersPerRegion <= DemoCatalog.Segments.Count
                ? $"{region.Code} {segment}"
                : string.Create(CultureInfo.InvariantCulture, $"{region.Code} {segment} {(inRegion / DemoCatalog.Segments.Count) + 1}");
            var manager = builder.Add(DemoPersona.Manager, DemoTitles.SalesManager, name, regionIndex, vp.Id, YearsAgo(random, options, 2, 9), null);
            teams.Add(new DemoTeam(name, region.Name, segment, manager.Id));
            foreach (var persona in personas[team])
            {
                var (hire, left) = Tenure(random, persona, options.AsOf, windowStart);
                builder.Add(persona, Title(random, persona), name, regionIndex, manager.Id, hire, left);
            }
        }

        return new DemoRoster(DemoCatalog.Regions, teams, builder.People, pod, windowStart);
    }

    private static DateOnly YearsAgo(DemoRandom random, DemoOptions options, double min, double max)
        => options.AsOf.AddDays(-(int)(random.Between(min, max) * DaysPerYear));

    private static (DateOnly Hire, DateOnly? Left) Tenure(DemoRandom random, DemoPersona persona, DateOnly asOf, DateOnly windowStart)
    {
        switch (persona)
        {
            case DemoPersona.NewHire:
                // Within the 6 months before AsOf, at least two weeks in.
                return (asOf.AddDays(-(14 + random.NextInt(166))), null);
            case DemoPersona.Leaver:
                var windowDays = asOf.DayNumber - windowStart.DayNumber;
                var left = windowStart.AddDays(45 + random.NextInt(windowDays - 55));
                return (left.AddDays(-(150 + random.NextInt(5 * DaysPerYear))), left);
            case DemoPersona.Star:
                return (asOf.AddDays(-(int)(random.Between(2.5, 8) * DaysPerYear)), null);
            default:
                // A quarter of the others joined during the window, after their first six months.
                var daysAgo = random.Chance(0.25) ? 200 + random.NextInt(500) : (int)(random.Between(2, 7) * DaysPerYear);
                return (asOf.AddDays(-daysAgo), null);
        }
    }

    private static string Title(DemoRandom random, DemoPersona persona)
    {
        // Shares of (Senior AE, AE); the rest are SDRs.
        var (senior, ae) = persona switch
        {
            DemoPersona.Star => (0.8, 0.2),
            DemoPersona.Steady => (0.3, 0.5),
            DemoPersona.Struggler => (0.0, 0.65),
            DemoPersona.NewHire => (0.0, 0.6),
            _ => (0.2, 0.55),
        };
        var draw = random.NextDouble();
        return draw < senior ? DemoTitles.SeniorAccountExecutive
            : draw < senior + ae ? DemoTitles.AccountExecutive
            : DemoTitles.SalesDevelopmentRep;
    }

    /// <summary>Adds people in roster order, giving each a deterministic id, HR id, CRM id and a unique email.</summary>
    private sealed class RosterBuilder(DemoOptions options, string pod, DemoRandom random)
    {
        private readonly Dictionary<string, int> _emailUses = new(StringComparer.Ordinal);

        internal List<DemoPerson> People { get; } = [];

        internal DemoPerson Add(DemoPersona persona, string title, string? team, int regionIndex, PersonId? manager, DateOnly hire, DateOnly? left)
        {
            var ordinal = People.Count;
            var (first, last) = DemoNames.Draw(random);
            var region = DemoCatalog.Regions[regionIndex];
            var person = new DemoPerson(
                Id: new PersonId(DemoRandom.Create(options.Seed, DemoStream.PersonIds, ordinal).NextGuid()),
                ExternalId: string.Create(CultureInfo.InvariantCulture, $"E{ordinal + 1:D4}"),
                Name: $"{first} {last}",
                Email: $"{UniqueLocalPart(DemoNames.EmailLocalPart(first, last))}@{options.EmailDomain}",
                Title: title,
                Team: team,
                Region: region.Name,
                ManagerId: manager,
                HireDate: hire,
                LeftOn: left,
                TimeZone: region.TimeZone,
                CrmOwnerIds: new ValueList<string>([DemoCrmIds.User(pod, ordinal)]),
                Persona: persona);
            People.Add(person);
            return person;
        }

        /// <summary>"zoe.park", then "zoe.park2", "zoe.park3"…; generated parts never end in a digit, so these cannot clash.</summary>
        private string UniqueLocalPart(string localPart)
        {
            var uses = _emailUses.GetValueOrDefault(localPart) + 1;
            _emailUses[localPart] = uses;
            return uses == 1 ? localPart : string.Create(CultureInfo.InvariantCulture, $"{localPart}{uses}");
        }
    }
}
