using System.Formats.Tar;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using SalesMentor.App.Backup;
using SalesMentor.App.Common;
using SalesMentor.App.Data;
using SalesMentor.App.Security;

namespace SalesMentor.App.Features.Backups;

public sealed record CreateBackupRequest(Stream Output, string Passphrase);

public sealed record BackupSummary(string Provider, string Schema, long Bytes, DateTime CreatedAt);

/// <summary>
/// Writes an encrypted backup of everything SalesMentor keeps — the database, which holds the
/// Data Protection keys too, and the confidential-space key file — while the app keeps running.
/// The passphrase is never stored.
/// </summary>
public sealed class CreateBackup(SalesMentorDb db, DatabaseOptions options, IConfiguration configuration, AuditLog audit, TimeProvider clock)
{
    public const int MinimumPassphraseLength = 12;

    public async Task<Result<BackupSummary>> HandleAsync(Actor actor, CreateBackupRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!Access.CanAdminister(actor)) return Error.Forbidden("backup.admin_only", "Only an admin can take a backup.");
        if (request.Passphrase is null || request.Passphrase.Length < MinimumPassphraseLength)
        {
            return Error.Validation("backup.passphrase", $"Choose a passphrase of at least {MinimumPassphraseLength} characters; without it the backup cannot be opened.");
        }

        var work = Directory.CreateTempSubdirectory("salesmentor-backup-");
        try
        {
            var now = clock.GetUtcNow().UtcDateTime;
            var migrations = (await db.Database.GetAppliedMigrationsAsync(ct)).ToList();
            var entry = options.Provider == DatabaseProvider.Sqlite ? BackupManifest.SqliteEntry : BackupManifest.PostgresEntry;
            var copy = Path.Combine(work.FullName, entry);
            if (options.Provider == DatabaseProvider.Sqlite) await DatabaseCopy.SnapshotSqliteAsync(db, copy, ct);
            else await DatabaseCopy.DumpPostgresAsync(options.ConnectionString, copy, configuration["Backup:PostgresToolsPath"], ct);

            var keyFile = ConfidentialCipher.KeyFileOf(configuration);
            var withKey = File.Exists(keyFile);
            List<string> files = withKey ? [entry, BackupManifest.ConfidentialKeyEntry] : [entry];
            var manifest = new BackupManifest(BackupManifest.CurrentFormat, options.Provider.ToString(), now, migrations, files);
            var counting = new CountingStream(request.Output);
            await using (var sealedStream = new SealedWriteStream(counting, request.Passphrase))
            {
                await using (var tar = new TarWriter(sealedStream, TarEntryFormat.Pax, leaveOpen: true))
                {
                    var manifestEntry = new PaxTarEntry(TarEntryType.RegularFile, BackupManifest.EntryName) { DataStream = new MemoryStream(manifest.ToJson()) };
                    await tar.WriteEntryAsync(manifestEntry, ct);
                    await tar.WriteEntryAsync(copy, entry, ct);
                    if (withKey) await tar.WriteEntryAsync(keyFile, BackupManifest.ConfidentialKeyEntry, ct);
                }

                sealedStream.Finish();
            }

            audit.Record(actor, "backup.create", "organization", null, $"provider={options.Provider} schema={manifest.Schema} bytes={counting.Written}");
            await db.SaveChangesAsync(ct);
            return new BackupSummary(manifest.Provider, manifest.Schema, counting.Written, now);
        }
        catch (BackupException e)
        {
            return Error.Validation("backup.failed", e.Message);
        }
        finally
        {
            work.Delete(recursive: true);
        }
    }

    /// <summary>Counts the bytes of the finished archive.</summary>
    private sealed class CountingStream(Stream inner) : Stream
    {
        public long Written { get; private set; }
        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override void Flush() => inner.Flush();
        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

        public override void Write(ReadOnlySpan<byte> buffer)
        {
            inner.Write(buffer);
            Written += buffer.Length;
        }
    }
}
