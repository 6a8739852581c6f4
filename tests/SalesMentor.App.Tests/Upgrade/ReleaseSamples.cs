using System.Diagnostics;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using SalesMentor.App.Data;
using SalesMentor.App.Domain;
using SalesMentor.App.Tests.Infrastructure;

namespace SalesMentor.App.Tests.Upgrade;

/// <summary>A released schema: its name and the last migration of each provider it shipped with.</summary>
public sealed record Release(string Name, string LastMigration);

/// <summary>
/// Sample databases of each release, kept in <c>tests/SalesMentor.App.Tests/UpgradeSamples/&lt;release&gt;/</c>:
/// <c>sqlite.db</c> and <c>postgres.sql</c> (a plain pg_dump, loaded with psql). Each holds the small
/// test world and at least one row in every table, at that release's schema. docs/upgrading.md says
/// how to add a release.
/// </summary>
public static class ReleaseSamples
{
    /// <summary>Every release, oldest first. 0.1 is the schema before API tokens (migration CrmData).</summary>
    public static IReadOnlyList<Release> All { get; } = [new("0.1", "CrmData")];

    public const string SampleMarker = "release sample";

    public static string Folder(Release release)
    {
        ArgumentNullException.ThrowIfNull(release);
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "SalesMentor.slnx"))) folder = folder.Parent;
        return Path.Combine(folder?.FullName ?? throw new InvalidOperationException("No SalesMentor.slnx above the test folder."),
            "tests", "SalesMentor.App.Tests", "UpgradeSamples", release.Name);
    }

    public static ServiceProvider Services(string provider, string connectionString, string folder) =>
        new ServiceCollection().AddLogging().AddSalesMentorApp(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:Provider"] = provider, ["ConnectionStrings:SalesMentor"] = connectionString, ["DataFolder"] = folder,
        }).Build()).BuildServiceProvider();

    /// <summary>Migrates an empty database to <paramref name="release"/>'s schema (not further) and fills every table.</summary>
    public static async Task CreateAtAsync(Release release, ServiceProvider services)
    {
        ArgumentNullException.ThrowIfNull(release);
        ArgumentNullException.ThrowIfNull(services);
        await using (var scope = services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<SalesMentorDb>();
            var target = db.Database.GetMigrations().Single(m => m.EndsWith("_" + release.LastMigration, StringComparison.Ordinal));
            await db.GetService<IMigrator>().MigrateAsync(target);
            db.OrganizationSettings.Add(new OrganizationSettings { Name = "Sample Org " + release.Name });
            db.StarRuleSettings.Add(new StarRuleSettings());
            await db.SaveChangesAsync();
            await scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole<Guid>>>().CreateAsync(new IdentityRole<Guid>(Roles.Admin));
        }

        var now = new DateTime(2026, 11, 26, 12, 0, 0, DateTimeKind.Utc);
        var world = await TestWorld.CreateAsync(services, now);
        await using (var scope = services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<SalesMentorDb>();
            var adminRole = await db.Roles.SingleAsync();
            var adminUser = await db.Users.SingleAsync(u => u.PersonId == world.Admin.Id);
            db.Quotas.Add(new Quota { PersonId = world.RepA.Id, PeriodStart = new DateOnly(2026, 1, 1), PeriodEnd = new DateOnly(2026, 3, 31), Amount = 125000.5m, Currency = "EUR" });
            db.CrmOwnerLinks.Add(new CrmOwnerLink { OwnerId = "005Ax000001", PersonId = world.RepA.Id });
            db.ExchangeRates.Add(new ExchangeRate { Currency = "EUR", ValidFrom = new DateOnly(2026, 1, 1), Rate = 1.0825m });
            db.ImportProfiles.Add(new ImportProfile { Name = "Salesforce export", Kind = "opportunities", MappingJson = "{\"Amount\":\"amount\"}", CreatedAt = now, UpdatedAt = now });
            db.CrmStageMappings.Add(new CrmStageMapping { Source = "salesforce", Pipeline = "default", Stage = "Closed Won", Outcome = StageOutcome.Won });
            var run = new ImportRun { Kind = "roster", FileName = "people.csv", FileSize = 120, Status = ImportStatus.Rejected, Rows = 2, RejectedRows = 1, ActorName = world.Admin.Name, ActorPersonId = world.Admin.Id, StartedAt = now, FinishedAt = now };
            run.Errors.Add(new ImportRowError { Line = 2, Column = "email", Reason = "not an email address" });
            db.ImportRuns.Add(run);
            db.AuditEvents.Add(new AuditEvent { At = now, ActorKind = "system", ActorName = "system", Action = SampleMarker, ResourceType = "release", ResourceId = release.Name });
            db.Outbox.Add(new OutboxMessage { MessageId = $"<sample-{release.Name}@salesmentor>", ToAddress = "rep.a@world.test", Subject = "Welcome, Zoë", TextBody = "Hello", Category = "invitation", Status = OutboxStatus.Sent, Attempts = 1, CreatedAt = now, NextAttemptAt = now, SentAt = now });
            db.Set<IdentityUserClaim<Guid>>().Add(new IdentityUserClaim<Guid> { UserId = adminUser.Id, ClaimType = "sample", ClaimValue = "claim" });
            db.Set<IdentityUserLogin<Guid>>().Add(new IdentityUserLogin<Guid> { UserId = adminUser.Id, LoginProvider = "oidc", ProviderKey = "sample-subject", ProviderDisplayName = "Company sign-in" });
            db.Set<IdentityUserToken<Guid>>().Add(new IdentityUserToken<Guid> { UserId = adminUser.Id, LoginProvider = "sample", Name = "token", Value = "value" });
            db.Set<IdentityRoleClaim<Guid>>().Add(new IdentityRoleClaim<Guid> { RoleId = adminRole.Id, ClaimType = "sample", ClaimValue = "role-claim" });
            await db.SaveChangesAsync();
        }

        // A Data Protection key, stored in the database as in production.
        services.GetRequiredService<IDataProtectionProvider>().CreateProtector("sample").Protect("ready");
    }

    /// <summary>Writes the sample files of <paramref name="release"/> from the current code (run once, when the release is made).</summary>
    public static async Task WriteAsync(Release release, string postgresServer)
    {
        var folder = Folder(release);
        Directory.CreateDirectory(folder);
        var scratch = Directory.CreateTempSubdirectory("salesmentor-sample-").FullName;
        var file = Path.Combine(scratch, "sqlite.db");
        await using (var services = Services("Sqlite", $"Data Source={file}", scratch)) await CreateAtAsync(release, services);
        SqliteConnection.ClearAllPools();
        await using (var connection = new SqliteConnection($"Data Source={file};Pooling=False"))
        {
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA wal_checkpoint(TRUNCATE); PRAGMA journal_mode=DELETE; VACUUM;";
            await command.ExecuteNonQueryAsync();
        }

        File.Copy(file, Path.Combine(folder, "sqlite.db"), overwrite: true);

        var name = "sample_" + Guid.NewGuid().ToString("N");
        await PostgresAsync(postgresServer, $"CREATE DATABASE {name}");
        var connectionString = new NpgsqlConnectionStringBuilder(postgresServer) { Database = name }.ToString();
        await using (var services = Services("Postgres", connectionString, scratch)) await CreateAtAsync(release, services);
        NpgsqlConnection.ClearAllPools();
        var dump = Path.Combine(folder, "postgres.sql");
        await PgToolAsync("pg_dump", connectionString, "--no-owner", "--no-privileges", "--format=plain", "--file", dump);
        // \restrict lines (newer pg_dump) are unknown to older psql; this dump is ours, so they can go.
        var lines = (await File.ReadAllLinesAsync(dump)).Where(l => !l.StartsWith("\\restrict", StringComparison.Ordinal) && !l.StartsWith("\\unrestrict", StringComparison.Ordinal));
        await File.WriteAllLinesAsync(dump, lines);
        await PostgresAsync(postgresServer, $"DROP DATABASE {name} WITH (FORCE)");
        Directory.Delete(scratch, recursive: true);
    }

    public static async Task PostgresAsync(string server, string sql)
    {
        await using var connection = new NpgsqlConnection(server);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>Runs a PostgreSQL client tool (psql, pg_dump) from Debian's newest install, credentials in the environment.</summary>
    public static async Task PgToolAsync(string tool, string connectionString, params string[] arguments)
    {
        var path = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql").Select(d => Path.Combine(d, "bin", tool)).Where(File.Exists).OrderDescending(StringComparer.Ordinal).FirstOrDefault()
            : null;
        var settings = new NpgsqlConnectionStringBuilder(connectionString);
        var start = new ProcessStartInfo(path ?? tool) { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        start.Environment["PGHOST"] = settings.Host;
        start.Environment["PGPORT"] = settings.Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        start.Environment["PGUSER"] = settings.Username;
        start.Environment["PGPASSWORD"] = settings.Password ?? "";
        start.Environment["PGDATABASE"] = settings.Database;
        using var process = Process.Start(start)!;
        var errors = process.StandardError.ReadToEndAsync();
        await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0) throw new InvalidOperationException($"{tool} failed ({process.ExitCode}): {await errors}");
    }
}
