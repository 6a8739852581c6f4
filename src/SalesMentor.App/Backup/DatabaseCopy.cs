using System.Diagnostics;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using SalesMentor.App.Data;

namespace SalesMentor.App.Backup;

/// <summary>
/// Takes a consistent copy of the live database without stopping the app, and puts one back.
/// SQLite: <c>VACUUM INTO</c> (a snapshot; writers carry on). PostgreSQL: Debian's
/// <c>pg_dump -Fc</c> and <c>pg_restore --single-transaction</c> (all or nothing).
/// </summary>
internal static class DatabaseCopy
{
    public static async Task SnapshotSqliteAsync(SalesMentorDb db, string target, CancellationToken ct)
    {
        var connection = (SqliteConnection)db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            await using var command = connection.CreateCommand();
            command.CommandText = "VACUUM INTO $target;";
            command.Parameters.AddWithValue("$target", target);
            await command.ExecuteNonQueryAsync(ct);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    public static Task DumpPostgresAsync(string connectionString, string target, string? tools, CancellationToken ct) =>
        RunAsync(Tool("pg_dump", tools), ["-Fc", "--no-owner", "--no-privileges", "-f", target], connectionString, ct);

    public static Task RestorePostgresAsync(string connectionString, string dump, string? tools, CancellationToken ct) =>
        RunAsync(Tool("pg_restore", tools), ["--clean", "--if-exists", "--no-owner", "--no-privileges", "--single-transaction", "--exit-on-error", "-d", Database(connectionString), dump], connectionString, ct);

    private static string Database(string connectionString) => new NpgsqlConnectionStringBuilder(connectionString).Database
        ?? throw new BackupException("The PostgreSQL connection string names no database.");

    /// <summary>The PostgreSQL client tool: in <paramref name="tools"/> (Backup:PostgresToolsPath), else the newest Debian install, else PATH.</summary>
    private static string Tool(string name, string? tools)
    {
        if (!string.IsNullOrWhiteSpace(tools)) return Path.Combine(tools, name);
        var debian = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql").Select(d => Path.Combine(d, "bin", name)).Where(File.Exists)
                .OrderByDescending(p => int.TryParse(Path.GetFileName(Path.GetDirectoryName(Path.GetDirectoryName(p))), out var v) ? v : 0).FirstOrDefault()
            : null;
        return debian ?? name;
    }

    private static async Task RunAsync(string tool, IReadOnlyList<string> arguments, string connectionString, CancellationToken ct)
    {
        var settings = new NpgsqlConnectionStringBuilder(connectionString);
        var start = new ProcessStartInfo(tool) { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        // Credentials travel in the environment, never on the command line where `ps` shows them.
        start.Environment["PGHOST"] = settings.Host;
        start.Environment["PGPORT"] = settings.Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        start.Environment["PGUSER"] = settings.Username;
        start.Environment["PGPASSWORD"] = settings.Password ?? "";
        start.Environment["PGDATABASE"] = settings.Database;
        using var process = Process.Start(start) ?? throw new BackupException($"Could not start {tool}.");
        var errors = process.StandardError.ReadToEndAsync(ct);
        await process.StandardOutput.ReadToEndAsync(ct);
        await process.WaitForExitAsync(ct);
        if (process.ExitCode != 0)
        {
            throw new BackupException($"{Path.GetFileName(tool)} failed (exit code {process.ExitCode}): {(await errors).Trim()}");
        }
    }
}

/// <summary>A backup or restore that cannot go on, with the reason in plain words; nothing was changed.</summary>
public sealed class BackupException(string message) : Exception(message);
