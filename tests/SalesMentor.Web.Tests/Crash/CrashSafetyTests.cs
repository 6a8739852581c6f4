using System.Diagnostics;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SalesMentor.App.Data;
using SalesMentor.App.Domain;
using SalesMentor.App.Security;
using SalesMentor.App.Tests.Infrastructure;
using SalesMentor.Web.Tests.Security;
using Xunit.Abstractions;

namespace SalesMentor.Web.Tests.Crash;

/// <summary>
/// Crash consistency (QUALITY.md): the Release app on a file database, four clients writing through
/// the API, <c>kill -9</c> at a random moment, restart, and every acknowledged write must be there
/// and intact, every roster batch whole or absent, and SQLite's integrity check "ok". 5 cycles in
/// ./test.sh; tools/crashtest.sh runs the long version (SALESMENTOR_CRASH_CYCLES, and for PostgreSQL
/// SALESMENTOR_CRASH_PG_STOP / _START to stop the database server with <c>-m immediate</c> too).
/// </summary>
[Collection(CrashTestGroup.Name)]
public class CrashSafetyTests(ITestOutputHelper output)
{
    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.Postgres)]
    public async Task KillNine_WhileClientsWrite_LosesNoAcknowledgedWrite(Provider provider)
    {
        var cycles = int.Parse(Environment.GetEnvironmentVariable("SALESMENTOR_CRASH_CYCLES") ?? "5", CultureInfo.InvariantCulture);
        var seed = int.TryParse(Environment.GetEnvironmentVariable("SALESMENTOR_CRASH_SEED"), out var s) ? s : Random.Shared.Next();
        var random = new Random(seed);
        var pgStop = provider == Provider.Postgres ? Environment.GetEnvironmentVariable("SALESMENTOR_CRASH_PG_STOP") : null;
        var pgStart = Environment.GetEnvironmentVariable("SALESMENTOR_CRASH_PG_START");
        var clock = Stopwatch.StartNew();
        await using var database = await TestDatabase.CreateAsync(provider);
        var clients = await SeedAsync(database);
        var settings = new Dictionary<string, string?>(database.Settings) { ["Demo:Enabled"] = "false", ["Kpis:RefreshSeconds"] = "0" };
        var figures = new CrashFigures();

        for (var cycle = 1; cycle <= cycles; cycle++)
        {
            await using var app = await AppProcess.StartAsync(settings);
            foreach (var client in clients)
            {
                var served = await client.ResyncAsync(app.Address);
                Assert.True(served == client.Ledger.AckedVersion || cycle == 1, $"cycle {cycle}: after the restart the API serves version {served} of client {client.Number}'s person, the database holds {client.Ledger.AckedVersion}");
            }

            using var stop = new CancellationTokenSource();
            var writers = clients.Select(c => Task.Run(() => c.RunAsync(app.Address, c.Ledger.AckedVersion, stop.Token))).ToList();
            await Task.Delay(random.Next(400, 3000));
            var restartDatabase = pgStop is not null && pgStart is not null && cycle % 2 == 0;
            if (restartDatabase)
            {
                await ShellAsync(pgStop!); // the database server dies first, mid-transaction
                figures.DatabaseRestarts++;
                await Task.Delay(random.Next(50, 400));
            }

            await app.KillAsync();
            await stop.CancelAsync();
            await Task.WhenAll(writers);
            if (restartDatabase)
            {
                await ShellAsync(pgStart!);
                Npgsql.NpgsqlConnection.ClearAllPools(); // this process's pooled connections died with the server
            }

            if (provider == Provider.Sqlite)
            {
                var integrity = await CrashCheck.IntegrityAsync(database);
                Assert.True(integrity == "ok", $"cycle {cycle}: PRAGMA integrity_check says {integrity}");
                figures.IntegrityOk++;
            }

            var problems = await CrashCheck.VerifyAsync(database, clients, figures);
            Assert.True(problems.Count == 0, $"cycle {cycle} (seed {seed}):\n" + string.Join("\n", problems));
            figures.Cycles++;
        }

        figures.AckedUpdates = clients.Sum(c => c.Ledger.AckedUpdates);
        figures.AckedImports = clients.Sum(c => c.Ledger.AckedImports);
        figures.FailedCalls = clients.Sum(c => c.Ledger.Failed);
        var line = string.Create(CultureInfo.InvariantCulture,
            $"crash-test {provider}: {figures.Cycles} cycles (seed {seed}), {figures.DatabaseRestarts} database server kills, {figures.AckedUpdates} acknowledged updates and {figures.AckedImports} acknowledged roster imports ({figures.AckedImports * CrashClient.BatchSize} people) all intact; in doubt: {figures.InDoubtUpdatesLanded} updates landed, {figures.InDoubtImportsWhole} imports whole, {figures.InDoubtImportsAbsent} absent, none partial; {figures.FailedCalls} calls cut off; integrity_check ok {figures.IntegrityOk}/{(provider == Provider.Sqlite ? figures.Cycles : 0)}; {clock.Elapsed.TotalSeconds:0} s");
        output.WriteLine(line);
        if (Environment.GetEnvironmentVariable("SALESMENTOR_CRASH_REPORT") is { Length: > 0 } report) await File.AppendAllTextAsync(report, line + Environment.NewLine);
        Assert.True(figures.AckedUpdates > 0 && figures.AckedImports > 0, "The clients got no write acknowledged: " + line);
    }

    /// <summary>The small world, an admin's read-write token, and one writer per rep (each owns one person, so no two clients race).</summary>
    private static async Task<List<CrashClient>> SeedAsync(TestDatabase database)
    {
        await using var services = CrashCheck.Services(database);
        var world = await TestWorld.CreateAsync(services, DateTime.UtcNow);
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SalesMentorDb>();
        var secret = ApiTokenSecret.Create();
        db.ApiTokens.Add(new ApiToken
        {
            UserId = await db.Users.Where(u => u.PersonId == world.Admin.Id).Select(u => u.Id).SingleAsync(), Name = "crash test",
            Prefix = ApiTokenSecret.PrefixOf(secret), Hash = ApiTokenSecret.Hash(secret), Scope = ApiTokenScope.ReadWrite,
            CreatedAt = DateTime.UtcNow, ExpiresAt = DateTime.UtcNow.AddDays(1),
        });
        await db.SaveChangesAsync();
        var clients = new List<CrashClient>();
        foreach (var (person, number) in new[] { world.RepA, world.RepB, world.RepC, world.Star }.Select((p, i) => (p, i)))
        {
            var stored = await db.People.AsNoTracking().SingleAsync(p => p.Id == person.Id);
            clients.Add(new CrashClient(number, person.Id, TestHttp.UpdateOf(stored), secret));
            clients[^1].Ledger.AckedVersion = stored.Version;
        }

        return clients;
    }

    private static async Task ShellAsync(string command)
    {
        using var process = Process.Start(new ProcessStartInfo("/bin/sh") { ArgumentList = { "-c", command }, RedirectStandardOutput = true, RedirectStandardError = true })!;
        var error = await process.StandardError.ReadToEndAsync();
        await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, $"`{command}` failed ({process.ExitCode}): {error}");
    }
}

/// <summary>Crash runs start real processes: one at a time, beside nothing else that writes the same database.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class CrashTestGroup
{
    public const string Name = "crash";
}
