using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using SalesMentor.App.Data;

namespace SalesMentor.App.Import;

/// <summary>
/// PostgreSQL is across a socket, so rows travel in bulk: new rows are buffered and sent with one
/// binary <c>COPY</c> per few thousand, updates as one batch of statements per few hundred (one
/// round trip each). Both run on the import's connection and transaction.
/// </summary>
internal sealed class PostgresTableWriter<T> : TableWriter<T> where T : class
{
    private const int InsertBatch = 5_000;
    private const int UpdateBatch = 500;

    private readonly string[] _types;
    private readonly List<T> _inserts = [];
    private readonly List<(T Row, int Expected)> _updates = [];
    private string? _updateSql;

    public PostgresTableWriter(SalesMentorDb db) : base(db)
    {
        // The data type name each column is written as ("uuid", "character varying", "numeric", …), as EF would bind it.
        using var probe = new NpgsqlCommand();
        _types = [.. Shape.Columns.Select(c => ((NpgsqlParameter)c.Mapping.CreateParameter(probe, "p", c.Sample, c.Nullable)).DataTypeName
            ?? throw new InvalidOperationException($"No PostgreSQL type for column {c.Name}."))];
    }

    private NpgsqlConnection Connection => (NpgsqlConnection)Db.Database.GetDbConnection();

    public override async ValueTask InsertAsync(T row, CancellationToken ct)
    {
        _inserts.Add(row);
        if (_inserts.Count >= InsertBatch) await FlushInsertsAsync(ct);
    }

    public override async ValueTask UpdateAsync(T row, int expectedVersion, CancellationToken ct)
    {
        _updates.Add((row, expectedVersion));
        if (_updates.Count >= UpdateBatch) await FlushUpdatesAsync(ct);
    }

    public override async Task FlushAsync(CancellationToken ct)
    {
        await FlushInsertsAsync(ct);
        await FlushUpdatesAsync(ct);
    }

    public override ValueTask DisposeAsync() => ValueTask.CompletedTask;

    private async Task FlushInsertsAsync(CancellationToken ct)
    {
        if (_inserts.Count == 0) return;
        var copy = $"COPY {Shape.Table} ({string.Join(", ", Shape.Columns.Select(c => c.Name))}) FROM STDIN (FORMAT BINARY)";
        await using (var importer = await Connection.BeginBinaryImportAsync(copy, ct))
        {
            foreach (var row in _inserts)
            {
                await importer.StartRowAsync(ct);
                for (var i = 0; i < Shape.Columns.Count; i++)
                {
                    if (Shape.Columns[i].ProviderValue(row) is { } value) await importer.WriteAsync(value, _types[i], ct);
                    else await importer.WriteNullAsync(ct);
                }
            }

            await importer.CompleteAsync(ct);
        }

        _inserts.Clear();
    }

    private async Task FlushUpdatesAsync(CancellationToken ct)
    {
        if (_updates.Count == 0) return;
        _updateSql ??= UpdateSql(i => "$" + (i + 1).ToString(CultureInfo.InvariantCulture));
        await using var batch = new NpgsqlBatch(Connection);
        foreach (var (row, expected) in _updates)
        {
            var command = new NpgsqlBatchCommand(_updateSql);
            for (var i = 0; i < Shape.Columns.Count; i++)
            {
                command.Parameters.Add(new NpgsqlParameter { DataTypeName = _types[i], Value = Shape.Columns[i].ProviderValue(row) ?? DBNull.Value });
            }

            command.Parameters.Add(new NpgsqlParameter { DataTypeName = _types[Shape.Version], Value = expected });
            batch.BatchCommands.Add(command);
        }

        await batch.ExecuteNonQueryAsync(ct);
        var stale = false;
        foreach (var command in batch.BatchCommands) stale |= command.RecordsAffected != 1;
        _updates.Clear();
        if (stale) throw Stale();
    }
}
