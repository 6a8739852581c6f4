using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using SalesMentor.App.Data;
using SQLitePCL;

namespace SalesMentor.App.Import;

/// <summary>
/// SQLite runs in-process, so one prepared single-row statement executed per row is the fastest
/// way in. The statements are prepared once on the import's own connection (so they run inside its
/// transaction) and driven through SQLite's C API: per row, each value is bound by position and the
/// statement stepped and reset. ADO.NET's command would, per row, look every parameter up by name,
/// make a data reader and check the statement again, which cost more than SQLite's own work.
/// Values are stored as Microsoft.Data.Sqlite (and so EF) stores them — GUIDs as upper-case text,
/// dates as ISO text, decimals as text — checked by a test against rows EF wrote.
/// </summary>
internal sealed class SqliteTableWriter<T> : TableWriter<T> where T : class
{
    private readonly sqlite3 _handle;
    private readonly SqliteValue[] _kinds;
    private sqlite3_stmt? _insert;
    private sqlite3_stmt? _update;

    public SqliteTableWriter(SalesMentorDb db) : base(db)
    {
        _handle = ((SqliteConnection)db.Database.GetDbConnection()).Handle
            ?? throw new InvalidOperationException("The import's connection is not open.");
        _kinds = [.. Shape.Columns.Select(c => SqliteValues.KindOf(c.Mapping.StoreType))];
    }

    public override ValueTask InsertAsync(T row, CancellationToken ct)
    {
        _insert ??= Prepare(InsertSql(Position));
        Bind(_insert, row);
        Step(_insert);
        return ValueTask.CompletedTask;
    }

    public override ValueTask UpdateAsync(T row, int expectedVersion, CancellationToken ct)
    {
        _update ??= Prepare(UpdateSql(Position));
        Bind(_update, row);
        Check(raw.sqlite3_bind_int64(_update, Shape.Columns.Count + 1, expectedVersion));
        Step(_update);
        if (raw.sqlite3_changes(_handle) != 1) throw Stale();
        return ValueTask.CompletedTask;
    }

    public override Task FlushAsync(CancellationToken ct) => Task.CompletedTask;

    public override ValueTask DisposeAsync()
    {
        _insert?.Dispose();
        _update?.Dispose();
        return ValueTask.CompletedTask;
    }

    // Numbered parameters (?1, ?2, …): bound by position, and the UPDATE can use the key's twice over.
    private static string Position(int i) => "?" + (i + 1).ToString(CultureInfo.InvariantCulture);

    private sqlite3_stmt Prepare(string sql)
    {
        Check(raw.sqlite3_prepare_v2(_handle, sql, out var statement));
        return statement;
    }

    private void Bind(sqlite3_stmt statement, T row)
    {
        for (var i = 0; i < _kinds.Length; i++) Check(SqliteValues.Bind(statement, i + 1, Shape.Columns[i].ProviderValue(row), _kinds[i]));
    }

    private void Step(sqlite3_stmt statement)
    {
        var rc = raw.sqlite3_step(statement);
        raw.sqlite3_reset(statement);
        if (rc != raw.SQLITE_DONE) SqliteException.ThrowExceptionForRC(rc, _handle);
    }

    private void Check(int rc)
    {
        if (rc != raw.SQLITE_OK) SqliteException.ThrowExceptionForRC(rc, _handle);
    }
}

/// <summary>How a column's values are bound: by the column's declared store type, as Microsoft.Data.Sqlite does.</summary>
internal enum SqliteValue { Text, Integer, Real, Blob }

/// <summary>Binds one .NET value as Microsoft.Data.Sqlite would bind it for a column of the given kind.</summary>
internal static class SqliteValues
{
    public static SqliteValue KindOf(string storeType) => storeType.ToUpperInvariant() switch
    {
        "INTEGER" => SqliteValue.Integer,
        "REAL" => SqliteValue.Real,
        "BLOB" => SqliteValue.Blob,
        _ => SqliteValue.Text,
    };

    public static int Bind(sqlite3_stmt statement, int index, object? value, SqliteValue kind)
    {
        switch (value)
        {
            case null or DBNull:
                return raw.sqlite3_bind_null(statement, index);
            case string s:
                return raw.sqlite3_bind_text(statement, index, s);
            case bool b:
                return raw.sqlite3_bind_int64(statement, index, b ? 1 : 0);
            case int n:
                return raw.sqlite3_bind_int64(statement, index, n);
            case long n:
                return raw.sqlite3_bind_int64(statement, index, n);
            case short n:
                return raw.sqlite3_bind_int64(statement, index, n);
            case byte n:
                return raw.sqlite3_bind_int64(statement, index, n);
            case Guid g when kind == SqliteValue.Blob:
                return raw.sqlite3_bind_blob(statement, index, g.ToByteArray());
            case Guid g:
                Span<byte> text = stackalloc byte[36];
                g.TryFormat(text, out _);
                for (var i = 0; i < text.Length; i++)
                {
                    if (text[i] is >= (byte)'a' and <= (byte)'f') text[i] -= 'a' - 'A';
                }

                return raw.sqlite3_bind_text(statement, index, text);
            case DateOnly d:
                return raw.sqlite3_bind_text(statement, index, d.ToString(@"yyyy\-MM\-dd", CultureInfo.InvariantCulture));
            case DateTime t when kind != SqliteValue.Real:
                return raw.sqlite3_bind_text(statement, index, t.ToString(@"yyyy\-MM\-dd HH\:mm\:ss.FFFFFFF", CultureInfo.InvariantCulture));
            case DateTimeOffset t when kind != SqliteValue.Real:
                return raw.sqlite3_bind_text(statement, index, t.ToString(@"yyyy\-MM\-dd HH\:mm\:ss.FFFFFFFzzz", CultureInfo.InvariantCulture));
            case decimal m:
                return raw.sqlite3_bind_text(statement, index, m.ToString("0.0###########################", CultureInfo.InvariantCulture));
            case double x when !double.IsNaN(x):
                return raw.sqlite3_bind_double(statement, index, x);
            case float x when !float.IsNaN(x):
                return raw.sqlite3_bind_double(statement, index, x);
            case Enum e:
                return raw.sqlite3_bind_int64(statement, index, Convert.ToInt64(e, CultureInfo.InvariantCulture));
            case byte[] bytes:
                return raw.sqlite3_bind_blob(statement, index, bytes);
            default:
                throw new NotSupportedException($"The bulk writer does not bind values of type {value.GetType().Name} (as {kind}); write this entity through EF.");
        }
    }
}
