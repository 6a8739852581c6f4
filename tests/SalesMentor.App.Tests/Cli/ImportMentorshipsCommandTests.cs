using Microsoft.EntityFrameworkCore;
using SalesMentor.App.Domain;
using SalesMentor.App.Tests.Features.Programs;
using SalesMentor.App.Tests.Infrastructure;
using SalesMentor.Cli;

namespace SalesMentor.App.Tests.Cli;

/// <summary><c>salesmentor import mentorships FILE [--program NAME] [--dry-run]</c>, invoked the way the shell does.</summary>
[Collection(nameof(CommandLineRuns))]
public class ImportMentorshipsCommandTests
{
    private const string Good = "mentor,mentee,start_date,end_date\nstar@world.test,rep.a@world.test,2025-01-15,\nSue Supervisor,Ahmed Al-Farsi,2024-02-01,2024-12-31\n";

    [Fact]
    public async Task ImportMentorships_DryRunThenImportIntoTheProgram_ThenAgainChangesNothing()
    {
        await using var app = await TestApp.StartAsync(Provider.Sqlite);
        var p = await ProgramWorld.CreateAsync(app);
        var path = Write(app, Good);

        var dry = await RunAsync(app, "import", "mentorships", path, "--program", "spring cohort", "--dry-run");
        var afterDry = await app.InScopeAsync(s => s.Db.Mentorships.CountAsync());
        var imported = await RunAsync(app, "import", "mentorships", path, "--program", "Spring cohort");
        var again = await RunAsync(app, "import", "mentorships", path, "--program", "Spring cohort");

        Assert.Equal((0, 0, 0, 0), (dry, afterDry, imported, again));
        var stored = await app.InScopeAsync(s => s.Db.Mentorships.OrderBy(m => m.StartedOn).ToListAsync());
        Assert.Equal([(p.World.SupervisorB.Id, p.World.RepC.Id), (p.World.Star.Id, p.World.RepA.Id)], stored.Select(m => (m.MentorId, m.MenteeId)));
        Assert.All(stored, m => Assert.Equal((p.ProgramId, "imported"), (m.ProgramId!.Value, m.Source)));
        Assert.Equal("command line", await app.InScopeAsync(s => s.Db.AuditEvents.Where(a => a.Action == "mentorships.import").Select(a => a.ActorKind).FirstAsync()));
    }

    [Fact]
    public async Task ImportMentorships_BadRows_ExitOneAndImportNothing()
    {
        await using var app = await TestApp.StartAsync(Provider.Sqlite);
        await ProgramWorld.CreateAsync(app);
        var path = Write(app, "mentor,mentee,start_date\nstar@world.test,rep.a@world.test,2025-01-15\nstar@world.test,nobody@world.test,2025-01-15\nstar@world.test,rep.b@world.test,15/01/2025\n");

        var code = await RunAsync(app, "import", "mentorships", path);

        Assert.Equal(1, code);
        Assert.Equal(0, await app.InScopeAsync(s => s.Db.Mentorships.CountAsync()));
    }

    [Fact]
    public async Task ImportMentorships_MissingFileOrUnknownProgram_ExitTwo()
    {
        await using var app = await TestApp.StartAsync(Provider.Sqlite);
        await ProgramWorld.CreateAsync(app);

        var none = await RunAsync(app, "import", "mentorships");
        var missing = await RunAsync(app, "import", "mentorships", Path.Combine(app.Database.Folder, "no-such.csv"));
        var unknown = await RunAsync(app, "import", "mentorships", Write(app, Good), "--program", "Autumn");

        Assert.Equal((2, 2, 2), (none, missing, unknown));
        Assert.Equal(0, await app.InScopeAsync(s => s.Db.Mentorships.CountAsync()));
    }

    private static string Write(TestApp app, string text)
    {
        var path = Path.Combine(app.Database.Folder, "mentorships.csv");
        File.WriteAllText(path, text);
        return path;
    }

    private static async Task<int> RunAsync(TestApp app, params string[] args)
    {
        CliHost.Overrides.Value = app.Database.Settings;
        return await CliProgram.Root().Parse(args).InvokeAsync();
    }
}
