using SalesMentor.App.Domain;
using SalesMentor.App.Tests.Infrastructure;

namespace SalesMentor.App.Tests.Kpis;

/// <summary>
/// A small sales team whose KPIs are worked out by hand below (USD, fiscal year = calendar year, as of the test
/// clock's 2026-06-15; the last day with data is 2026-04-01). EUR is worth 1.10 USD from 2025-12-01 and 1.20 from
/// 2026-03-01; there is no rate before 2025-12-01. Manager M leads reps A and B (team A); reps C and D are in team B
/// and report to nobody. Everyone but D was hired on 2022-01-10; D on 2026-02-01.
/// <code>
/// deal  owner  created     closed      outcome  amount        in USD
/// A1    A      2026-01-10  2026-01-20  won      1,000.00 USD  1,000.00
/// A2    A      2026-01-15  2026-02-05  lost       500.00 USD    500.00
/// A3    A      2026-02-01  2026-03-31  won      2,000.00 EUR  2,400.00 (rate of the close date)
/// A4    A      2026-03-15  2026-04-01  won        300.00 USD    300.00 (second quarter)
/// A5    A      2026-03-20  –           open     4,000.00 USD  4,000.00
/// A6    A      2025-11-01  2025-11-20  won        700.00 EUR  – (no rate that day: counted, not summed, reported)
/// A7    A      2026-02-10  –           open     1,000.00 EUR  1,100.00 (open: rate of the created date)
/// B1    B      2025-12-20  2026-01-05  won      3,000.00 USD  3,000.00
/// B2    B      2026-01-02  2026-01-25  lost     1,000.00 USD  1,000.00
/// B3    B      2026-02-14  2026-03-01  won      1,500.00 EUR  1,800.00 (the new rate starts that very day)
/// C1    C      2026-01-05  2026-02-15  won      5,000.00 USD  5,000.00
/// C2    C      2026-02-20  2026-03-10  lost     2,500.00 USD  2,500.00
/// D1    D      2026-02-05  2026-03-05  won        800.00 USD    800.00
/// </code>
/// Quotas: A 9,000 for 2026 Q1 and 9,100 for Q2; B 6,000 for Q1; C and D none. A logged three completed calls in
/// January and one open one; B one completed email in February.
/// <para>
/// 2026-Q1 by hand. A: won revenue 1,000 + 2,400 = 3,400.00; won 2, lost 1, win rate 2/3; win rate by value
/// 3,400 / 3,900; pipeline created (A1–A5, A7) 1,000 + 500 + 2,400 + 300 + 4,000 + 1,100 = 9,300.00; open at the
/// end (A4, A5, A7) 5,400.00; attainment 3,400 / 9,000; coverage 5,400 / 5,600; average deal 1,700.00; sales cycle
/// 10 and 58 days, median 34. B: 4,800.00 won, attainment 0.8. C: 5,000.00 won, attainment empty (no quota).
/// D: 800.00. Won revenue percentiles among the four: D 12.5, A 37.5, B 62.5, C 87.5; in team A: A 25, B 75.
/// </para>
/// </summary>
public sealed class KpiWorld
{
    public required Person Manager { get; init; }
    public required Person RepA { get; init; }
    public required Person RepB { get; init; }
    public required Person RepC { get; init; }
    public required Person RepD { get; init; }
    public required Team TeamA { get; init; }
    public required Team TeamB { get; init; }
    public required Region Region { get; init; }

    /// <summary>D's name starts like a spreadsheet formula: exports must neutralise it.</summary>
    public const string FormulaName = "=2+5 Dee";

    public static async Task<KpiWorld> CreateAsync(TestApp app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var now = app.Clock.GetUtcNow().UtcDateTime;
        var region = new Region { Name = "North" };
        var teamA = new Team { Name = "Team A", RegionId = region.Id };
        var teamB = new Team { Name = "Team B", RegionId = region.Id };
        Person New(string name, Team? team, Person? manager, DateOnly hired)
        {
            var person = new Person
            {
                Name = name, Email = $"{name.Split(' ')[^1].ToLowerInvariant()}@kpi.test", Title = "Account Executive", TeamId = team?.Id, RegionId = region.Id,
                ManagerId = manager?.Id, HireDate = hired, CreatedAt = now, UpdatedAt = now,
            };
            person.RefreshKeys();
            return person;
        }

        var hired = new DateOnly(2022, 1, 10);
        var manager = New("Mia Manager", teamA, null, hired);
        var world = new KpiWorld
        {
            Manager = manager, Region = region, TeamA = teamA, TeamB = teamB,
            RepA = New("Ann Alpha", teamA, manager, hired),
            RepB = New("Ben Beta", teamA, manager, hired),
            RepC = New("Cara Gamma", teamB, null, hired),
            RepD = New(FormulaName, teamB, null, new DateOnly(2026, 2, 1)),
        };
        await app.SeedAsync(db =>
        {
            db.AddRange(region, teamA, teamB, world.Manager, world.RepA, world.RepB, world.RepC, world.RepD);
            db.ExchangeRates.AddRange(
                new ExchangeRate { Currency = "EUR", ValidFrom = new DateOnly(2025, 12, 1), Rate = 1.10m },
                new ExchangeRate { Currency = "EUR", ValidFrom = new DateOnly(2026, 3, 1), Rate = 1.20m });
            void Deal(Person owner, string id, string created, string? closed, bool? won, decimal amount, string currency = "USD") => db.Opportunities.Add(new Opportunity
            {
                Source = "test", ExternalId = id, OwnerId = owner.Id, Name = $"Deal {id}", Amount = amount, Currency = currency,
                CreatedOn = DateOnly.Parse(created, System.Globalization.CultureInfo.InvariantCulture),
                CloseDate = closed is null ? null : DateOnly.Parse(closed, System.Globalization.CultureInfo.InvariantCulture),
                IsClosed = won is not null, IsWon = won == true, ImportedAt = now,
            });
            Deal(world.RepA, "A1", "2026-01-10", "2026-01-20", true, 1000m);
            Deal(world.RepA, "A2", "2026-01-15", "2026-02-05", false, 500m);
            Deal(world.RepA, "A3", "2026-02-01", "2026-03-31", true, 2000m, "EUR");
            Deal(world.RepA, "A4", "2026-03-15", "2026-04-01", true, 300m);
            Deal(world.RepA, "A5", "2026-03-20", null, null, 4000m);
            Deal(world.RepA, "A6", "2025-11-01", "2025-11-20", true, 700m, "EUR");
            Deal(world.RepA, "A7", "2026-02-10", null, null, 1000m, "EUR");
            Deal(world.RepB, "B1", "2025-12-20", "2026-01-05", true, 3000m);
            Deal(world.RepB, "B2", "2026-01-02", "2026-01-25", false, 1000m);
            Deal(world.RepB, "B3", "2026-02-14", "2026-03-01", true, 1500m, "EUR");
            Deal(world.RepC, "C1", "2026-01-05", "2026-02-15", true, 5000m);
            Deal(world.RepC, "C2", "2026-02-20", "2026-03-10", false, 2500m);
            Deal(world.RepD, "D1", "2026-02-05", "2026-03-05", true, 800m);
            db.Quotas.AddRange(
                new Quota { PersonId = world.RepA.Id, PeriodStart = new DateOnly(2026, 1, 1), PeriodEnd = new DateOnly(2026, 4, 1), Amount = 9000m, Currency = "USD" },
                new Quota { PersonId = world.RepA.Id, PeriodStart = new DateOnly(2026, 4, 1), PeriodEnd = new DateOnly(2026, 7, 1), Amount = 9100m, Currency = "USD" },
                new Quota { PersonId = world.RepB.Id, PeriodStart = new DateOnly(2026, 1, 1), PeriodEnd = new DateOnly(2026, 4, 1), Amount = 6000m, Currency = "USD" });
            void Act(Person owner, string id, string date, ActivityType type, bool done) => db.Activities.Add(new Activity
            {
                Source = "test", ExternalId = id, OwnerId = owner.Id, Type = type, Subject = id, Completed = done, ImportedAt = now,
                Date = DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture),
            });
            Act(world.RepA, "a1", "2026-01-06", ActivityType.Call, true);
            Act(world.RepA, "a2", "2026-01-07", ActivityType.Call, true);
            Act(world.RepA, "a3", "2026-01-08", ActivityType.Call, true);
            Act(world.RepA, "a4", "2026-01-09", ActivityType.Call, false);
            Act(world.RepB, "b1", "2026-02-03", ActivityType.Email, true);
        });
        return world;
    }

    /// <summary>Sets who may see sales data.</summary>
    public static Task SetVisibilityAsync(TestApp app, SalesDataVisibility visibility) =>
        app.SeedAsync(db => db.OrganizationSettings.Single().SalesDataVisibility = visibility);
}
