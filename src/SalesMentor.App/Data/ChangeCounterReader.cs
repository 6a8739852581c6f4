using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace SalesMentor.App.Data;

/// <summary>
/// Reads the <see cref="ChangeCounters"/> for this instance's caches, on every use of a cache. On SQLite, outside a
/// transaction, from one connection of its own per database file, kept open with its statement prepared — a lock and a
/// one-row read, where opening the unit of work's connection and preparing the statement again cost several times
/// more. Each read is a read transaction of its own, so it sees every write committed before it, by any connection or
/// process. Inside a transaction (whose writes only it sees) and on PostgreSQL it reads through the unit of work, and
/// so does a read that finds the kept connection busy for long, failing, or closed at shutdown. A kept connection is
/// opened again after <see cref="MaxAge"/>, so a database file swapped underneath a running instance (a restore that
/// should have waited for it to stop) is followed within that time.
/// </summary>
public sealed class ChangeCounterReader : IDisposable
{
    /// <summary>How long a kept connection is used before it is opened again.</summary>
    public static readonly TimeSpan MaxAge = TimeSpan.FromSeconds(5);

    /// <summary>How long a read waits for the kept connection before it reads through the unit of work instead.</summary>
    private static readonly TimeSpan MaxWait = TimeSpan.FromMilliseconds(5);

    private sealed record Kept(SqliteCommand Command, long OpenedAt);

    private readonly Lock _lock = new();
    private readonly Dictionary<string, Kept> _kept = new(StringComparer.Ordinal);
    private bool _disposed;

    /// <summary>The counter as a read by this unit of work would see it now.</summary>
    public Task<long> ReadAsync(SalesMentorDb db, string name, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (db is not SqliteSalesMentorDb || db.Database.CurrentTransaction is not null) return ChangeCounters.ReadAsync(db, name, ct);
        var database = db.Database.GetConnectionString() ?? throw new InvalidOperationException("The context has no connection string.");
        if (!_lock.TryEnter(MaxWait)) return ChangeCounters.ReadAsync(db, name, ct);
        try
        {
            if (!_disposed)
            {
                try
                {
                    var command = Command(database);
                    command.Parameters[0].Value = name;
                    return Task.FromResult(ChangeCounters.ToVersion(command.ExecuteScalar(), name));
                }
                catch (SqliteException)
                {
                    // A broken connection is not kept: this read goes through the unit of work, the next opens a new one.
                    Drop(database);
                }
            }
        }
        finally
        {
            _lock.Exit();
        }

        return ChangeCounters.ReadAsync(db, name, ct);
    }

    /// <summary>Closes the kept connections (a restore calls this before it swaps the database file).</summary>
    public void Reset()
    {
        lock (_lock)
        {
            foreach (var kept in _kept.Values) Close(kept.Command);
            _kept.Clear();
        }
    }

    public void Dispose()
    {
        lock (_lock)
        {
            _disposed = true;
        }

        Reset();
    }

    private void Drop(string database)
    {
        if (_kept.Remove(database, out var kept)) Close(kept.Command);
    }

    private SqliteCommand Command(string database)
    {
        if (_kept.TryGetValue(database, out var kept))
        {
            if (System.Diagnostics.Stopwatch.GetElapsedTime(kept.OpenedAt) < MaxAge) return kept.Command;
            Drop(database);
        }

        SqliteCommand command;
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder(database) { Pooling = false, DefaultTimeout = 1 }.ToString());
        try
        {
            connection.Open();
            using (var readOnly = connection.CreateCommand())
            {
                readOnly.CommandText = "PRAGMA query_only=ON;";
                readOnly.ExecuteNonQuery();
            }

            command = connection.CreateCommand();
            command.CommandText = ChangeCounters.Sql;
            command.Parameters.Add(new SqliteParameter("@name", SqliteType.Text));
            command.Prepare();
        }
        catch
        {
            connection.Dispose();
            throw;
        }

        _kept[database] = new Kept(command, System.Diagnostics.Stopwatch.GetTimestamp());
        return command;
    }

    private static void Close(SqliteCommand command)
    {
        var connection = command.Connection;
        command.Dispose();
        connection?.Dispose();
    }
}
