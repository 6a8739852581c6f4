using Microsoft.Extensions.DependencyInjection;
using SalesMentor.App.Common;
using SalesMentor.App.Data;
using SalesMentor.App.Domain;

namespace SalesMentor.App.Tests.Features.Impact;

/// <summary>
/// A simulated sales organization for the impact use case: a VP, two managers with 45 reps each, two mentors; 24 whole
/// months of closed deals (12 a month per rep, won with the rep's own probability and a small trend of their own) up to
/// <see cref="TestApp.DefaultNow"/>. The "Spring cohort" program has 12 mentees (6 per manager) in three staggered start
/// cohorts whose win probability rises by <see cref="PlantedEffect"/> from their start; the "Pilot" program has 3
/// mentees and no effect. Everything is drawn from a fixed seed.
/// </summary>
public sealed class ImpactOrg
{
    /// <summary>The true effect on win rate, in percentage points.</summary>
    public const double PlantedEffect = 20;

    /// <summary>Reps per manager.</summary>
    public const int TeamSize = 45;

    public required Person Vp { get; init; }
    public required Person Manager1 { get; init; }
    public required Person Manager2 { get; init; }
    public required Person Coordinator { get; init; }
    public required IReadOnlyList<Person> Reps { get; init; }
    public required MentorshipProgram Cohort { get; init; }
    public required MentorshipProgram Pilot { get; init; }

    public static async Task<ImpactOrg> CreateAsync(IServiceProvider services, DateTime now, int seed = 7)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SalesMentorDb>();
        var teamA = new Team { Name = "Impact A" };
        var teamB = new Team { Name = "Impact B" };
        db.AddRange(teamA, teamB);
        var hired = new DateOnly(2020, 1, 6);
        var number = 0;
        Person New(string name, Person? manager, Team? team)
        {
            var person = new Person
            {
                Name = name, Email = $"impact{number}@org.test", Title = "Account Executive", ManagerId = manager?.Id, TeamId = team?.Id,
                HireDate = hired.AddMonths(number++ % 12), TimeZone = "UTC", CreatedAt = now, UpdatedAt = now,
            };
            person.RefreshKeys();
            db.People.Add(person);
            return person;
        }

        var vp = New("Impact VP", null, null);
        var manager1 = New("Impact Manager One", vp, teamA);
        var manager2 = New("Impact Manager Two", vp, teamB);
        var coordinator = New("Impact Coordinator", vp, null);
        var mentorA = New("Impact Mentor A", vp, null);
        var mentorB = New("Impact Mentor B", vp, null);
        var reps = Enumerable.Range(0, 2 * TeamSize).Select(i => i < TeamSize ? New($"Impact Rep {i:00}", manager1, teamA) : New($"Impact Rep {i:00}", manager2, teamB)).ToList();

        MentorshipProgram Program(string name)
        {
            var program = new MentorshipProgram { Name = name, Status = ProgramStatus.Active, CreatedAt = now, UpdatedAt = now };
            program.Coordinators.Add(new ProgramCoordinator { ProgramId = program.Id, PersonId = coordinator.Id });
            db.Programs.Add(program);
            return program;
        }

        var cohort = Program("Spring cohort");
        var pilot = Program("Pilot");
        var today = DateOnly.FromDateTime(now);
        var lastMonth = new DateOnly(today.Year, today.Month, 1).AddMonths(-1);
        var firstMonth = lastMonth.AddMonths(-23);
        int[] cohortMentees = [0, 1, 2, 3, 4, 5, TeamSize, TeamSize + 1, TeamSize + 2, TeamSize + 3, TeamSize + 4, TeamSize + 5];
        var starts = new Dictionary<int, DateOnly>();
        for (var i = 0; i < cohortMentees.Length; i++)
        {
            var rep = cohortMentees[i];
            starts[rep] = firstMonth.AddMonths(10 + (2 * (i % 3)));
            db.Mentorships.Add(new Mentorship
            {
                ProgramId = cohort.Id, MentorId = rep < TeamSize ? mentorA.Id : mentorB.Id, MenteeId = reps[rep].Id, Stage = MentorshipStage.Active,
                StartedOn = starts[rep], Source = "imported", CreatedAt = now,
            });
        }

        foreach (var rep in new[] { 10, 11, TeamSize + 10 })
        {
            db.Mentorships.Add(new Mentorship
            {
                ProgramId = pilot.Id, MentorId = mentorA.Id, MenteeId = reps[rep].Id, Stage = MentorshipStage.Active,
                StartedOn = firstMonth.AddMonths(14), Source = "imported", CreatedAt = now,
            });
        }

        var random = new Random(seed);
        for (var r = 0; r < reps.Count; r++)
        {
            var level = 0.25 + (0.3 * random.NextDouble());
            var trend = (random.NextDouble() - 0.5) * 0.006;
            for (var m = 0; m < 24; m++)
            {
                var month = firstMonth.AddMonths(m);
                var lift = starts.TryGetValue(r, out var start) && month >= start ? PlantedEffect / 100 : 0;
                var p = Math.Clamp(level + (trend * m) + lift, 0.02, 0.98);
                for (var d = 0; d < 12; d++)
                {
                    db.Opportunities.Add(new Opportunity
                    {
                        Source = "impact", ExternalId = $"{r}-{m}-{d}", OwnerId = reps[r].Id, Amount = 1000 + (100 * d), Currency = "USD",
                        CreatedOn = month.AddDays(d), CloseDate = month.AddDays(d + 10), IsClosed = true, IsWon = random.NextDouble() < p, ImportedAt = now,
                    });
                }
            }
        }

        await db.SaveChangesAsync();
        await SalesDataStamp.BumpAsync(db, default);
        return new ImpactOrg { Vp = vp, Manager1 = manager1, Manager2 = manager2, Coordinator = coordinator, Reps = reps, Cohort = cohort, Pilot = pilot };
    }
}
