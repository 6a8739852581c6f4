using Microsoft.EntityFrameworkCore;
using SalesMentor.App.Tests.Infrastructure;
using SalesMentor.Cli;
using SalesMentor.Core.Impact;

namespace SalesMentor.App.Tests.Cli;

/// <summary><c>salesmentor import interactions FILE</c>, invoked the way the shell does.</summary>
[Collection(nameof(CommandLineRuns))]
public class ImportInteractionsCommandTests
{
    [Fact]
    public async Task ImportInteractions_GoodFileIsStored_BadFileImportsNothing_MissingFileExitsTwo()
    {
        await using var app = await TestApp.StartAsync(Provider.Sqlite);
        var w = await TestWorld.CreateAsync(app.Services, app.Clock.GetUtcNow().UtcDateTime);
        var good = Write(app, "good.csv", "manager_email,rep_email,date,role,minutes,topic\nsup.a@world.test,rep.a@world.test,2026-06-01,coach,30,Call review\nsup.b@world.test,rep.c@world.test,2026-06-02,mentor,45,Career path\n");
        var bad = Write(app, "bad.csv", "manager_email,rep_email,date,role,minutes,topic\nsup.a@world.test,rep.b@world.test,2026-06-01,coach,30,Fine\nsup.a@world.test,rep.b@world.test,2026-06-01,boss,30,Unknown role\n");

        var imported = await RunAsync(app, "import", "interactions", good);
        var rejected = await RunAsync(app, "import", "interactions", bad);
        var missing = await RunAsync(app, "import", "interactions", Path.Combine(app.Database.Folder, "no-such.csv"));

        Assert.Equal((0, 1, 2), (imported, rejected, missing));
        var stored = await app.InScopeAsync(s => s.Db.ManagerInteractions.OrderBy(i => i.Date).ToListAsync());
        Assert.Equal([(w.SupervisorA.Id, w.RepA.Id, ManagerRole.Coach, 30), (w.SupervisorB.Id, w.RepC.Id, ManagerRole.Mentor, 45)],
            stored.Select(i => (i.ManagerId, i.RepId, i.Role, i.Minutes)));
    }

    private static string Write(TestApp app, string name, string text)
    {
        var path = Path.Combine(app.Database.Folder, name);
        File.WriteAllText(path, text);
        return path;
    }

    private static async Task<int> RunAsync(TestApp app, params string[] args)
    {
        CliHost.Overrides.Value = app.Database.Settings;
        return await CliProgram.Root().Parse(args).InvokeAsync();
    }
}
