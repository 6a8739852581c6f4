using System.Data.Common;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using SalesMentor.App.Data;

namespace SalesMentor.App.Import;

/// <summary>
/// SQLite runs in-process, so one prepared single-row statement executed per row is the fastest
/// way in (Microsoft.Data.Sqlite checks parameters in quadratic time, which rules out long
/// multi-row statements). Each command and its parameters are made once; per row only the values
/// change, so SQLite keeps the statement it prepared.
/// </summary>
internal sealed class SqliteTableWriter<T> : TableWriter<T> where T : class
{
    private DbCommand? _insert;
    private DbCommand? _update;

    public SqliteTableWriter(SalesMentorDb db) : base(db) { }

    public override async ValueTask InsertAsync(T row, CancellationToken ct)
    {
        _insert ??= Prepare(InsertSql(Name), withVersion: false);
        Bind(_insert, row);
        await _insert.ExecuteNonQueryAsync(ct);
    }

    public override async ValueTask UpdateAsync(T row, int expectedVersion, CancellationToken ct)
    {
        _update ??= Prepare(UpdateSql(Name), withVersion: true);
        Bind(_update, row);
        _update.Parameters[Shape.Columns.Count].Value = expectedVersion;
        if (await _update.ExecuteNonQueryAsync(ct) != 1) throw Stale();
    }

    public override Task FlushAsync(CancellationToken ct) => Task.CompletedTask;

    public override async ValueTask DisposeAsync()
    {
        if (_insert is not null) await _insert.DisposeAsync();
        if (_update is not null) await _update.DisposeAsync();
    }

    private static string Name(int i) => "@p" + i.ToString(CultureInfo.InvariantCulture);

    private DbCommand Prepare(string sql, bool withVersion)
    {
        var command = Db.Database.GetDbConnection().CreateCommand();
        command.Transaction = Db.Database.CurrentTransaction!.GetDbTransaction();
        command.CommandText = sql;
        for (var i = 0; i < Shape.Columns.Count; i++)
        {
            // A sample value lets the type mapping set the parameter's type (e.g. GUIDs as TEXT, as EF stores them).
            var column = Shape.Columns[i];
            command.Parameters.Add(column.Mapping.CreateParameter(command, Name(i), column.Sample, column.Nullable));
        }

        if (withVersion) command.Parameters.Add(Shape.Columns[Shape.Version].Mapping.CreateParameter(command, Name(Shape.Columns.Count), 0, false));
        return command;
    }

    private void Bind(DbCommand command, T row)
    {
        for (var i = 0; i < Shape.Columns.Count; i++) command.Parameters[i].Value = Shape.Columns[i].ProviderValue(row) ?? DBNull.Value;
    }
}
