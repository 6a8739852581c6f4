using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using SalesMentor.App.Data;
using SQLitePCL;

namespace SalesMentor.App.Import;

/// <summary>
/// Set up on SQLite before an import's transaction begins, undone after it ends: the connection is opened for the
/// whole import and keeps its temporary files in memory (<c>PRAGMA temp_store = MEMORY</c>). That matters for the
/// statement journal: a many-row INSERT into a table with foreign keys may have to undo itself, so SQLite first copies
/// every page it will change to that journal — a temporary file on disk by default, about a million writes for a
/// 300,000-row import. SQLite decides where the journal lives when the write transaction begins, hence before it.
/// Durability is unchanged: the statement journal only undoes one statement inside the transaction; the WAL and
/// <c>synchronous=FULL</c> make the commit durable. Nothing on PostgreSQL.
/// </summary>
internal sealed class SqliteImportSession : IAsyncDisposable
{
    private const long Memory = 2;
    private readonly SalesMentorDb _db;
    private readonly long _tempStore;

    private SqliteImportSession(SalesMentorDb db, long tempStore)
    {
        _db = db;
        _tempStore = tempStore;
    }

    /// <summary>Null when the store is not SQLite or there is nothing to write.</summary>
    public static async Task<SqliteImportSession?> StartAsync(SalesMentorDb db, bool writing, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (!writing || !db.Database.IsSqlite()) return null;
        await db.Database.OpenConnectionAsync(ct);
        var handle = Handle(db);
        var tempStore = Scalar(handle, "PRAGMA temp_store");
        if (tempStore != Memory) Execute(handle, "PRAGMA temp_store = MEMORY");
        return new SqliteImportSession(db, tempStore);
    }

    public async ValueTask DisposeAsync()
    {
        var handle = ((SqliteConnection)_db.Database.GetDbConnection()).Handle;
        if (_tempStore != Memory && handle is { IsClosed: false, IsInvalid: false } && raw.sqlite3_get_autocommit(handle) != 0)
        {
            Execute(handle, string.Create(CultureInfo.InvariantCulture, $"PRAGMA temp_store = {_tempStore}"));
        }

        await _db.Database.CloseConnectionAsync();
    }

    private static sqlite3 Handle(SalesMentorDb db) =>
        ((SqliteConnection)db.Database.GetDbConnection()).Handle ?? throw new InvalidOperationException("The import's connection is not open.");

    private static long Scalar(sqlite3 handle, string sql)
    {
        Check(handle, raw.sqlite3_prepare_v2(handle, sql, out var statement));
        using (statement)
        {
            return raw.sqlite3_step(statement) == raw.SQLITE_ROW ? raw.sqlite3_column_int64(statement, 0) : 0;
        }
    }

    private static void Execute(sqlite3 handle, string sql) => Check(handle, raw.sqlite3_exec(handle, sql));

    private static void Check(sqlite3 handle, int rc)
    {
        if (rc != raw.SQLITE_OK) SqliteException.ThrowExceptionForRC(rc, handle);
    }
}
