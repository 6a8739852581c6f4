using SalesMentor.App.Common;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using SalesMentor.App.Data;
using SalesMentor.App.Domain;

namespace SalesMentor.App.Tests.Infrastructure;

/// <summary>
/// A small organization every test can build for itself: a VP; supervisor A with reps A and B;
/// supervisor B with rep C and a star; an admin from sales enablement; a rep whose account is
/// disabled; each with an account (password <see cref="Password"/>) and a few deals.
/// Later features add mentors and mentees to the same cast.
/// </summary>
public sealed class TestWorld
{
    public const string Password = "correct horse battery";

    public required Person Vp { get; init; }
    public required Person SupervisorA { get; init; }
    public required Person SupervisorB { get; init; }
    public required Person RepA { get; init; }
    public required Person RepB { get; init; }
    public required Person RepC { get; init; }
    public required Person Star { get; init; }
    public required Person Admin { get; init; }
    public required Person Disabled { get; init; }
    public required Team TeamA { get; init; }
    public required Team TeamB { get; init; }
    public required Region Region { get; init; }

    public IEnumerable<Person> Everyone => [Vp, SupervisorA, SupervisorB, RepA, RepB, RepC, Star, Admin, Disabled];

    public static async Task<TestWorld> CreateAsync(IServiceProvider services, DateTime now)
    {
        ArgumentNullException.ThrowIfNull(services);
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SalesMentorDb>();
        var region = new Region { Name = "North" };
        var teamA = new Team { Name = "Team A", RegionId = region.Id };
        var teamB = new Team { Name = "Team B", RegionId = region.Id };
        db.AddRange(region, teamA, teamB);

        Person New(string name, string email, string title, Person? manager, Team? team)
        {
            var person = new Person
            {
                Name = name, Email = email, Title = title, ManagerId = manager?.Id, TeamId = team?.Id, RegionId = region.Id,
                HireDate = new DateOnly(2022, 1, 10), TimeZone = "Europe/Berlin", CreatedAt = now, UpdatedAt = now,
            };
            person.RefreshKeys();
            db.People.Add(person);
            return person;
        }

        var vp = New("Vera Vice", "vp@world.test", "VP of Sales", null, null);
        var supA = New("Sam Supervisor", "sup.a@world.test", "Sales Manager", vp, teamA);
        var supB = New("Sue Supervisor", "sup.b@world.test", "Sales Manager", vp, teamB);
        var world = new TestWorld
        {
            Vp = vp, SupervisorA = supA, SupervisorB = supB, Region = region, TeamA = teamA, TeamB = teamB,
            RepA = New("Zoë O'Brien", "rep.a@world.test", "Account Executive", supA, teamA),
            RepB = New("李小龍", "rep.b@world.test", "Account Executive", supA, teamA),
            RepC = New("Ahmed Al-Farsi", "rep.c@world.test", "Account Executive", supB, teamB),
            Star = New("Stella Star", "star@world.test", "Senior Account Executive", supB, teamB),
            Admin = New("Ada Admin", "admin@world.test", "Sales Enablement Lead", vp, null),
            Disabled = New("Dan Disabled", "disabled@world.test", "Account Executive", supA, teamA),
        };
        foreach (var rep in new[] { world.RepA, world.RepB, world.RepC, world.Star })
        {
            for (var i = 0; i < 3; i++)
            {
                db.Opportunities.Add(new Opportunity
                {
                    Source = "test", ExternalId = $"{rep.Email}-{i}", OwnerId = rep.Id, Name = $"Deal {i} of {rep.Name}", Account = "Acme",
                    Amount = 1000m * (i + 1), Currency = "USD", CreatedOn = new DateOnly(2026, 1, 5), CloseDate = new DateOnly(2026, 2, 10 + i),
                    IsClosed = i < 2, IsWon = i == 0, ImportedAt = now,
                });
                db.Activities.Add(new Activity
                {
                    Source = "test", ExternalId = $"{rep.Email}-a{i}", OwnerId = rep.Id, Type = ActivityType.Call, Subject = $"Call {i}",
                    Date = new DateOnly(2026, 1, 6 + i), DurationMinutes = 15, Completed = true, ImportedAt = now,
                });
            }
        }

        await db.SaveChangesAsync();

        // The deals and activities were written straight into the database, not through an import: raise the sales-data
        // stamp as an import does, or KPIs computed before the world existed (the host's start-up refresh) are kept.
        await SalesDataStamp.BumpAsync(db, default);

        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        foreach (var person in world.Everyone)
        {
            var user = new AppUser { UserName = person.Email, Email = person.Email, EmailConfirmed = true, PersonId = person.Id, CreatedAt = now };
            var created = await users.CreateAsync(user, Password);
            if (!created.Succeeded) throw new InvalidOperationException(string.Join(" ", created.Errors.Select(e => e.Description)));
            if (person == world.Admin) await users.AddToRoleAsync(user, Roles.Admin);
            if (person == world.Disabled)
            {
                user.IsDisabled = true;
                await users.UpdateAsync(user);
            }
        }

        return world;
    }
}
