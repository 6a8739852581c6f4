using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using SalesMentor.App.Data;
using SalesMentor.App.Tests.Infrastructure;

namespace SalesMentor.App.Tests.Upgrade;

/// <summary>
/// The migrations as one idempotent SQL script (what <c>dotnet ef migrations script --idempotent</c>
/// writes), for operators who apply schema changes by hand: run twice on an empty PostgreSQL
/// database, it builds exactly the schema the app expects, and the second run changes nothing.
/// </summary>
public class IdempotentScriptTests
{
    [Fact]
    public async Task Postgres_IdempotentScript_AppliedTwiceToAnEmptyDatabase_GivesTheCurrentSchema()
    {
        var name = "script_" + Guid.NewGuid().ToString("N");
        var connectionString = new NpgsqlConnectionStringBuilder(TestDatabase.PostgresServer) { Database = name }.ToString();
        var scratch = Directory.CreateTempSubdirectory("salesmentor-script-").FullName;
        await ReleaseSamples.PostgresAsync(TestDatabase.PostgresServer, $"CREATE DATABASE {name}");
        try
        {
            await using var services = ReleaseSamples.Services("Postgres", connectionString, scratch);
            await using var scope = services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<SalesMentorDb>();
            var script = db.GetService<IMigrator>().GenerateScript(options: MigrationsSqlGenerationOptions.Idempotent);
            Assert.Contains("ApiTokens", script, StringComparison.Ordinal);
            var file = Path.Combine(scratch, "migrations.sql");
            await File.WriteAllTextAsync(file, script);
            for (var run = 0; run < 2; run++)
            {
                await ReleaseSamples.PgToolAsync("psql", connectionString, "-X", "-q", "-v", "ON_ERROR_STOP=1", "-f", file);
            }

            Assert.Empty(await db.Database.GetPendingMigrationsAsync());
            Assert.Equal(db.Database.GetMigrations().Count(), (await db.Database.GetAppliedMigrationsAsync()).Count());
            Assert.False(db.Database.HasPendingModelChanges());
            await scope.ServiceProvider.GetRequiredService<DatabaseInitializer>().InitializeAsync(CancellationToken.None);
            Assert.Equal(0, await db.ApiTokens.CountAsync());
        }
        finally
        {
            NpgsqlConnection.ClearAllPools();
            await ReleaseSamples.PostgresAsync(TestDatabase.PostgresServer, $"DROP DATABASE IF EXISTS {name} WITH (FORCE)");
            Directory.Delete(scratch, recursive: true);
        }
    }

    /// <summary>
    /// SQLite: EF Core cannot write an idempotent script for SQLite (its DDL has no IF blocks), so an
    /// operator's script is the plain one, from an empty file; the app migrates SQLite itself at start.
    /// </summary>
    [Fact]
    public async Task Sqlite_Script_FromAnEmptyFile_GivesTheCurrentSchema()
    {
        var scratch = Directory.CreateTempSubdirectory("salesmentor-script-").FullName;
        var file = Path.Combine(scratch, "salesmentor.db");
        try
        {
            await using var services = ReleaseSamples.Services("Sqlite", $"Data Source={file}", scratch);
            await using var scope = services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<SalesMentorDb>();
            var migrator = db.GetService<IMigrator>();
            var idempotent = Record.Exception(() => migrator.GenerateScript(options: MigrationsSqlGenerationOptions.Idempotent));
            var script = idempotent is null
                ? migrator.GenerateScript(options: MigrationsSqlGenerationOptions.Idempotent)
                : migrator.GenerateScript();
            await db.Database.ExecuteSqlRawAsync(script);
            if (idempotent is null) await db.Database.ExecuteSqlRawAsync(script);
            Assert.Empty(await db.Database.GetPendingMigrationsAsync());
            Assert.False(db.Database.HasPendingModelChanges());
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(scratch, recursive: true);
        }
    }
}
