using System.Formats.Tar;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using SalesMentor.App.Backup;
using SalesMentor.App.Common;
using SalesMentor.App.Data;
using SalesMentor.App.Security;

namespace SalesMentor.App.Features.Backups;

public sealed record RestoreBackupRequest(Stream Archive, string Passphrase);

public sealed record RestoreSummary(string Provider, string Schema, DateTime BackupCreatedAt, string? PreviousDatabaseKeptAt, string? PreviousKeyKeptAt = null);

/// <summary>
/// Puts a backup back. The whole archive is decrypted and verified into a scratch folder first:
/// a wrong passphrase, a damaged or cut-off file, another provider's backup or one from a newer
/// version of SalesMentor is refused with a clear message and nothing is touched. On SQLite the
/// current file is kept beside the restored one; stop the app while restoring. The confidential-space key file
/// travels with the database (its text cannot be read without it): a different key already in place is kept beside.
/// </summary>
public sealed class RestoreBackup(SalesMentorDb db, DatabaseOptions options, IConfiguration configuration, TimeProvider clock, ChangeCounterReader counters)
{
    public async Task<Result<RestoreSummary>> HandleAsync(Actor actor, RestoreBackupRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!Access.CanAdminister(actor)) return Error.Forbidden("restore.admin_only", "Only an admin can restore a backup.");
        var work = Directory.CreateTempSubdirectory("salesmentor-restore-");
        try
        {
            var manifest = await UnpackAsync(request, work.FullName, ct);
            if (manifest.Provider != options.Provider.ToString())
            {
                return Error.Validation("restore.provider", $"This is a {manifest.Provider} backup; this installation runs on {options.Provider}.");
            }

            var known = db.Database.GetMigrations().ToHashSet(StringComparer.Ordinal);
            var unknown = manifest.Migrations.Where(m => !known.Contains(m)).ToList();
            if (unknown.Count > 0)
            {
                return Error.Validation("restore.newer_schema", $"This backup comes from a newer version of SalesMentor (schema {manifest.Schema}); upgrade this installation first.");
            }

            // The counters the caches check go back to their values at backup time with the data: raised past what they
            // were before, so no instance can meet a version it kept for data that is now gone.
            var counted = await CountersAsync(ct);
            string? kept = null;
            if (options.Provider == DatabaseProvider.Sqlite) kept = await ReplaceSqliteAsync(Path.Combine(work.FullName, BackupManifest.SqliteEntry), ct);
            else await DatabaseCopy.RestorePostgresAsync(options.ConnectionString, Path.Combine(work.FullName, BackupManifest.PostgresEntry), configuration["Backup:PostgresToolsPath"], ct);
            await RaiseCountersAsync(counted, ct);
            var keptKey = manifest.Files.Contains(BackupManifest.ConfidentialKeyEntry)
                ? PlaceKeyFile(Path.Combine(work.FullName, BackupManifest.ConfidentialKeyEntry), ConfidentialCipher.KeyFileOf(configuration))
                : null;
            return new RestoreSummary(manifest.Provider, manifest.Schema, manifest.CreatedAt, kept, keptKey);
        }
        catch (SealedArchiveException e)
        {
            return Error.Validation("restore.unreadable", e.Message);
        }
        catch (BackupException e)
        {
            return Error.Validation("restore.failed", e.Message);
        }
        finally
        {
            work.Delete(recursive: true);
        }
    }

    /// <summary>The change counters as stored before the restore; none when there is no database yet.</summary>
    private async Task<Dictionary<string, long>> CountersAsync(CancellationToken ct)
    {
        if (options.Provider == DatabaseProvider.Sqlite && !File.Exists(options.SqliteFile)) return [];
        try
        {
            return await db.Database.SqlQueryRaw<CounterRow>("""SELECT "Name", "Version" FROM "ChangeCounters" """)
                .ToDictionaryAsync(c => c.Name, c => c.Version, StringComparer.Ordinal, ct);
        }
        catch (System.Data.Common.DbException)
        {
            return [];   // an empty database, or one from before the counters
        }
    }

    private async Task RaiseCountersAsync(Dictionary<string, long> before, CancellationToken ct)
    {
        foreach (var (name, version) in before)
        {
            await db.Database.ExecuteSqlInterpolatedAsync(
                $"""UPDATE "ChangeCounters" SET "Version" = CASE WHEN "Version" > {version} THEN "Version" + 1 ELSE {version} + 1 END WHERE "Name" = {name}""", ct);
        }
    }

    private sealed record CounterRow(string Name, long Version);

    private static async Task<BackupManifest> UnpackAsync(RestoreBackupRequest request, string folder, CancellationToken ct)
    {
        BackupManifest? manifest = null;
        await using var sealedStream = new SealedReadStream(request.Archive, request.Passphrase ?? "");
        await using var tar = new TarReader(sealedStream);
        while (await tar.GetNextEntryAsync(copyData: false, ct) is { } entry)
        {
            if (entry.DataStream is null) continue;
            if (entry.Name == BackupManifest.EntryName)
            {
                manifest = BackupManifest.Parse(entry.DataStream) ?? throw new BackupException("The backup's manifest is unreadable.");
            }
            else if (entry.Name is BackupManifest.SqliteEntry or BackupManifest.PostgresEntry or BackupManifest.ConfidentialKeyEntry)
            {
                await using var file = File.Create(Path.Combine(folder, entry.Name));
                await entry.DataStream.CopyToAsync(file, ct);
            }
        }

        if (manifest is null) throw new BackupException("The backup has no manifest.");
        if (manifest.Format > BackupManifest.CurrentFormat) throw new BackupException("This backup was written by a newer version of SalesMentor; upgrade first.");
        if (manifest.Files.Any(f => !File.Exists(Path.Combine(folder, f)))) throw new BackupException("The backup is incomplete: a file named in its manifest is missing.");
        return manifest;
    }

    /// <summary>
    /// Puts the backup's key file in place (owner-only). The same key already there is left alone; a different one is
    /// kept as <c>…before-restore-…</c>, since text sealed with it after the backup was taken still needs it.
    /// </summary>
    private string? PlaceKeyFile(string restored, string target)
    {
        if (File.Exists(target) && File.ReadAllBytes(target).AsSpan().SequenceEqual(File.ReadAllBytes(restored))) return null;
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        string? kept = null;
        if (File.Exists(target))
        {
            kept = $"{target}.before-restore-{clock.GetUtcNow().UtcDateTime:yyyyMMddHHmmss}";
            File.Move(target, kept);
        }

        File.Copy(restored, target);
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(target, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        return kept;
    }

    /// <summary>Swaps the restored file in; the current one is kept as <c>…before-restore-…</c>. Refuses while the app uses the file.</summary>
    private async Task<string?> ReplaceSqliteAsync(string restored, CancellationToken ct)
    {
        var target = options.SqliteFile!;
        await using (var check = new SqliteConnection($"Data Source={restored};Pooling=False"))
        {
            await check.OpenAsync(ct);
            await using var command = check.CreateCommand();
            command.CommandText = "PRAGMA integrity_check;";
            if ((string?)await command.ExecuteScalarAsync(ct) != "ok") throw new BackupException("The database inside the backup fails SQLite's integrity check.");
        }

        SqliteConnection.ClearAllPools();
        counters.Reset();
        string? kept = null;
        if (File.Exists(target))
        {
            await using (var exclusive = new SqliteConnection($"Data Source={target};Pooling=False;Default Timeout=1"))
            {
                await exclusive.OpenAsync(ct);
                await using var command = exclusive.CreateCommand();
                command.CommandText = "PRAGMA wal_checkpoint(TRUNCATE); BEGIN EXCLUSIVE; COMMIT;";
                try
                {
                    await command.ExecuteNonQueryAsync(ct);
                }
                catch (SqliteException)
                {
                    throw new BackupException("The database is in use. Stop the web app (and any other salesmentor command) and restore again.");
                }
            }

            SqliteConnection.ClearAllPools();
            kept = $"{target}.before-restore-{clock.GetUtcNow().UtcDateTime:yyyyMMddHHmmss}";
            File.Move(target, kept);
            foreach (var side in new[] { "-wal", "-shm" }) File.Delete(target + side);
        }

        File.Move(restored, target);
        return kept;
    }
}
