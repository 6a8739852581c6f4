using SalesMentor.App.Domain;
using SalesMentor.App.Tests.Infrastructure;

namespace SalesMentor.App.Tests.Features.Imports;

/// <summary>
/// A stored organization for import tests, without sign-in accounts (so it is quick to build):
/// Vera (VP, external id VP-1, CRM id SF-VP) ← Sam (manager, Team A) ← Zoë and Li (reps, Team A);
/// Ahmed (rep, no external id) reports to Sam too. All hired 2022-01-10.
/// </summary>
internal sealed record SmallOrg(Person Vp, Person Manager, Person RepA, Person RepB, Person RepC, Team TeamA, Region Region)
{
    public IEnumerable<Person> Everyone => [Vp, Manager, RepA, RepB, RepC];

    public static async Task<SmallOrg> CreateAsync(TestApp app)
    {
        var now = app.Clock.GetUtcNow().UtcDateTime;
        var region = new Region { Name = "North" };
        var team = new Team { Name = "Team A", RegionId = region.Id };
        Person New(string? externalId, string name, string email, string title, Person? manager)
        {
            var person = new Person
            {
                ExternalId = externalId, Name = name, Email = email, Title = title, ManagerId = manager?.Id, TeamId = manager is null ? null : team.Id,
                RegionId = region.Id, HireDate = new DateOnly(2022, 1, 10), TimeZone = "Europe/Berlin", CreatedAt = now, UpdatedAt = now,
            };
            person.RefreshKeys();
            return person;
        }

        var vp = New("VP-1", "Vera Vice", "vp@org.test", "VP of Sales", null);
        var manager = New("M-1", "Sam Supervisor", "sam@org.test", "Sales Manager", vp);
        var org = new SmallOrg(vp, manager, New("R-1", "Zoë O'Brien", "zoe@org.test", "Account Executive", manager),
            New("R-2", "李小龍", "li@org.test", "Account Executive", manager), New(null, "Ahmed Al-Farsi", "ahmed@org.test", "Account Executive", manager), team, region);
        await app.SeedAsync(db =>
        {
            db.AddRange(region, team);
            db.People.AddRange(org.Everyone);
            db.CrmOwnerLinks.Add(new CrmOwnerLink { OwnerId = "SF-VP", PersonId = vp.Id });
        });
        return org;
    }
}
