using System.Text;
using Microsoft.EntityFrameworkCore;
using SalesMentor.App.Domain;
using SalesMentor.App.Tests.Infrastructure;
using static SalesMentor.App.Tests.Features.Imports.RosterImports;

namespace SalesMentor.App.Tests.Features.Imports;

public class ImportRosterTests
{
    private static readonly string Roster = Csv(
        FullHeader,
        "E1,Vera Vice,vera@acme.test,VP of Sales,,North,,2020-01-06,,Europe/Berlin,SF-1",
        "E2,Sam Lead,Sam@Acme.test,Sales Manager,Team Red,North,E1,2021-02-01,,Europe/Berlin,SF-2;HS-2",
        "E3,Zoë O'Brien,zoe@acme.test,Account Executive,team red,North,sam@acme.test,2022-03-01,2025-01-31,Europe/Paris,",
        "E4,李小龍,li@acme.test,Account Executive,Team Blue,South,Sam Lead,2023-04-01T09:00:00Z,,Asia/Shanghai,SF-4");

    [Theory, BothProviders]
    public async Task Import_FreshRoster_AddsPeopleManagersTeamsRegionsAndCrmIds(Provider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var run = (await ImportAsync(app, Roster)).Value;

        Assert.Equal((ImportStatus.Completed, 4, 4, 0, 0, 0), (run.Status, run.Rows, run.Added, run.Updated, run.Unchanged, run.RejectedRows));
        Assert.Empty(run.Errors);
        var people = (await PeopleAsync(app)).ToDictionary(p => p.ExternalId!);
        Assert.Null(people["E1"].ManagerId);
        Assert.Equal(people["E1"].Id, people["E2"].ManagerId);
        Assert.Equal(people["E2"].Id, people["E3"].ManagerId);
        Assert.Equal(people["E2"].Id, people["E4"].ManagerId);
        Assert.Equal("sam@acme.test", people["E2"].Email);
        Assert.Equal(["HS-2", "SF-2"], people["E2"].CrmOwnerIds.Select(l => l.OwnerId).Order(StringComparer.Ordinal));
        Assert.Equal((new DateOnly(2022, 3, 1), new DateOnly(2025, 1, 31), "Europe/Paris"), (people["E3"].HireDate, people["E3"].LeftOn, people["E3"].TimeZone));
        Assert.Equal(new DateOnly(2023, 4, 1), people["E4"].HireDate);
        Assert.Equal("Team Red", people["E3"].Team!.Name);
        Assert.Equal(people["E2"].TeamId, people["E3"].TeamId);
        var teams = await app.InScopeAsync(s => s.Db.Teams.AsNoTracking().Include(t => t.Region).OrderBy(t => t.Name).ToListAsync());
        Assert.Equal([("Team Blue", "South"), ("Team Red", "North")], teams.Select(t => (t.Name, t.Region!.Name)));
        Assert.Equal(["North", "South"], await app.InScopeAsync(s => s.Db.Regions.Select(r => r.Name).OrderBy(n => n).ToListAsync()));
        Assert.All(people.Values, p => Assert.Equal(TestApp.DefaultNow.UtcDateTime, p.CreatedAt));
    }

    [Theory, BothProviders]
    public async Task Import_SameFileTwice_SecondRunChangesNothing(Provider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        await ImportAsync(app, Roster);
        var before = await SnapshotAsync(app);
        app.Clock.Advance(TimeSpan.FromDays(1));

        var run = (await ImportAsync(app, Roster)).Value;

        Assert.Equal((ImportStatus.Completed, 0, 0, 4), (run.Status, run.Added, run.Updated, run.Unchanged));
        Assert.Equal(before, await SnapshotAsync(app));
    }

    [Theory, BothProviders]
    public async Task Import_ChangedRow_UpdatesOnlyThatPerson(Provider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        await ImportAsync(app, Roster);
        var before = (await PeopleAsync(app)).ToDictionary(p => p.ExternalId!);
        app.Clock.Advance(TimeSpan.FromDays(1));
        var changed = Roster
            .Replace("E3,Zoë O'Brien,zoe@acme.test,Account Executive", "E3,Zoë O'Brien,zoe@acme.test,Senior Account Executive", StringComparison.Ordinal)
            .Replace("Asia/Shanghai,SF-4", "Asia/Shanghai,SF-4;SF-44", StringComparison.Ordinal);

        var run = (await ImportAsync(app, changed)).Value;

        Assert.Equal((0, 2, 2), (run.Added, run.Updated, run.Unchanged));
        var after = (await PeopleAsync(app)).ToDictionary(p => p.ExternalId!);
        Assert.Equal("Senior Account Executive", after["E3"].Title);
        Assert.Equal(before["E3"].Version + 1, after["E3"].Version);
        Assert.Equal(app.Clock.GetUtcNow().UtcDateTime, after["E3"].UpdatedAt);
        Assert.Equal(["SF-4", "SF-44"], after["E4"].CrmOwnerIds.Select(l => l.OwnerId).Order(StringComparer.Ordinal));
        Assert.Equal(before["E4"].Version + 1, after["E4"].Version);
        Assert.Equal((before["E1"].Version, before["E1"].UpdatedAt), (after["E1"].Version, after["E1"].UpdatedAt));
    }

    [Theory, BothProviders]
    public async Task Import_PeopleAndColumnsNotInTheFile_AreLeftAlone(Provider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var org = await SmallOrg.CreateAsync(app);

        var run = (await ImportAsync(app, Csv("email,name,title", "zoe@org.test,Zoë O'Brien,Team Lead"))).Value;

        Assert.Equal((0, 1, 0), (run.Added, run.Updated, run.Unchanged));
        var people = (await PeopleAsync(app)).ToDictionary(p => p.Id);
        Assert.Equal(org.Everyone.Count(), people.Count);
        var repA = people[org.RepA.Id];
        Assert.Equal(("Team Lead", org.Manager.Id, org.TeamA.Id, (DateOnly?)new DateOnly(2022, 1, 10), "R-1"),
            (repA.Title, repA.ManagerId!.Value, repA.TeamId!.Value, repA.HireDate, repA.ExternalId));
        Assert.Equal(org.RepB.Title, people[org.RepB.Id].Title);
    }

    [Theory, BothProviders]
    public async Task Import_ManagerByExplicitExternalIdEmailAndNameColumns(Provider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var csv = Csv(
            "external_id,name,email,manager_external_id,manager_email,manager_name",
            "B1,Boss One,boss1@x.test,,,",
            "B2,Boss Two,boss2@x.test,,,",
            "R1,By Id,r1@x.test,B1,,",
            "R2,By Email,r2@x.test,,BOSS2@x.test,",
            "R3,By Name,r3@x.test,,,boss   one",
            "R4,Id Wins,r4@x.test,B2,boss1@x.test,Boss One");

        var run = (await ImportAsync(app, csv)).Value;

        Assert.Equal(6, run.Added);
        var people = (await PeopleAsync(app)).ToDictionary(p => p.ExternalId!);
        Assert.Equal(
            [people["B1"].Id, people["B2"].Id, people["B1"].Id, people["B2"].Id],
            [people["R1"].ManagerId!.Value, people["R2"].ManagerId!.Value, people["R3"].ManagerId!.Value, people["R4"].ManagerId!.Value]);
    }

    [Theory, BothProviders]
    public async Task Import_ExternalIdsForPeopleKnownByEmail_AreAdoptedNotDuplicated(Provider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var org = await SmallOrg.CreateAsync(app);

        var run = (await ImportAsync(app, Csv("external_id,name,email", "EMP-7,Ahmed Al-Farsi,ahmed@org.test"))).Value;

        Assert.Equal((0, 1), (run.Added, run.Updated));
        Assert.Equal("EMP-7", (await PeopleAsync(app)).Single(p => p.Id == org.RepC.Id).ExternalId);
    }

    [Theory, BothProviders]
    public async Task Import_EmailsSwappedAndCrmIdMovedBetweenPeople_AreWritten(Provider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        await ImportAsync(app, Csv("external_id,name,email,crm_owner_ids", "A,Ann,ann@x.test,CRM-1", "B,Bob,bob@x.test,CRM-2"));

        var run = (await ImportAsync(app, Csv("external_id,name,email,crm_owner_ids", "A,Ann,bob@x.test,CRM-2", "B,Bob,ann@x.test,CRM-1;CRM-3"))).Value;

        Assert.Equal((ImportStatus.Completed, 2), (run.Status, run.Updated));
        var people = (await PeopleAsync(app)).ToDictionary(p => p.ExternalId!);
        Assert.Equal(("bob@x.test", "ann@x.test"), (people["A"].Email, people["B"].Email));
        Assert.Equal(["CRM-2"], people["A"].CrmOwnerIds.Select(l => l.OwnerId));
        Assert.Equal(["CRM-1", "CRM-3"], people["B"].CrmOwnerIds.Select(l => l.OwnerId).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Import_Windows1252AndUtf16Files_StoreTheNamesRightAndSayHowTheyWereRead()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        await using var app = await TestApp.StartAsync(Provider.Sqlite);

        var latin = (await ImportAsync(app, Encoding.GetEncoding(1252).GetBytes("name,team\r\nRené Müller,Köln\r\n"))).Value;
        var utf16 = (await ImportAsync(app, [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes("name,team\r\nZoë Ångström,Öst\r\n")])).Value;

        Assert.StartsWith("Read as Windows-1252", latin.Notice, StringComparison.Ordinal);
        Assert.StartsWith("Read as UTF-16 LE (with byte order mark)", utf16.Notice, StringComparison.Ordinal);
        Assert.Equal([("René Müller", "Köln"), ("Zoë Ångström", "Öst")], (await PeopleAsync(app)).Select(p => (p.Name, p.Team!.Name)).Order());
    }

    [Theory, BothProviders]
    public async Task Import_DryRun_ReportsCountsAndWritesNothing(Provider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var run = (await ImportAsync(app, Roster, dryRun: true)).Value;

        Assert.Equal((true, ImportStatus.Completed, 4), (run.DryRun, run.Status, run.Added));
        Assert.Empty(await PeopleAsync(app));
        Assert.Empty(await app.InScopeAsync(s => s.Db.ImportRuns.ToListAsync()));
    }
}
