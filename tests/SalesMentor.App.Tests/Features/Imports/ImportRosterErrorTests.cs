using Microsoft.EntityFrameworkCore;
using SalesMentor.App.Domain;
using SalesMentor.App.Tests.Infrastructure;
using static SalesMentor.App.Tests.Features.Imports.RosterImports;

namespace SalesMentor.App.Tests.Features.Imports;

/// <summary>Every kind of bad row, with its line, column and reason; all-or-nothing versus skip-bad-rows.</summary>
public class ImportRosterErrorTests
{
    private static readonly string TooLong = new('x', 301);

    // Line 2 is good; every other line breaks one rule. SmallOrg's VP (VP-1) has vp@org.test and CRM id SF-VP.
    private static readonly string BadFile = Csv(
        FullHeader,
        "N1,Ann Good,ann@x.test,,,,,,,,",
        "N2,,nobody@x.test,,,,,,,,",
        "N3,Bad Date,bd@x.test,,,,,01/03/2024,,,",
        "N4,Left Early,le@x.test,,,,,2024-05-01,2024-04-01,,",
        "N5,Bad Mail,not-an-email,,,,,,,,",
        "N6,Mail Taken,VP@org.test,,,,,,,,",
        "N7,Bad Zone,bz@x.test,,,,,,,Mars/Olympus_Mons,",
        $"N8,{TooLong},tl@x.test,,,,,,,,",
        "N9,Crm Taken,ct@x.test,,,,,,,,SF-VP",
        "N10,No Boss,nb@x.test,,,,E-404,,,,",
        "N1,Ann Again,ann2@x.test,,,,,,,,",
        "C1,Cy Circle,c1@x.test,,,,C2,,,,",
        "C2,Di Circle,c2@x.test,,,,c1@x.test,,,,");

    [Theory, BothProviders]
    public async Task Import_BadRows_EachReportedWithLineColumnAndReason_AndNothingWritten(Provider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        await SmallOrg.CreateAsync(app);
        var before = await SnapshotAsync(app);

        var run = (await ImportAsync(app, BadFile)).Value;

        Assert.Equal((ImportStatus.Rejected, 13, 12), (run.Status, run.Rows, run.RejectedRows));
        Assert.Equal((0, 0, 0), (run.Added, run.Updated, run.Unchanged));
        HasProblem(run, 3, "name", "A name is required.");
        HasProblem(run, 4, "hire_date", "'01/03/2024' is not a date; write dates as yyyy-MM-dd");
        HasProblem(run, 5, "left_date", "The left date is before the hire date.");
        HasProblem(run, 6, "email", "'not-an-email' is not an email address");
        HasProblem(run, 7, "email", "The email vp@org.test already belongs to Vera Vice.");
        HasProblem(run, 8, "time_zone", "'Mars/Olympus_Mons' is not a known time zone");
        HasProblem(run, 9, "name", "The name is longer than 300 characters.");
        HasProblem(run, 10, "crm_owner_ids", "The CRM owner id 'SF-VP' already belongs to Vera Vice.");
        HasProblem(run, 11, "manager", "Unknown manager: no one in the file or in the directory has the external id, email or name 'E-404'.");
        HasProblem(run, 12, "external_id", "This person is already on line 2 (same external id 'N1')");
        HasProblem(run, 13, "manager", "Manager cycle: ");
        HasProblem(run, 14, "manager", "Manager cycle: ");
        var cycle = run.Errors.First(e => e.Line == 13).Reason;
        Assert.Contains("Cy Circle", cycle, StringComparison.Ordinal);
        Assert.Contains("Di Circle", cycle, StringComparison.Ordinal);
        Assert.Contains("Nothing was imported: 12 rows have errors", run.Notice, StringComparison.Ordinal);
        Assert.Equal(before, await SnapshotAsync(app));
        var stored = await app.InScopeAsync(s => s.Db.ImportRuns.AsNoTracking().Include(r => r.Errors).SingleAsync());
        Assert.Equal((ImportStatus.Rejected, run.Errors.Count), (stored.Status, stored.Errors.Count));
    }

    [Theory, BothProviders]
    public async Task Import_SkipBadRows_ImportsTheGoodRowsAndListsTheBadOnes(Provider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        await SmallOrg.CreateAsync(app);

        var run = (await ImportAsync(app, BadFile, skipBadRows: true)).Value;

        Assert.Equal((ImportStatus.Completed, 1, 12), (run.Status, run.Added, run.RejectedRows));
        Assert.Equal([3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14], run.Errors.Select(e => e.Line).Distinct());
        var added = (await PeopleAsync(app)).Where(p => p.ExternalId?.StartsWith('N') == true || p.ExternalId?.StartsWith('C') == true).ToList();
        Assert.Equal("Ann Good", Assert.Single(added).Name);
    }

    [Theory, BothProviders]
    public async Task Import_SkipBadRows_RowsUnderARejectedManagerGetTheirOwnError(Provider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var csv = Csv(
            "external_id,name,manager,hire_date",
            "M1,Manny Broken,,yesterday",
            "R1,Rita Report,M1,2024-01-01",
            "R2,Rolf Deeper,R1,2024-01-01",
            "R3,Ruth Fine,,2024-01-01");

        var skipped = (await ImportAsync(app, csv, skipBadRows: true)).Value;
        var strict = (await ImportAsync(app, csv)).Value;

        Assert.Equal((1, 3), (skipped.Added, skipped.RejectedRows));
        HasProblem(skipped, 3, "manager", "The manager 'M1' is on line 2, which has errors");
        HasProblem(skipped, 4, "manager", "The manager 'R1' is on line 3, which has errors");
        Assert.Equal("Ruth Fine", Assert.Single(await PeopleAsync(app)).Name);
        Assert.Equal([2], strict.Errors.Select(e => e.Line));
    }

    [Theory, BothProviders]
    public async Task Import_CycleThroughStoredPeople_NamesEveryoneInTheCircle(Provider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var org = await SmallOrg.CreateAsync(app);

        var run = (await ImportAsync(app, Csv("email,name,manager_email", "vp@org.test,Vera Vice,zoe@org.test"))).Value;

        Assert.Equal(ImportStatus.Rejected, run.Status);
        var problem = Assert.Single(run.Errors);
        Assert.Equal((2, "manager_email"), (problem.Line, problem.Column));
        Assert.Contains("Vera Vice → Zoë O'Brien → Sam Supervisor → Vera Vice", problem.Reason, StringComparison.Ordinal);
        Assert.Null((await PeopleAsync(app)).Single(p => p.Id == org.Vp.Id).ManagerId);
    }

    [Theory, BothProviders]
    public async Task Import_SelfManagerAndAmbiguousManagerName_AreClearErrors(Provider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var csv = Csv(
            "external_id,name,manager",
            "A,Ann Twin,",
            "B,Ann Twin,",
            "C,Cal Self,C",
            "D,Dee Under,ann twin");

        var run = (await ImportAsync(app, csv)).Value;

        HasProblem(run, 4, "manager", "A person cannot be their own manager.");
        HasProblem(run, 5, "manager", "2 people are named 'ann twin'; name the manager by external id or email instead.");
        Assert.Empty(await PeopleAsync(app));
    }

    [Theory, BothProviders]
    public async Task Import_SameEmailOrCrmIdOnTwoRows_IsReportedOnTheSecond(Provider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var csv = Csv("external_id,name,email,crm_owner_ids", "A,Ann,shared@x.test,CRM-1", "B,Bob,SHARED@x.test,CRM-2", "C,Cy,c@x.test,CRM-2;CRM-1");

        var run = (await ImportAsync(app, csv)).Value;

        HasProblem(run, 3, "email", "The email shared@x.test is also on line 2.");
        HasProblem(run, 4, "crm_owner_ids", "The CRM owner id 'CRM-2' is also on line 3.");
        HasProblem(run, 4, "crm_owner_ids", "The CRM owner id 'CRM-1' is also on line 2.");
    }

    [Theory, BothProviders]
    public async Task Import_LeftDateBeforeStoredHireDate_IsCheckedWhenOnlyOneDateColumnIsThere(Provider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        await SmallOrg.CreateAsync(app);

        var run = (await ImportAsync(app, Csv("email,name,left_on", "ahmed@org.test,Ahmed Al-Farsi,2021-12-31"))).Value;

        HasProblem(run, 2, "left_on", "The left date is before the hire date stored for this person.");
    }

    [Theory, BothProviders]
    public async Task Import_UnreadableFile_FailsWithTheReasonAndWritesNothing(Provider provider)
    {
        await using var app = await TestApp.StartAsync(provider);

        var run = (await ImportAsync(app, "name,title\nAnn,\"AE\nBob,SE\n")).Value;

        Assert.Equal(ImportStatus.Failed, run.Status);
        HasProblem(run, 2, null, "The quote that opens a cell on line 2 is never closed.");
        Assert.Empty(await PeopleAsync(app));
        Assert.Equal(ImportStatus.Failed, (await app.InScopeAsync(s => s.Db.ImportRuns.SingleAsync())).Status);
    }
}
