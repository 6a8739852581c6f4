using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace SalesMentor.App.Data;

/// <summary>
/// Reads the <see cref="ChangeCounters"/> for this instance's caches, on every use of a cache. On SQLite, outside a
/// transaction, from one connection of its own per database file, kept open with its statement prepared — a lock and a
/// one-row read, where opening the unit of work's connection and preparing the statement again cost several times
/// more. Each read is a read transaction of its own, so it sees every write committed before it, by any connection or
/// process. Inside a transaction (whose writes only it sees) and on PostgreSQL it reads through the unit of work.
/// </summary>
public sealed class ChangeCounterReader : IDisposable
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, SqliteCommand> _commands = new(StringComparer.Ordinal);
    private bool _disposed;

    /// <summary>The counter as a read by this unit of work would see it now.</summary>
    public Task<long> ReadAsync(SalesMentorDb db, string name, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (db is not SqliteSalesMentorDb || db.Database.CurrentTransaction is not null) return ChangeCounters.ReadAsync(db, name, ct);
        var database = db.Database.GetConnectionString() ?? throw new InvalidOperationException("The context has no connection string.");
        lock (_lock)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            var command = Command(database);
            try
            {
                command.Parameters[0].Value = name;
                return Task.FromResult(ChangeCounters.ToVersion(command.ExecuteScalar(), name));
            }
            catch
            {
                // A broken connection is not kept: the next read opens a new one.
                _commands.Remove(database);
                Close(command);
                throw;
            }
        }
    }

    /// <summary>Closes the kept connections (a restore calls this before it swaps the database file).</summary>
    public void Reset()
    {
        lock (_lock)
        {
            foreach (var command in _commands.Values) Close(command);
            _commands.Clear();
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

    private SqliteCommand Command(string database)
    {
        if (_commands.TryGetValue(database, out var command)) return command;
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder(database) { Pooling = false }.ToString());
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

        _commands[database] = command;
        return command;
    }

    private static void Close(SqliteCommand command)
    {
        var connection = command.Connection;
        command.Dispose();
        connection?.Dispose();
    }
}
