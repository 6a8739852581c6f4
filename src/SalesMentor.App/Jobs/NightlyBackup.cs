using System.Globalization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using SalesMentor.App.Common;
using SalesMentor.App.Data;
using SalesMentor.App.Features.Backups;

namespace SalesMentor.App.Jobs;

/// <summary>
/// <c>Backup:Nightly:*</c>: whether the web app takes the nightly backup, when (server time, <c>HH:mm</c> or
/// <c>HH:mm:ss</c>), into which folder, and how many archives it keeps.
/// </summary>
public sealed record NightlyBackupOptions(bool Enabled, TimeOnly Time, string Folder, int Keep)
{
    public const string PassphraseVariable = "SALESMENTOR_BACKUP_PASSPHRASE";

    public static NightlyBackupOptions From(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var section = configuration.GetSection("Backup:Nightly");
        var timeText = section["Time"] ?? "02:30";
        if (!TimeOnly.TryParseExact(timeText, ["HH:mm", "HH:mm:ss", "H:mm"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var time))
        {
            throw new InvalidOperationException($"Backup:Nightly:Time is '{timeText}'; write a time of day like 02:30.");
        }

        var keep = section.GetValue("Keep", 14);
        if (keep < 1) throw new InvalidOperationException($"Backup:Nightly:Keep is {keep}; keep at least 1 archive.");
        var folder = section["Folder"];
        if (string.IsNullOrWhiteSpace(folder)) folder = Path.Combine(DatabaseOptions.DataFolderOf(configuration), "backups");
        return new NightlyBackupOptions(section.GetValue("Enabled", false), time, Path.GetFullPath(folder), keep);
    }
}

/// <summary>
/// The nightly backup job: writes an encrypted archive (<see cref="CreateBackup"/>, the passphrase from
/// <c>SALESMENTOR_BACKUP_PASSPHRASE</c>) as <c>salesmentor-yyyyMMdd-HHmmssZ.smbackup</c> into the folder — first
/// under a temporary name, so a half-written file never counts as a backup — then deletes the oldest of its own
/// archives beyond <c>Keep</c>. Other files in the folder are never touched.
/// </summary>
public sealed partial class NightlyBackup(CreateBackup backup, IConfiguration configuration, TimeProvider clock, ILogger<NightlyBackup> logger)
{
    public const string JobName = "backup";
    private const string Prefix = "salesmentor-";
    private const string Extension = ".smbackup";

    public async Task<string?> RunAsync(CancellationToken ct)
    {
        var options = NightlyBackupOptions.From(configuration);
        var passphrase = configuration[NightlyBackupOptions.PassphraseVariable];
        if (string.IsNullOrEmpty(passphrase))
        {
            throw new InvalidOperationException($"The nightly backup needs the passphrase in the environment variable {NightlyBackupOptions.PassphraseVariable}; no backup was written.");
        }

        Directory.CreateDirectory(options.Folder);
        var now = clock.GetUtcNow().UtcDateTime;
        var name = Prefix + now.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture) + "Z" + Extension;
        var file = Path.Combine(options.Folder, name);
        var partial = file + ".partial";
        Result<BackupSummary> result;
        await using (var output = new FileStream(partial, FileMode.Create, FileAccess.Write, FileShare.None))
        {
            result = await backup.HandleAsync(Actor.System, new CreateBackupRequest(output, passphrase), ct);
            if (result.IsSuccess) await output.FlushAsync(ct);
        }

        if (!result.IsSuccess)
        {
            File.Delete(partial);
            throw new InvalidOperationException($"The nightly backup failed: {result.Error!.Message}");
        }

        File.Move(partial, file, overwrite: true);
        var deleted = ApplyRetention(options.Folder, options.Keep);
        LogWritten(logger, file, result.Value.Bytes, options.Keep, deleted.Count);
        foreach (var old in deleted) LogDeleted(logger, old);
        Observability.AppMetrics.BackupWritten(result.Value.Bytes, deleted.Count, clock.GetUtcNow());
        return $"{name}, {result.Value.Bytes} bytes, {deleted.Count} older deleted";
    }

    /// <summary>Deletes this job's archives beyond the newest <paramref name="keep"/>; returns the deleted paths.</summary>
    public static IReadOnlyList<string> ApplyRetention(string folder, int keep)
    {
        var archives = Directory.EnumerateFiles(folder, Prefix + "*" + Extension)
            .Where(f => IsArchiveName(Path.GetFileName(f)))
            .OrderByDescending(f => Path.GetFileName(f), StringComparer.Ordinal)
            .ToList();
        var deleted = new List<string>();
        foreach (var old in archives.Skip(keep))
        {
            File.Delete(old);
            deleted.Add(old);
        }

        return deleted;
    }

    /// <summary>salesmentor-20261127-023000Z.smbackup: only names this job writes (their order is their age).</summary>
    private static bool IsArchiveName(string name) =>
        name.Length == Prefix.Length + 16 + Extension.Length
        && DateTime.TryParseExact(name.AsSpan(Prefix.Length, 16), "yyyyMMdd-HHmmss'Z'", CultureInfo.InvariantCulture, DateTimeStyles.None, out _);

    [LoggerMessage(Level = LogLevel.Information, Message = "Nightly backup written: {File} ({Bytes} bytes); keeping the newest {Keep}, deleted {Deleted} older")]
    private static partial void LogWritten(ILogger logger, string file, long bytes, int keep, int deleted);

    [LoggerMessage(Level = LogLevel.Information, Message = "Nightly backup retention deleted {File}")]
    private static partial void LogDeleted(ILogger logger, string file);
}
