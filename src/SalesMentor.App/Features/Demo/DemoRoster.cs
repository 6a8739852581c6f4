using SalesMentor.App.Data;
using SalesMentor.App.Domain;
using SalesMentor.Core.Demo;

namespace SalesMentor.App.Features.Demo;

/// <summary>Maps the generated demo organization onto the stored model.</summary>
internal static class DemoRoster
{
    public const string Source = "demo";

    /// <summary>
    /// Adds regions, teams and people (with their CRM owner ids); returns the head count. The demo
    /// gives a leaver's last working day; the app stores the first day away.
    /// </summary>
    public static int Write(SalesMentorDb db, DemoOrganization demo, DateTime now)
    {
        var regions = demo.Regions.ToDictionary(r => r.Name, r => new Region { Name = r.Name }, StringComparer.Ordinal);
        db.Regions.AddRange(regions.Values);
        var teams = demo.Teams.ToDictionary(t => t.Name, t => new Team { Name = t.Name, RegionId = regions[t.Region].Id }, StringComparer.Ordinal);
        db.Teams.AddRange(teams.Values);
        foreach (var p in demo.People)
        {
            var person = new Person
            {
                Id = p.Id, ExternalId = p.ExternalId, Name = p.Name, Email = p.Email, Title = p.Title,
                TeamId = p.Team is null ? null : teams[p.Team].Id, RegionId = regions[p.Region].Id, ManagerId = p.ManagerId,
                HireDate = p.HireDate, LeftOn = p.LeftOn?.AddDays(1), TimeZone = p.TimeZone, CreatedAt = now, UpdatedAt = now,
            };
            person.CrmOwnerIds.AddRange(p.CrmOwnerIds.Select(id => new CrmOwnerLink { OwnerId = id, PersonId = p.Id }));
            person.RefreshKeys();
            db.People.Add(person);
        }

        return demo.People.Count;
    }

    public static Opportunity ToEntity(DemoOpportunity o, DateTime now) => new()
    {
        Source = Source, ExternalId = o.ExternalId, OwnerId = o.OwnerId, OwnerRef = o.OwnerCrmId, Name = o.Name, Account = o.Account,
        Product = o.Product, Stage = o.Stage, Amount = o.Amount, Currency = o.Currency, CreatedOn = o.CreatedOn, CloseDate = o.CloseDate,
        IsClosed = o.IsClosed, IsWon = o.IsWon, Probability = o.Probability, LeadSource = o.LeadSource, ImportedAt = now,
    };

    public static Activity ToEntity(DemoActivity a, DateTime now) => new()
    {
        Source = Source, ExternalId = a.ExternalId, OwnerId = a.OwnerId, OwnerRef = a.OwnerCrmId,
        Type = a.Type switch
        {
            DemoActivityType.Call => ActivityType.Call,
            DemoActivityType.Email => ActivityType.Email,
            DemoActivityType.Meeting => ActivityType.Meeting,
            _ => ActivityType.Task,
        },
        Subject = a.Subject, Date = a.Date, DurationMinutes = a.DurationMinutes, Completed = a.Completed,
        OpportunityRef = a.OpportunityExternalId, ImportedAt = now,
    };
}
