using System.Globalization;
using System.Runtime.ExceptionServices;
using System.Threading.Channels;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using SalesMentor.App.Data;
using SQLitePCL;

namespace SalesMentor.App.Import;

/// <summary>
/// SQLite runs in-process, so one prepared single-row statement executed per row is the fastest
/// way in. The statements are prepared once on the import's own connection (so they run inside its
/// transaction) and driven through SQLite's C API: per row, each value is read from the entity typed and bound by
/// position (<see cref="SqliteColumnBinder{T}"/>: no EF getter, no boxing; unchanged values are not bound again) and
/// the statement stepped and reset. ADO.NET's command would, per row, look every parameter up by name,
/// make a data reader and check the statement again, which cost more than SQLite's own work.
/// The rows are written on a thread of their own, in batches of a few hundred, while the import
/// reads and checks the next ones (two cores share the work); nothing else uses the connection
/// until <see cref="FlushAsync"/> has waited for that thread. Values are stored as
/// Microsoft.Data.Sqlite (and so EF) stores them — GUIDs as upper-case text, dates as ISO text,
/// decimals as text — checked by a test against rows EF wrote.
/// </summary>
internal sealed class SqliteTableWriter<T> : TableWriter<T> where T : class
{
    private const int ImportCacheKib = 128 * 1024;
    private const int ImportCachePages = ImportCacheKib / 4;
    private const string ImportCacheKibText = "131072";
    private readonly sqlite3 _handle;
    private long? _cacheSize;
    // One per column; slots 0 … RowsPerInsert − 1 are the rows of the many-row INSERT, slot RowsPerInsert the single-row one.
    private readonly SqliteColumnBinder<T>[] _columns;
    private const int BatchRows = 256;
    private const int RowsPerInsert = 32;
    private const int Insert = -1;

    private sqlite3_stmt? _insert;
    private sqlite3_stmt? _update;
    private sqlite3_stmt? _insertMany;
    private List<(T, int)> _batch = new(BatchRows);
    private Channel<List<(T, int)>>? _batches;
    private Task? _consumer;
    private volatile Exception? _failure;

    public SqliteTableWriter(SalesMentorDb db) : base(db)
    {
        _handle = ((SqliteConnection)db.Database.GetDbConnection()).Handle
            ?? throw new InvalidOperationException("The import's connection is not open.");
        _columns = [.. Shape.Columns.Select(c => SqliteColumnBinder<T>.For(c, RowsPerInsert + 1))];
        // A larger page cache while the rows go in: the indexes' pages stay in memory instead of being written to the
        // WAL and read back before the commit (durability is the commit's, unchanged). Put back when done.
        _cacheSize = Pragma("PRAGMA cache_size");
        if (_cacheSize is > 0 and < ImportCachePages or < 0 and > -ImportCacheKib) Execute("PRAGMA cache_size = -" + ImportCacheKibText);
        else _cacheSize = null;
    }

    public override ValueTask InsertAsync(T row, CancellationToken ct) => AddAsync(row, Insert, ct);

    public override ValueTask UpdateAsync(T row, int expectedVersion, CancellationToken ct) => AddAsync(row, expectedVersion, ct);

    public override async Task FlushAsync(CancellationToken ct)
    {
        if (_consumer is null)
        {
            RestoreCacheSize();
            return;
        }

        if (_batch.Count > 0) await _batches!.Writer.WriteAsync(Take(), ct);
        _batches!.Writer.Complete();
        await _consumer;
        (_consumer, _batches) = (null, null);
        if (_failure is { } failure) ExceptionDispatchInfo.Throw(failure);
        RestoreCacheSize();
    }

    public override async ValueTask DisposeAsync()
    {
        // Stops the writing thread before the transaction is rolled back or committed; a failure was reported by the flush.
        if (_consumer is not null)
        {
            _batches!.Writer.TryComplete();
            await _consumer;
        }

        _insert?.Dispose();
        _insertMany?.Dispose();
        _update?.Dispose();
        RestoreCacheSize();
    }

    // Puts the connection's page cache back before the commit (from the flush) or, after a failure, when disposed — unless
    // the connection is already closed (its cache went with it).
    private void RestoreCacheSize()
    {
        if (_cacheSize is not { } pages) return;
        _cacheSize = null;
        if (_handle.IsClosed || _handle.IsInvalid) return;
        Execute(string.Create(CultureInfo.InvariantCulture, $"PRAGMA cache_size = {pages}"));
    }

    // Rows go to SQLite on a thread of their own, in batches, while the import reads and checks the next ones: the
    // connection is used by that thread alone until the flush, and a failure surfaces at the next row or the flush.
    private async ValueTask AddAsync(T row, int expectedVersion, CancellationToken ct)
    {
        if (_failure is { } failure) ExceptionDispatchInfo.Throw(failure);
        if (_consumer is null)
        {
            _batches = Channel.CreateBounded<List<(T, int)>>(new BoundedChannelOptions(4) { SingleReader = true, SingleWriter = true });
            var reader = _batches.Reader;
            _consumer = Task.Run(() => ConsumeAsync(reader), CancellationToken.None);
        }

        _batch.Add((row, expectedVersion));
        if (_batch.Count >= BatchRows) await _batches!.Writer.WriteAsync(Take(), ct);
    }

    private List<(T, int)> Take()
    {
        var batch = _batch;
        _batch = new List<(T, int)>(BatchRows);
        return batch;
    }

    private async Task ConsumeAsync(ChannelReader<List<(T Row, int Expected)>> reader)
    {
        await foreach (var batch in reader.ReadAllAsync())
        {
            if (_failure is not null) continue;
            try
            {
                var i = 0;
                // Runs of new rows go in a few dozen per statement (the table's and indexes' cursors are opened once per
                // statement, not once per row); the rest one by one.
                for (; i + RowsPerInsert <= batch.Count; i += RowsPerInsert)
                {
                    if (!InsertRun(batch, i)) break;
                }

                for (; i < batch.Count; i++) Write(batch[i].Row, batch[i].Expected);
            }
            catch (Exception e)
            {
                // Kept for the import's thread (which rethrows it); the rest of the batches are read and dropped so it never waits.
                _failure = e;
            }
        }
    }

    // Writes rows start … start + RowsPerInsert − 1 with one statement when they are all new; false (nothing written) otherwise.
    private bool InsertRun(List<(T Row, int Expected)> batch, int start)
    {
        for (var i = start; i < start + RowsPerInsert; i++)
        {
            if (batch[i].Expected != Insert) return false;
        }

        _insertMany ??= Prepare(InsertSql(Position, RowsPerInsert));
        var columns = _columns.Length;
        for (var r = 0; r < RowsPerInsert; r++)
        {
            var row = batch[start + r].Row;
            for (var c = 0; c < columns; c++) Check(_columns[c].BindChanged(_insertMany, r, (r * columns) + c + 1, row));
        }

        Step(_insertMany);
        return true;
    }

    private void Write(T row, int expectedVersion)
    {
        if (expectedVersion == Insert)
        {
            _insert ??= Prepare(InsertSql(Position));
            for (var c = 0; c < _columns.Length; c++) Check(_columns[c].BindChanged(_insert, RowsPerInsert, c + 1, row));
            Step(_insert);
            return;
        }

        _update ??= Prepare(UpdateSql(Position));
        Bind(_update, row);
        Check(raw.sqlite3_bind_int64(_update, Shape.Columns.Count + 1, expectedVersion));
        Step(_update);
        if (raw.sqlite3_changes(_handle) != 1) throw Stale();
    }

    private long Pragma(string sql)
    {
        using var statement = Prepare(sql);
        return raw.sqlite3_step(statement) == raw.SQLITE_ROW ? raw.sqlite3_column_int64(statement, 0) : 0;
    }

    private void Execute(string sql) => Check(raw.sqlite3_exec(_handle, sql));

    // Numbered parameters (?1, ?2, …): bound by position, and the UPDATE can use the key's twice over.
    private static string Position(int i) => "?" + (i + 1).ToString(CultureInfo.InvariantCulture);

    private sqlite3_stmt Prepare(string sql)
    {
        Check(raw.sqlite3_prepare_v2(_handle, sql, out var statement));
        return statement;
    }

    private void Bind(sqlite3_stmt statement, T row)
    {
        for (var i = 0; i < _columns.Length; i++) Check(_columns[i].Bind(statement, i + 1, row));
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
