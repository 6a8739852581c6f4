using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using SalesMentor.App;
using SalesMentor.App.Data;
using SalesMentor.App.Tests.Infrastructure;
using SalesMentor.Core.People;

namespace SalesMentor.Web.Tests.Crash;

/// <summary>Figures of a crash run, for the report.</summary>
public sealed class CrashFigures
{
    public int Cycles { get; set; }
    public int DatabaseRestarts { get; set; }
    public int AckedUpdates { get; set; }
    public int AckedImports { get; set; }
    public int InDoubtUpdatesLanded { get; set; }
    public int InDoubtImportsWhole { get; set; }
    public int InDoubtImportsAbsent { get; set; }
    public int IntegrityOk { get; set; }
    public int FailedCalls { get; set; }
}

/// <summary>
/// Reads the database after a crash, past the app, and holds it to what the clients were told:
/// every acknowledged write present and intact, every roster batch whole or absent, nothing else.
/// Then settles the writes in doubt (so later cycles check them as acknowledged).
/// </summary>
internal static class CrashCheck
{
    public static ServiceProvider Services(TestDatabase database) =>
        new ServiceCollection().AddLogging().AddSalesMentorApp(new ConfigurationBuilder().AddInMemoryCollection(database.Settings).Build()).BuildServiceProvider();

    /// <summary>SQLite's own check of the file, run while no process has it open.</summary>
    public static async Task<string> IntegrityAsync(TestDatabase database)
    {
        SqliteConnection.ClearAllPools();
        await using var connection = new SqliteConnection($"Data Source={database.SqliteFile};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA integrity_check;";
        return (string)(await command.ExecuteScalarAsync())!;
    }

    public static async Task<List<string>> VerifyAsync(TestDatabase database, IReadOnlyList<CrashClient> clients, CrashFigures figures)
    {
        await using var services = Services(database);
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SalesMentorDb>();
        var ids = clients.Select(c => c.Person).ToList();
        var people = await db.People.AsNoTracking().Where(p => ids.Contains(p.Id)).ToDictionaryAsync(p => p.Id);
        var imported = await db.People.AsNoTracking().Where(p => p.Email!.EndsWith("@crash.test"))
            .Select(p => new { p.Email, p.Name, p.Title }).ToListAsync();
        var byBatch = imported.GroupBy(p => p.Email![..p.Email!.LastIndexOf('-')]).ToDictionary(g => g.Key, g => g.ToList());
        var problems = new List<string>();
        foreach (var client in clients)
        {
            var ledger = client.Ledger;
            var stored = people[client.Person];
            var allowed = new HashSet<string>(ledger.TitlesInDoubt) { ledger.AckedTitle ?? client.BaselineTitle };
            if (!allowed.Contains(stored.Title ?? "")) problems.Add($"client {client.Number}: title '{stored.Title}' is none of the acknowledged or in-doubt writes (acknowledged: '{ledger.AckedTitle}')");
            if (stored.Version < ledger.AckedVersion) problems.Add($"client {client.Number}: version {stored.Version} is older than the acknowledged {ledger.AckedVersion}");
            if (stored.Title != ledger.AckedTitle && ledger.TitlesInDoubt.Contains(stored.Title ?? "")) figures.InDoubtUpdatesLanded++;
            (ledger.AckedTitle, ledger.AckedVersion) = (stored.Title, stored.Version);
            ledger.TitlesInDoubt.Clear();

            foreach (var batch in ledger.AckedBatches)
            {
                var rows = byBatch.GetValueOrDefault(batch) ?? [];
                if (rows.Count != CrashClient.BatchSize) problems.Add($"client {client.Number}: acknowledged batch {batch} has {rows.Count} of {CrashClient.BatchSize} people");
                problems.AddRange(rows.Where(r => r.Title != CrashClient.TitleOf(batch) || !rows.Select((_, i) => CrashClient.NameOf(batch, i)).Contains(r.Name))
                    .Select(r => $"client {client.Number}: batch {batch} person {r.Email} is not intact ('{r.Name}', '{r.Title}')"));
            }

            foreach (var batch in ledger.BatchesInDoubt.ToList())
            {
                var count = byBatch.GetValueOrDefault(batch)?.Count ?? 0;
                if (count is not (0 or CrashClient.BatchSize)) problems.Add($"client {client.Number}: batch {batch} in doubt is partial: {count} of {CrashClient.BatchSize}");
                if (count == CrashClient.BatchSize)
                {
                    ledger.AckedBatches.Add(batch);
                    figures.InDoubtImportsWhole++;
                }
                else
                {
                    figures.InDoubtImportsAbsent++;
                }

                ledger.BatchesInDoubt.Remove(batch);
            }
        }

        var known = clients.SelectMany(c => c.Ledger.AckedBatches).ToHashSet();
        problems.AddRange(byBatch.Keys.Where(b => !known.Contains(b)).Select(b => $"batch {b} is stored but no client sent it, or it was found absent before"));
        return problems;
    }

    /// <summary>The stored version of each client's person.</summary>
    public static Dictionary<PersonId, int> Versions(IReadOnlyList<CrashClient> clients) => clients.ToDictionary(c => c.Person, c => c.Ledger.AckedVersion);
}
