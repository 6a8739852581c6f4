using System.Text;
using Microsoft.EntityFrameworkCore;
using SalesMentor.App.Common;
using SalesMentor.App.Domain;
using SalesMentor.App.Features.Imports;
using SalesMentor.App.Tests.Infrastructure;
using static SalesMentor.App.Tests.Features.Imports.RosterImports;

namespace SalesMentor.App.Tests.Features.Imports;

/// <summary>The page's flow: upload and preview, then import or discard; the history and the error report.</summary>
public class StageRosterImportTests
{
    private static readonly string Roster = Csv(
        "External ID,Name,E-mail Address,Manager,Hire Date,Notes",
        "E1,Vera Vice,vera@acme.test,,2020-01-06,first",
        "E2,Sam Lead,sam@acme.test,E1,2021-13-01,second",
        "E3,Zoë O'Brien,zoe@acme.test,E2,2022-03-01,third");

    [Theory, BothProviders]
    public async Task Stage_ShowsColumnsFirstRowsAndWhatWouldHappen_WithoutImporting(Provider provider)
    {
        await using var app = await TestApp.StartAsync(provider);

        var run = (await StageAsync(app, Roster)).Value;

        Assert.Equal((ImportStatus.Staged, 3, 2, 1, true), (run.Status, run.Rows, run.Added, run.RejectedRows, run.WouldBeRejected));
        HasProblem(run, 3, "Hire Date", "'2021-13-01' is not a date");
        Assert.Single(run.Errors);
        var preview = run.Preview!;
        Assert.Equal(
            [("External ID", "external id"), ("Name", "name"), ("E-mail Address", "email"), ("Manager", "manager"), ("Hire Date", "hire date"), ("Notes", null)],
            preview.Columns.Select(c => (c.Header, c.ReadAs)));
        Assert.Equal(["external id", "name", "email", "manager", "hire date"], preview.Fields);
        Assert.Equal([2, 3, 4], preview.Rows.Select(r => r.Line));
        Assert.Equal(["E3", "Zoë O'Brien", "zoe@acme.test", "E2", "2022-03-01"], preview.Rows[2].Values);
        Assert.Contains("Ignored a column that a roster does not use: 'Notes'.", run.Notice, StringComparison.Ordinal);
        Assert.Empty(await PeopleAsync(app));
        Assert.Single(Directory.GetFiles(Path.Combine(app.Database.Folder, "imports")));
        var fetched = (await app.InScopeAsync(s => s.Get<GetImport>().HandleAsync(TestApp.AdminActor, run.Id, default))).Value;
        Assert.Equal(run.Errors, fetched.Errors);
        Assert.Equal(3, fetched.Preview!.Rows.Count);
    }

    [Theory, BothProviders]
    public async Task Commit_StagedFileWithSkipBadRows_ImportsTheGoodRowsAndEndsTheRun(Provider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var staged = (await StageAsync(app, Roster)).Value;

        var run = (await app.InScopeAsync(s => s.Get<CommitRosterImport>().HandleAsync(TestApp.AdminActor, new CommitRosterImportRequest(staged.Id, SkipBadRows: true), default))).Value;
        var again = await app.InScopeAsync(s => s.Get<CommitRosterImport>().HandleAsync(TestApp.AdminActor, new CommitRosterImportRequest(staged.Id), default));

        Assert.Equal((ImportStatus.Completed, 1, 2, true), (run.Status, run.Added, run.RejectedRows, run.SkipBadRows));
        HasProblem(run, 4, "Manager", "The manager 'E2' is on line 3, which has errors");
        Assert.Equal(["Vera Vice"], (await PeopleAsync(app)).Select(p => p.Name));
        Assert.Empty(Directory.GetFiles(Path.Combine(app.Database.Folder, "imports")));
        Assert.Equal("import.not_staged", again.Error!.Code);
        var stored = await app.InScopeAsync(s => s.Db.ImportRuns.AsNoTracking().Include(r => r.Errors).SingleAsync());
        Assert.Equal((ImportStatus.Completed, null, 2), (stored.Status, stored.StagedPath, stored.Errors.Count));
    }

    [Theory, BothProviders]
    public async Task Commit_AllOrNothingWithBadRows_IsRejectedAndWritesNothing(Provider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var staged = (await StageAsync(app, Roster)).Value;

        var run = (await app.InScopeAsync(s => s.Get<CommitRosterImport>().HandleAsync(TestApp.AdminActor, new CommitRosterImportRequest(staged.Id), default))).Value;

        Assert.Equal((ImportStatus.Rejected, 0, 1), (run.Status, run.Added, run.RejectedRows));
        Assert.Empty(await PeopleAsync(app));
    }

    [Theory, BothProviders]
    public async Task Discard_StagedRun_RemovesItAndItsFile(Provider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var staged = (await StageAsync(app, Roster)).Value;

        var done = await app.InScopeAsync(s => s.Get<DiscardImport>().HandleAsync(TestApp.AdminActor, staged.Id, default));
        var gone = await app.InScopeAsync(s => s.Get<GetImport>().HandleAsync(TestApp.AdminActor, staged.Id, default));

        Assert.True(done.IsSuccess);
        Assert.Equal("import.not_found", gone.Error!.Code);
        Assert.Empty(Directory.GetFiles(Path.Combine(app.Database.Folder, "imports")));
        Assert.Contains("import.roster.discard", await app.InScopeAsync(s => s.Db.AuditEvents.Select(a => a.Action).ToListAsync()));
    }

    [Fact]
    public async Task Stage_FileOverTheUploadLimit_IsRefusedAndNothingKept()
    {
        await using var app = await TestApp.StartAsync(Provider.Sqlite, new Dictionary<string, string?> { ["Import:MaxUploadMegabytes"] = "1" });
        var big = "name,notes\n" + string.Concat(Enumerable.Repeat("Ann," + new string('x', 1000) + "\n", 1100));

        var staged = await StageAsync(app, big);
        var oneShot = await ImportAsync(app, big);

        Assert.Equal((ErrorKind.Validation, ImportErrors.TooLargeCode), (staged.Error!.Kind, staged.Error.Code));
        Assert.Equal(ImportErrors.TooLargeCode, oneShot.Error!.Code);
        Assert.Empty(Directory.GetFiles(Path.Combine(app.Database.Folder, "imports")));
        Assert.Empty(await app.InScopeAsync(s => s.Db.ImportRuns.ToListAsync()));
    }

    [Fact]
    public async Task ImportUseCases_ForSomeoneWhoIsNotAnAdmin_AreForbidden()
    {
        await using var app = await TestApp.StartAsync(Provider.Sqlite);
        var rep = Actor.User(Core.People.PersonId.New(), "Rita Rep", isAdmin: false);
        var id = (await StageAsync(app, Roster)).Value.Id;

        List<Error?> errors =
        [
            (await ImportAsync(app, Roster, actor: rep)).Error,
            (await StageAsync(app, Roster, actor: rep)).Error,
            (await app.InScopeAsync(s => s.Get<CommitRosterImport>().HandleAsync(rep, new CommitRosterImportRequest(id), default))).Error,
            (await app.InScopeAsync(s => s.Get<DiscardImport>().HandleAsync(rep, id, default))).Error,
            (await app.InScopeAsync(s => s.Get<GetImport>().HandleAsync(rep, id, default))).Error,
            (await app.InScopeAsync(s => s.Get<GetImportErrorReport>().HandleAsync(rep, id, default))).Error,
            (await app.InScopeAsync(s => s.Get<ListImports>().HandleAsync(rep, new ListImportsRequest(), default))).Error,
        ];

        Assert.All(errors, e => Assert.Equal((ErrorKind.Forbidden, "import.admin_only"), (e!.Kind, e.Code)));
        Assert.Empty(await PeopleAsync(app));
        Assert.Equal(ImportStatus.Staged, (await app.InScopeAsync(s => s.Db.ImportRuns.SingleAsync())).Status);
    }

    [Theory, BothProviders]
    public async Task ListImports_IsNewestFirstWithCounts(Provider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        await ImportAsync(app, Csv("name", "Ann"));
        app.Clock.Advance(TimeSpan.FromMinutes(5));
        await ImportAsync(app, Csv("name", "Ann", "Bob", "", "x,y"));

        var page = (await app.InScopeAsync(s => s.Get<ListImports>().HandleAsync(TestApp.AdminActor, new ListImportsRequest(new PageRequest(0, 10)), default))).Value;

        Assert.Equal(2, page.Total);
        Assert.Equal([(ImportStatus.Failed, 1), (ImportStatus.Completed, 0)], page.Items.Select(r => (r.Status, r.Errors)));
        Assert.Equal((1, 0), (page.Items[1].Added, page.Items[1].Unchanged));
    }

    [Fact]
    public async Task ErrorReport_ListsLineColumnReason_AndNeutralisesFormulaText()
    {
        await using var app = await TestApp.StartAsync(Provider.Sqlite);
        var run = (await ImportAsync(app, Csv("-Email,name,title", "=1+1,=SUM(A1:A9),@Evil()"))).Value;

        var report = (await app.InScopeAsync(s => s.Get<GetImportErrorReport>().HandleAsync(TestApp.AdminActor, run.Id, default))).Value;
        var text = Encoding.UTF8.GetString(report.Content).TrimStart('\uFEFF');

        Assert.Equal("text/csv; charset=utf-8", report.ContentType);
        Assert.StartsWith("line,column,reason\r\n2,'-Email,'=1+1' is not an email address.", text, StringComparison.Ordinal);
        Assert.DoesNotContain(",-Email", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FormulaPayloads_AreStoredAsTheTextTheyAre()
    {
        await using var app = await TestApp.StartAsync(Provider.Sqlite);

        await ImportAsync(app, Csv("name,title,team", "=SUM(A1:A9),@Evil(),+1 (555) 010"));

        var person = Assert.Single(await PeopleAsync(app));
        Assert.Equal(("=SUM(A1:A9)", "@Evil()", "+1 (555) 010"), (person.Name, person.Title, person.Team!.Name));
    }

    [Fact]
    public async Task Import_ManyBadRows_KeepsTheFirstThousandErrorsAndSaysHowManyMore()
    {
        await using var app = await TestApp.StartAsync(Provider.Sqlite);
        var csv = Csv(["name,hire_date", .. Enumerable.Range(0, 1_200).Select(i => $"Person {i},someday")]);

        var run = (await ImportAsync(app, csv)).Value;

        Assert.Equal((1_200, 1_000), (run.RejectedRows, run.Errors.Count));
        Assert.Contains("200 more problems are not listed; only the first 1,000 are kept.", run.Notice, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Import_AuditAndLog_HoldCountsButNoRowContent()
    {
        await using var app = await TestApp.StartAsync(Provider.Sqlite);

        var csv = Csv("name,email", "Zelda Secretname,zelda@secret.test", "Bad Row,not-an-email");
        var run = (await ImportAsync(app, csv, skipBadRows: true)).Value;

        var audit = await app.InScopeAsync(s => s.Db.AuditEvents.SingleAsync(a => a.Action == "import.roster"));
        Assert.Equal((run.Id.ToString(), $"status=Completed rows=2 added=1 updated=0 unchanged=0 rejected=1 bytes={csv.Length}"), (audit.ResourceId, audit.Detail));
        Assert.Contains(run.Id.ToString(), app.Logs.All, StringComparison.Ordinal);
        foreach (var secret in new[] { "Zelda", "zelda@", "not-an-email", "Bad Row" }) Assert.DoesNotContain(secret, app.Logs.All, StringComparison.Ordinal);
    }
}
