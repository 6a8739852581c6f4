using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SalesMentor.App.Data;
using SalesMentor.App.Tests.Infrastructure;

namespace SalesMentor.App.Tests.Data;

/// <summary>
/// The caches' counter reads (<see cref="ChangeCounterReader"/>): on SQLite from a connection of the reader's own, which
/// must still see every committed write at once — by EF, by another connection, inside and outside a transaction.
/// </summary>
public class ChangeCounterReaderTests
{
    private static Task<long> Read(TestApp app, string name) =>
        app.InScopeAsync(s => s.Get<ChangeCounterReader>().ReadAsync(s.Db, name, default));

    private static Task<int> Raise(TestApp app) =>
        app.InScopeAsync(s => s.Db.Database.ExecuteSqlRawAsync("""UPDATE "Teams" SET "Name" = "Name" || '' """));

    [Theory, BothProviders]
    public async Task AWriteCommittedElsewhere_IsSeenByTheNextRead(Provider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        await TestWorld.CreateAsync(app.Services, app.Clock.GetUtcNow().UtcDateTime);
        var before = await Read(app, ChangeCounters.OrgUnits);
        await Raise(app);
        var after = await Read(app, ChangeCounters.OrgUnits);
        Assert.True(after > before, $"{after} after {before}");
        Assert.Equal(after, await Read(app, ChangeCounters.OrgUnits));

        if (provider == Provider.Sqlite)
        {
            // A connection the app knows nothing of (another process would be the same to SQLite).
            var options = app.Services.GetRequiredService<DatabaseOptions>();
            await using (var other = new SqliteConnection(options.ConnectionString))
            {
                await other.OpenAsync();
                await using var command = other.CreateCommand();
                command.CommandText = """UPDATE "ChangeCounters" SET "Version" = "Version" + 5 WHERE "Name" = 'org-units'""";
                Assert.Equal(1, await command.ExecuteNonQueryAsync());
            }

            Assert.Equal(after + 5, await Read(app, ChangeCounters.OrgUnits));

            // After a reset (as a restore does) the reader opens its connection again.
            app.Services.GetRequiredService<ChangeCounterReader>().Reset();
            Assert.Equal(after + 5, await Read(app, ChangeCounters.OrgUnits));
        }
    }

    [Theory, BothProviders]
    public async Task InsideATransaction_TheTransactionsOwnWriteIsSeen_AndAfterTheRollbackTheStoredOne(Provider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        await TestWorld.CreateAsync(app.Services, app.Clock.GetUtcNow().UtcDateTime);
        var stored = await Read(app, ChangeCounters.OrgUnits);
        await using (var scope = app.Scope())
        {
            var reader = scope.Get<ChangeCounterReader>();
            await using var transaction = await scope.Db.Database.BeginTransactionAsync();
            await scope.Db.Database.ExecuteSqlRawAsync("""UPDATE "Teams" SET "Name" = "Name" || '' """);
            Assert.True(await reader.ReadAsync(scope.Db, ChangeCounters.OrgUnits, default) > stored);
            await transaction.RollbackAsync();
            Assert.Equal(stored, await reader.ReadAsync(scope.Db, ChangeCounters.OrgUnits, default));
        }

        Assert.Equal(stored, await Read(app, ChangeCounters.OrgUnits));
    }

    [Fact]
    public async Task TheKeptConnection_HoldsNoReadTransactionBetweenReads_SoCheckpointsComplete()
    {
        await using var app = await TestApp.StartAsync(Provider.Sqlite);
        await TestWorld.CreateAsync(app.Services, app.Clock.GetUtcNow().UtcDateTime);
        Assert.True(await Read(app, ChangeCounters.People) >= 0);
        await Raise(app);
        Assert.True(await Read(app, ChangeCounters.OrgUnits) > 0);

        // A reader left inside a read transaction would pin the WAL: a TRUNCATE checkpoint would report busy (1).
        var options = app.Services.GetRequiredService<DatabaseOptions>();
        await using var other = new SqliteConnection(options.ConnectionString);
        await other.OpenAsync();
        await using var checkpoint = other.CreateCommand();
        checkpoint.CommandText = "PRAGMA wal_checkpoint(TRUNCATE);";
        await using var result = await checkpoint.ExecuteReaderAsync();
        Assert.True(await result.ReadAsync());
        Assert.Equal(0L, result.GetInt64(0));
    }

    [Fact]
    public async Task AfterDispose_ReadsGoThroughTheUnitOfWork()
    {
        await using var app = await TestApp.StartAsync(Provider.Sqlite);
        await TestWorld.CreateAsync(app.Services, app.Clock.GetUtcNow().UtcDateTime);
        var reader = new ChangeCounterReader();
        await using var scope = app.Scope();
        var kept = await reader.ReadAsync(scope.Db, ChangeCounters.OrgUnits, default);
        reader.Dispose();
        await scope.Db.Database.ExecuteSqlRawAsync("""UPDATE "Teams" SET "Name" = "Name" || '' """);
        Assert.True(await reader.ReadAsync(scope.Db, ChangeCounters.OrgUnits, default) > kept);
    }
}
