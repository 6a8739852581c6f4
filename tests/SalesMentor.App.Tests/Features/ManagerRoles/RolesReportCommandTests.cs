using SalesMentor.App.Features.ManagerRoles;
using SalesMentor.App.Tests.Infrastructure;
using SalesMentor.Cli;
using SalesMentor.Core.Impact;

namespace SalesMentor.App.Tests.Features.ManagerRoles;

public class RolesReportCommandTests
{
    [Theory, BothProviders]
    public async Task ReportRoles_ExitsZero_AndTwoForABadPeriod(Provider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var w = await TestWorld.CreateAsync(app.Services, app.Clock.GetUtcNow().UtcDateTime);
        var logged = await app.InScopeAsync(s => s.Get<LogInteraction>().HandleAsync(TestApp.As(w.SupervisorA),
            new LogInteractionRequest(w.RepA.Id, new DateOnly(2026, 6, 1), ManagerRole.Coach, 45, "[bold]Deal[/] review", "note"), default));
        Assert.True(logged.IsSuccess, logged.Error?.Message);

        Assert.Equal(0, await RunAsync(app, "report", "roles", "--period", "month", "--count", "12"));
        Assert.Equal(0, await RunAsync(app, "report", "roles", "--period", "quarter", "--weeks", "8"));
        Assert.Equal(2, await RunAsync(app, "report", "roles", "--period", "fortnight"));
        Assert.Equal(2, await RunAsync(app, "report", "roles", "--count", "0"));
    }

    private static async Task<int> RunAsync(TestApp app, params string[] args)
    {
        CliHost.Overrides.Value = app.Database.Settings;
        return await CliProgram.Root().Parse(args).InvokeAsync();
    }
}
