using System.Globalization;
using System.CommandLine;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using SalesMentor.App;
using SalesMentor.App.Common;
using SalesMentor.App.Data;
using SalesMentor.App.Domain;
using Spectre.Console;

namespace SalesMentor.Cli;

/// <summary>
/// The command line's host: the web app's configuration (shared file, environment variables),
/// the same use cases, the database brought up to date before any command runs.
/// </summary>
internal sealed class CliHost : IAsyncDisposable
{
    private readonly IHost _host;

    private CliHost(IHost host, Actor actor)
    {
        _host = host;
        Actor = actor;
    }

    public Actor Actor { get; }

    /// <summary>Configuration that wins over everything else, for the command line's own tests (which run in parallel, so not environment variables).</summary>
    internal static AsyncLocal<IReadOnlyDictionary<string, string?>?> Overrides { get; } = new();

    public IServiceProvider Services => _host.Services;

    /// <summary>Starts the host for one command; null (with the reason printed) when <c>--as</c> names nobody.</summary>
    public static async Task<CliHost?> StartAsync(ParseResult parse, CancellationToken ct)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = [], ContentRootPath = AppContext.BaseDirectory });
        HostConfiguration.AddSharedSources(builder.Configuration, []);
        if (Overrides.Value is { } overrides) builder.Configuration.AddInMemoryCollection(overrides);
        builder.Logging.ClearProviders();
        builder.Logging.AddSimpleConsole(o => o.SingleLine = true).SetMinimumLevel(LogLevel.Warning);
        builder.Logging.AddFilter("Microsoft.EntityFrameworkCore", LogLevel.Error);
        builder.Services.AddSalesMentorApp(builder.Configuration);
        var host = builder.Build();
        await using (var scope = host.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<DatabaseInitializer>().InitializeAsync(ct);
        }

        var email = parse.GetValue(CliOptions.As);
        if (string.IsNullOrWhiteSpace(email)) return new CliHost(host, Actor.CommandLine);
        var actor = await ResolveAsync(host.Services, email.Trim(), ct);
        if (actor is null)
        {
            AnsiConsole.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"[red]No account has the email {email}[/] (--as).");
            host.Dispose();
            return null;
        }

        return new CliHost(host, actor);
    }

    public async Task<T> InScopeAsync<T>(Func<IServiceProvider, Task<T>> work)
    {
        await using var scope = Services.CreateAsyncScope();
        return await work(scope.ServiceProvider);
    }

    private static async Task<Actor?> ResolveAsync(IServiceProvider services, string email, CancellationToken ct)
    {
        await using var scope = services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var user = await users.FindByEmailAsync(email);
        if (user is null || user.IsDisabled) return null;
        var db = scope.ServiceProvider.GetRequiredService<SalesMentorDb>();
        var person = await db.People.AsNoTracking().SingleAsync(p => p.Id == user.PersonId, ct);
        return Actor.User(person.Id, person.Name, await users.IsInRoleAsync(user, Roles.Admin));
    }

    /// <summary>Prints a use case's error the same way everywhere; returns the exit code.</summary>
    public static int Fail(Error error)
    {
        ArgumentNullException.ThrowIfNull(error);
        AnsiConsole.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"[red]{error.Message}[/] [grey]({error.Code})[/]");
        return error.Kind == ErrorKind.Validation ? 2 : 1;
    }

    public ValueTask DisposeAsync()
    {
        _host.Dispose();
        return ValueTask.CompletedTask;
    }
}
