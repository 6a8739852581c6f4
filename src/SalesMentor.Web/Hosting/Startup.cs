using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using SalesMentor.App.Data;
using SalesMentor.App.Features.Demo;
using SalesMentor.App.Features.Imports;

namespace SalesMentor.Web.Hosting;

/// <summary>
/// What happens once before the app serves: the schema is brought up to date; on the zero-set-up
/// default (SQLite at the default path) an empty database gets the demo organization; a fresh
/// install without an admin gets a one-time setup code in the log. Then the address is printed.
/// </summary>
public static partial class Startup
{
    public static async Task InitializeAsync(this WebApplication app, bool noDemo)
    {
        ArgumentNullException.ThrowIfNull(app);
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("SalesMentor");
        var options = app.Services.GetRequiredService<DatabaseOptions>();
        using var scope = app.Services.CreateScope();
        var initializer = scope.ServiceProvider.GetRequiredService<DatabaseInitializer>();
        await initializer.InitializeAsync(app.Lifetime.ApplicationStopping);

        DemoSignIns? demo = null;
        var demoWanted = !noDemo && app.Configuration.GetValue("Demo:Enabled", true);
        if (demoWanted && options.IsDefaultSqlite && await initializer.IsEmptyAsync(app.Lifetime.ApplicationStopping))
        {
            LogCreatingDemo(logger);
            var seed = scope.ServiceProvider.GetRequiredService<SeedDemoOrganization>();
            var result = await seed.HandleAsync(App.Common.Actor.System, new SeedDemoRequest(), app.Lifetime.ApplicationStopping);
            demo = result.Value.Logins;
        }
        else if (await SeedDemoOrganization.IsDemoAsync(scope.ServiceProvider.GetRequiredService<SalesMentorDb>(), app.Lifetime.ApplicationStopping))
        {
            demo = DemoSignIns.Default;
        }

        await scope.ServiceProvider.GetRequiredService<PurgeStaleImports>().HandleAsync(App.Common.Actor.System, app.Lifetime.ApplicationStopping);

        if (!await initializer.HasAdminAsync(app.Lifetime.ApplicationStopping))
        {
            var code = app.Services.GetRequiredService<SetupCode>().Open();
            LogSetupCode(logger, code);
        }

        var where = options.Provider == DatabaseProvider.Sqlite ? $"SQLite file {options.SqliteFile}" : "PostgreSQL";
        app.Lifetime.ApplicationStarted.Register(() =>
        {
            var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
            Console.WriteLine();
            Console.WriteLine($"SalesMentor is running at {string.Join(", ", addresses)}");
            Console.WriteLine($"Data: {where}");
            if (demo is not null)
            {
                Console.WriteLine("Demo organization: sign in with any of these (password for all: " + DemoSignIns.Password + ")");
                Console.WriteLine($"  admin (program admin)            {demo.Admin}");
                Console.WriteLine($"  sales manager                    {demo.Manager}");
                Console.WriteLine($"  star rep (can mentor)            {demo.Star}");
                Console.WriteLine($"  rep who wants a mentor           {demo.Mentee}");
            }

            Console.WriteLine("Press Ctrl+C to stop.");
            Console.WriteLine();
        });
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "The database is empty: creating the demo organization (start with --no-demo to skip)")]
    private static partial void LogCreatingDemo(ILogger logger);

    [LoggerMessage(Level = LogLevel.Warning, Message = "No admin exists yet. Create one with `salesmentor admin create --email you@example.com`, or open /setup in the browser and enter this one-time setup code: {Code}")]
    private static partial void LogSetupCode(ILogger logger, string code);
}
