using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using SalesMentor.App.Data;

namespace SalesMentor.App.Import;

/// <summary>
/// Inserts many new rows of one entity on the context's connection and transaction, bypassing the
/// change tracker (which costs about ten times more per row). Tables, columns, quoting and value
/// conversions come from the EF model, so it works on both providers. SQLite runs in-process, so one
/// prepared single-row INSERT executed per row is fastest there (and Microsoft.Data.Sqlite checks
/// parameters in quadratic time, which rules out long statements); PostgreSQL gets multi-row
/// INSERTs, one round trip per few thousand rows. Only for new rows whose keys the application sets.
/// </summary>
internal static class BulkInsert
{
    // Bound parameters per statement: below SQLite's limit (32,766) and PostgreSQL's (65,535).
    private const int MaxParameters = 30_000;

    public static async Task InsertAsync<T>(SalesMentorDb db, IReadOnlyList<T> rows, CancellationToken ct) where T : class
    {
        if (rows.Count == 0) return;
        var entity = db.Model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not in the model.");
        var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        var columns = entity.GetProperties()
            .Select(p => (Property: p, Column: p.GetColumnName(table), Mapping: p.GetRelationalTypeMapping(), Getter: p.GetGetter()))
            .Where(c => c.Column is not null)
            .ToList();
        var helper = db.GetService<ISqlGenerationHelper>();
        var head = $"INSERT INTO {helper.DelimitIdentifier(table.Name, table.Schema)} ({string.Join(", ", columns.Select(c => helper.DelimitIdentifier(c.Column!)))}) VALUES ";
        var connection = db.Database.GetDbConnection();
        var transaction = db.Database.CurrentTransaction?.GetDbTransaction()
            ?? throw new InvalidOperationException("Bulk inserts run inside the import's transaction.");
        var rowsPerStatement = db.Database.IsSqlite() ? 1 : Math.Max(1, MaxParameters / columns.Count);
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        foreach (var chunk in rows.Chunk(rowsPerStatement))
        {
            command.Parameters.Clear();
            var text = new StringBuilder(head, head.Length + (chunk.Length * columns.Count * 8));
            var n = 0;
            for (var r = 0; r < chunk.Length; r++)
            {
                text.Append(r == 0 ? "(" : ", (");
                for (var c = 0; c < columns.Count; c++)
                {
                    var name = "@p" + n++.ToString(CultureInfo.InvariantCulture);
                    text.Append(c == 0 ? "" : ", ").Append(name);
                    var (property, _, mapping, getter) = columns[c];
                    command.Parameters.Add(mapping.CreateParameter(command, name, getter.GetClrValueUsingContainingEntity(chunk[r]), property.IsNullable));
                }

                text.Append(')');
            }

            // The same text keeps the statement SQLite prepared for the previous row.
            var sql = text.ToString();
            if (!string.Equals(command.CommandText, sql, StringComparison.Ordinal)) command.CommandText = sql;
            await command.ExecuteNonQueryAsync(ct);
        }
    }
}
