using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using SalesMentor.App.Domain;

namespace SalesMentor.App.Data;

/// <summary>
/// Brings the database to the current schema at start-up and checks the settings durability
/// depends on. Safe to run from several processes at once (migrations take a lock).
/// </summary>
public sealed partial class DatabaseInitializer(SalesMentorDb db, DatabaseOptions options, RoleManager<IdentityRole<Guid>> roles, IDataProtectionProvider dataProtection, ILogger<DatabaseInitializer> logger)
{
    public async Task InitializeAsync(CancellationToken ct)
    {
        if (options.Provider == DatabaseProvider.Sqlite) await EnableWalAsync(ct);
        var pending = (await db.Database.GetPendingMigrationsAsync(ct)).ToList();
        if (pending.Count > 0)
        {
            LogMigrating(pending.Count, pending);
            await db.Database.MigrateAsync(ct);
        }

        if (options.Provider == DatabaseProvider.Sqlite) await AssertSqliteDurabilityAsync(ct);
        if (!await db.OrganizationSettings.AnyAsync(ct))
        {
            db.OrganizationSettings.Add(new OrganizationSettings());
            await db.SaveChangesAsync(ct);
        }

        if (!await db.StarRuleSettings.AnyAsync(ct))
        {
            db.StarRuleSettings.Add(new StarRuleSettings());
            await db.SaveChangesAsync(ct);
        }

        await CatalogSeed.SeedAsync(db, ct);
        if (!await roles.RoleExistsAsync(Roles.Admin)) await roles.CreateAsync(new IdentityRole<Guid>(Roles.Admin));

        // Create the Data Protection key now, outside any use case: its store is this database,
        // and making it inside a SQLite write transaction would wait on that transaction's lock.
        dataProtection.CreateProtector("SalesMentor.Startup").Protect("ready");
    }

    /// <summary>True when nobody is in the organization yet (a fresh install).</summary>
    public async Task<bool> IsEmptyAsync(CancellationToken ct) => !await db.People.AnyAsync(ct);

    /// <summary>True when some account holds the admin role.</summary>
    public Task<bool> HasAdminAsync(CancellationToken ct) =>
        db.UserRoles.AnyAsync(ur => db.Roles.Any(r => r.Id == ur.RoleId && r.Name == Roles.Admin), ct);

    private async Task EnableWalAsync(CancellationToken ct)
    {
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            var mode = await ScalarAsync("PRAGMA journal_mode=WAL;", ct);
            if (!string.Equals(mode, "wal", StringComparison.OrdinalIgnoreCase))
            {
                throw new InvalidOperationException($"SQLite refused WAL mode for {options.SqliteFile} (journal_mode is '{mode}'). Is the file on a network share?");
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private async Task AssertSqliteDurabilityAsync(CancellationToken ct)
    {
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            var mode = await ScalarAsync("PRAGMA journal_mode;", ct);
            var synchronous = await ScalarAsync("PRAGMA synchronous;", ct);
            if (!string.Equals(mode, "wal", StringComparison.OrdinalIgnoreCase) || synchronous != "2")
            {
                throw new InvalidOperationException($"SQLite must run with journal_mode=WAL and synchronous=FULL (2); found {mode} and {synchronous}.");
            }

            LogSqlite(options.SqliteFile!, mode, synchronous);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private async Task<string?> ScalarAsync(string sql, CancellationToken ct)
    {
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = sql;
        return (await command.ExecuteScalarAsync(ct))?.ToString();
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Applying {Count} migration(s): {Names}")]
    private partial void LogMigrating(int count, IEnumerable<string> names);

    [LoggerMessage(Level = LogLevel.Information, Message = "SQLite database {File}: journal_mode={Mode}, synchronous={Synchronous}")]
    private partial void LogSqlite(string file, string? mode, string? synchronous);
}
