using Microsoft.EntityFrameworkCore;
using SalesMentor.App.Domain;
using SalesMentor.App.Tests.Infrastructure;
using SalesMentor.Cli;

namespace SalesMentor.App.Tests.Cli;

/// <summary><c>salesmentor import roster FILE</c>, invoked the way the shell does, against a test database.</summary>
[Collection(nameof(CommandLineRuns))]
public class ImportCommandsTests
{
    private const string Good = "external_id,name,email,manager\nE1,Vera Vice,vera@acme.test,\nE2,Sam Lead,sam@acme.test,E1\n";
    private const string OneBad = "external_id,name,email,manager\nE1,Vera Vice,vera@acme.test,\nE2,Sam Lead,not-an-email,E1\nE3,Zoë O'Brien,zoe@acme.test,E1\n";

    [Fact]
    public async Task ImportRoster_GoodFile_ExitsZeroAndImportsAsCommandLine()
    {
        await using var app = await TestApp.StartAsync(Provider.Sqlite);

        var code = await RunAsync(app, "import", "roster", Write(app, Good));

        Assert.Equal(0, code);
        Assert.Equal(["Sam Lead", "Vera Vice"], await NamesAsync(app));
        var run = await app.InScopeAsync(s => s.Db.ImportRuns.SingleAsync());
        Assert.Equal((ImportStatus.Completed, "command line", "roster.csv"), (run.Status, run.ActorName, run.FileName));
        Assert.Equal("command line", await app.InScopeAsync(s => s.Db.AuditEvents.Where(a => a.Action == "import.roster").Select(a => a.ActorKind).SingleAsync()));
    }

    [Fact]
    public async Task ImportRoster_BadRow_ExitsOneAndImportsNothing_UnlessSkipBadRows()
    {
        await using var app = await TestApp.StartAsync(Provider.Sqlite);
        var path = Write(app, OneBad);

        var strict = await RunAsync(app, "import", "roster", path);
        var before = await NamesAsync(app);
        var skipping = await RunAsync(app, "import", "roster", path, "--skip-bad-rows");

        Assert.Equal((1, 0), (strict, skipping));
        Assert.Empty(before);
        Assert.Equal(["Vera Vice", "Zoë O'Brien"], await NamesAsync(app));
    }

    [Fact]
    public async Task ImportRoster_DryRun_ExitsZeroAndWritesNothing()
    {
        await using var app = await TestApp.StartAsync(Provider.Sqlite);

        var code = await RunAsync(app, "import", "roster", Write(app, Good), "--dry-run");

        Assert.Equal(0, code);
        Assert.Empty(await NamesAsync(app));
        Assert.Empty(await app.InScopeAsync(s => s.Db.ImportRuns.ToListAsync()));
    }

    [Fact]
    public async Task ImportRoster_MissingFileOrNoFile_ExitsTwo()
    {
        await using var app = await TestApp.StartAsync(Provider.Sqlite);

        var missing = await RunAsync(app, "import", "roster", Path.Combine(app.Database.Folder, "no-such.csv"));
        var none = await RunAsync(app, "import", "roster");

        Assert.Equal((2, 2), (missing, none));
    }

    [Fact]
    public async Task ImportRoster_UnreadableFile_ExitsOne()
    {
        await using var app = await TestApp.StartAsync(Provider.Sqlite);

        var code = await RunAsync(app, "import", "roster", Write(app, "first,second\n1,2\n"));

        Assert.Equal(1, code);
        Assert.Equal(ImportStatus.Failed, (await app.InScopeAsync(s => s.Db.ImportRuns.SingleAsync())).Status);
    }

    private static string Write(TestApp app, string text)
    {
        var path = Path.Combine(app.Database.Folder, "roster.csv");
        File.WriteAllText(path, text);
        return path;
    }

    private static async Task<int> RunAsync(TestApp app, params string[] args)
    {
        CliHost.Overrides.Value = app.Database.Settings;
        return await CliProgram.Root().Parse(args).InvokeAsync();
    }

    private static Task<List<string>> NamesAsync(TestApp app) =>
        app.InScopeAsync(s => s.Db.People.Select(p => p.Name).OrderBy(n => n).ToListAsync());
}
