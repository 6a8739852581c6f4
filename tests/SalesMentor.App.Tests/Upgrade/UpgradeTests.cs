using Microsoft.AspNetCore.Identity;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using SalesMentor.App.Data;
using SalesMentor.App.Domain;
using SalesMentor.App.Tests.Infrastructure;

namespace SalesMentor.App.Tests.Upgrade;

/// <summary>
/// Upgrading a database of every earlier release to the current schema loses nothing: every row of
/// every table that was there is there afterwards, unchanged, and people can still sign in.
/// </summary>
public class UpgradeTests
{
    /// <summary>Each release has its two sample files. With SALESMENTOR_WRITE_UPGRADE_SAMPLES=1 the missing ones are written (see docs/upgrading.md).</summary>
    [Fact]
    public async Task EveryRelease_HasItsSampleDatabases()
    {
        foreach (var release in ReleaseSamples.All)
        {
            var folder = ReleaseSamples.Folder(release);
            var missing = !File.Exists(Path.Combine(folder, "sqlite.db")) || !File.Exists(Path.Combine(folder, "postgres.sql"));
            if (missing && Environment.GetEnvironmentVariable("SALESMENTOR_WRITE_UPGRADE_SAMPLES") == "1")
            {
                await ReleaseSamples.WriteAsync(release, TestDatabase.PostgresServer);
            }

            Assert.True(File.Exists(Path.Combine(folder, "sqlite.db")), $"release {release.Name} has no SQLite sample in {folder}");
            Assert.True(File.Exists(Path.Combine(folder, "postgres.sql")), $"release {release.Name} has no PostgreSQL sample in {folder}");
        }
    }

    [Theory, BothProviders]
    public async Task EveryRelease_UpgradesToTheCurrentSchema_LosingNothing(Provider provider)
    {
        foreach (var release in ReleaseSamples.All)
        {
            var scratch = Directory.CreateTempSubdirectory("salesmentor-upgrade-").FullName;
            var postgresName = "upgrade_" + Guid.NewGuid().ToString("N");
            var connectionString = provider == Provider.Sqlite
                ? $"Data Source={Path.Combine(scratch, "salesmentor.db")}"
                : new NpgsqlConnectionStringBuilder(TestDatabase.PostgresServer) { Database = postgresName }.ToString();
            try
            {
                if (provider == Provider.Sqlite)
                {
                    File.Copy(Path.Combine(ReleaseSamples.Folder(release), "sqlite.db"), Path.Combine(scratch, "salesmentor.db"));
                }
                else
                {
                    await ReleaseSamples.PostgresAsync(TestDatabase.PostgresServer, $"CREATE DATABASE {postgresName}");
                    await ReleaseSamples.PgToolAsync("psql", connectionString, "-X", "-q", "-v", "ON_ERROR_STOP=1", "-f", Path.Combine(ReleaseSamples.Folder(release), "postgres.sql"));
                }

                var before = await SnapshotAsync(provider, connectionString);
                Assert.All(before.Where(t => t.Key is not ("ApiTokens" or "__EFMigrationsLock")), t => Assert.True(t.Value.Count > 0, $"release {release.Name}'s sample has no rows in {t.Key}"));

                await using var services = ReleaseSamples.Services(provider.ToString(), connectionString, scratch);
                await using (var scope = services.CreateAsyncScope())
                {
                    await scope.ServiceProvider.GetRequiredService<DatabaseInitializer>().InitializeAsync(CancellationToken.None);
                }

                var after = await SnapshotAsync(provider, connectionString);
                var lost = TableSnapshot.Lost(before, after);
                Assert.True(lost.Count == 0, $"upgrading release {release.Name} on {provider} lost:\n" + string.Join("\n", lost.Take(20)));
                await AssertStillUsableAsync(services, release);
            }
            finally
            {
                SqliteConnection.ClearAllPools();
                NpgsqlConnection.ClearAllPools();
                if (provider == Provider.Postgres) await ReleaseSamples.PostgresAsync(TestDatabase.PostgresServer, $"DROP DATABASE IF EXISTS {postgresName} WITH (FORCE)");
                Directory.Delete(scratch, recursive: true);
            }
        }
    }

    /// <summary>The comparison itself notices a dropped table, a lost row and a changed value, and allows new rows.</summary>
    [Fact]
    public void Lost_ReportsDroppedTablesLostAndChangedRows_NotNewOnes()
    {
        var before = new Dictionary<string, List<string>> { ["People"] = ["a", "b", "b"], ["Teams"] = ["t"], ["Quotas"] = ["q=1"] };
        Assert.Empty(TableSnapshot.Lost(before, new() { ["People"] = ["a", "b", "b", "c"], ["Teams"] = ["t"], ["Quotas"] = ["q=1"], ["New"] = ["n"] }));
        var lost = TableSnapshot.Lost(before, new() { ["People"] = ["a", "b"], ["Quotas"] = ["q=2"] });
        Assert.Equal(3, lost.Count);
        Assert.Contains(lost, l => l.StartsWith("table Teams", StringComparison.Ordinal));
        Assert.Contains(lost, l => l.StartsWith("People: row lost", StringComparison.Ordinal));
        Assert.Contains(lost, l => l.StartsWith("Quotas: row lost or changed: q=1", StringComparison.Ordinal));

        // A column added by a later migration is not a change; a changed value in an old column is.
        var row = new Dictionary<string, List<string>> { ["Outbox"] = ["Id=1\u001fSubject=Hi\u001f"] };
        Assert.Empty(TableSnapshot.Lost(row, new() { ["Outbox"] = ["Id=1\u001fSubject=Hi\u001fCalendarIcs=NULL\u001f"] }));
        Assert.Single(TableSnapshot.Lost(row, new() { ["Outbox"] = ["Id=1\u001fSubject=Bye\u001fCalendarIcs=NULL\u001f"] }));
    }

    /// <summary>A column added by a migration is not a change of the rows that were there; a changed or dropped column is.</summary>
    [Fact]
    public void Lost_IgnoresAddedColumns_NotChangedOrDroppedOnes()
    {
        var before = new Dictionary<string, List<string>> { ["Runs"] = ["Id=1\u001fStatus=Done\u001f"] };
        Assert.Empty(TableSnapshot.Lost(before, new() { ["Runs"] = ["Id=1\u001fStatus=Done\u001fFormat=NULL\u001f"] }));
        Assert.Single(TableSnapshot.Lost(before, new() { ["Runs"] = ["Id=1\u001fStatus=Failed\u001fFormat=NULL\u001f"] }));
        Assert.Single(TableSnapshot.Lost(before, new() { ["Runs"] = ["Id=1\u001fFormat=NULL\u001f"] }));
    }

    /// <summary>A few values read through today's model: names in any script, money, an old password, the settings.</summary>
    private static async Task AssertStillUsableAsync(ServiceProvider services, Release release)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SalesMentorDb>();
        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        var settings = await db.OrganizationSettings.SingleAsync();
        Assert.Equal("Sample Org " + release.Name, settings.Name);
        // Organizations from before the four roles get the default target mix, not 0/0/0/0 (which role balance refuses).
        Assert.Equal((30, 40, 15, 15), (settings.TargetSupervisorPercent, settings.TargetCoachPercent, settings.TargetTrainerPercent, settings.TargetMentorPercent));
        var repA = await db.People.SingleAsync(p => p.Email == "rep.a@world.test");
        Assert.Equal(("Zoë O'Brien", "Account Executive"), (repA.Name, repA.Title));
        Assert.True(await db.People.AnyAsync(p => p.Name == "李小龍"));
        Assert.Equal(125000.5m, (await db.Quotas.SingleAsync()).Amount);
        Assert.Equal(12, await db.Opportunities.CountAsync());
        Assert.Equal(1, await db.ImportRowErrors.CountAsync(e => e.Reason == "not an email address"));
        Assert.True(await db.AuditEvents.AnyAsync(e => e.Action == ReleaseSamples.SampleMarker && e.ResourceId == release.Name));
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var user = await users.FindByEmailAsync("rep.a@world.test");
        Assert.True(await users.CheckPasswordAsync(user!, TestWorld.Password), "an account of the old release cannot sign in with its password");
        Assert.True(await users.IsInRoleAsync((await users.FindByEmailAsync("admin@world.test"))!, Roles.Admin));
    }

    private static async Task<Dictionary<string, List<string>>> SnapshotAsync(Provider provider, string connectionString)
    {
        await using System.Data.Common.DbConnection connection = provider == Provider.Sqlite
            ? new SqliteConnection(connectionString + ";Pooling=False")
            : new NpgsqlConnection(connectionString);
        return await TableSnapshot.ReadAsync(connection, provider == Provider.Postgres);
    }
}
