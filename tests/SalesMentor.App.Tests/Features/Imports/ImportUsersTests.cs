using Microsoft.EntityFrameworkCore;
using SalesMentor.App.Domain;
using SalesMentor.App.Features.Imports;
using SalesMentor.App.Tests.Infrastructure;
using static SalesMentor.App.Tests.Features.Imports.SalesImports;

namespace SalesMentor.App.Tests.Features.Imports;

/// <summary>Salesforce users link CRM owner ids to people, add the missing people with their managers, and never override the roster's managers.</summary>
public class ImportUsersTests
{
    private static readonly string Users = Csv(
        "Id,Name,Email,ManagerId,IsActive,UserRoleId,Username",
        "005A,Ann Rep,ANN@acme.test,005C,1,00E1,ann@acme.test.sf",
        "005B,Nina New,nina@acme.test,005A,true,00E1,nina@acme.test.sf",
        "005C,Boss Person,boss@acme.test,,1,00E2,boss@acme.test.sf",
        "005D,Old Timer,old@acme.test,005C,0,00E1,old@acme.test.sf");

    [Theory, BothProviders]
    public async Task ImportUsers_LinksKnownPeople_AddsTheRestWithManagers_AndListsWhereTheRosterDisagrees(Provider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        Assert.True((await RosterImports.ImportAsync(app, RosterImports.Csv("name,email,manager", "Mia Manager,mia@acme.test,", "Ann Rep,ann@acme.test,mia@acme.test"))).IsSuccess);
        Run(await ImportAsync(app, ImportKinds.Opportunities, Csv("Id,OwnerId,Name,StageName,IsClosed,IsWon", "006N,005B,Nina's deal,Open,0,0")));

        var run = Run(await ImportAsync(app, ImportKinds.Users, Users));

        Assert.Equal((ImportStatus.Completed, "salesforce-user", 3, 1, 0, 0), (run.Status, run.Format, run.Added, run.Updated, run.Unchanged, run.RejectedRows));
        var people = (await RosterImports.PeopleAsync(app)).ToDictionary(p => p.Email!);
        Assert.Equal(["005A"], people["ann@acme.test"].CrmOwnerIds.Select(l => l.OwnerId));
        Assert.Equal(people["mia@acme.test"].Id, people["ann@acme.test"].ManagerId);
        Assert.Equal((people["ann@acme.test"].Id, (DateOnly?)null), (people["nina@acme.test"].ManagerId!.Value, people["nina@acme.test"].LeftOn));
        Assert.Null(people["boss@acme.test"].ManagerId);
        Assert.Equal((people["boss@acme.test"].Id, new DateOnly(2026, 6, 15)), (people["old@acme.test"].ManagerId!.Value, people["old@acme.test"].LeftOn!.Value));
        Assert.Equal(["005D"], people["old@acme.test"].CrmOwnerIds.Select(l => l.OwnerId));
        var difference = run.Report!.ManagerDifferences.Single();
        Assert.Equal(("Ann Rep", "Boss Person", "Mia Manager"), (difference.Person, difference.ManagerInFile, difference.ManagerInRoster));
        Assert.Equal(people["nina@acme.test"].Id, (await OpportunitiesAsync(app)).Single().OwnerId);

        var again = Run(await ImportAsync(app, ImportKinds.Users, Users));
        Assert.Equal((0, 0, 4), (again.Added, again.Updated, again.Unchanged));
    }

    [Theory, BothProviders]
    public async Task ImportUsers_ManagerCycleAmongNewPeopleAndDuplicateIds_AreRowErrors(Provider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var csv = Csv("Id,Name,Email,ManagerId,IsActive", "U1,Una One,una@x.test,U2,1", "U2,Udo Two,udo@x.test,U1,1", "U3,Ute Three,ute@x.test,,1", "U3,Ute Again,ute2@x.test,,1");

        var strict = Run(await ImportAsync(app, ImportKinds.Users, csv));
        var skipping = Run(await ImportAsync(app, ImportKinds.Users, csv, new ImportSalesDataRequest(Stream.Null, null, SkipBadRows: true)));

        Assert.Equal((ImportStatus.Rejected, 3), (strict.Status, strict.RejectedRows));
        HasProblem(strict, 2, "ManagerId", "Manager cycle among new people");
        HasProblem(strict, 3, "ManagerId", "Manager cycle among new people");
        HasProblem(strict, 5, "Id", "The user 'U3' is already on line 4");
        Assert.Equal((ImportStatus.Completed, 1), (skipping.Status, skipping.Added));
        Assert.Equal(["Ute Three"], await app.InScopeAsync(s => s.Db.People.Select(p => p.Name).ToListAsync()));
    }

    [Theory, BothProviders]
    public async Task ImportUsers_NameSharedByTwoPeople_CannotBeMatchedByName(Provider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        await ImportOpportunityShapesTests.SeedPersonAsync(app, "Alex Kim", "alex1@acme.test");
        await ImportOpportunityShapesTests.SeedPersonAsync(app, "Alex Kim", "alex2@acme.test");

        var run = Run(await ImportAsync(app, ImportKinds.Users, Csv("Id,Name,Email,IsActive", "005K,Alex Kim,,1")));

        HasProblem(run, 2, "Name", "2 people are named 'Alex Kim'");
        Assert.Equal(2, await app.InScopeAsync(s => s.Db.People.CountAsync()));
    }
}
