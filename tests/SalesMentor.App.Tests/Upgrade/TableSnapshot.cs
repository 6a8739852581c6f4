using System.Data.Common;
using System.Globalization;
using System.Text;

namespace SalesMentor.App.Tests.Upgrade;

/// <summary>
/// Every row of every table, each written as text (column order as stored), so a test can say
/// "every row that was there before the upgrade is still there, unchanged".
/// </summary>
internal static class TableSnapshot
{
    public static async Task<Dictionary<string, List<string>>> ReadAsync(DbConnection connection, bool postgres)
    {
        ArgumentNullException.ThrowIfNull(connection);
        if (connection.State != System.Data.ConnectionState.Open) await connection.OpenAsync();
        var tables = new List<string>();
        await using (var command = connection.CreateCommand())
        {
            command.CommandText = postgres
                ? "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'"
                : "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'";
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync()) tables.Add(reader.GetString(0));
        }

        var snapshot = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var table in tables)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = $"SELECT * FROM \"{table}\"";
            await using var reader = await command.ExecuteReaderAsync();
            var rows = new List<string>();
            while (await reader.ReadAsync())
            {
                var row = new StringBuilder();
                for (var i = 0; i < reader.FieldCount; i++) row.Append(reader.GetName(i)).Append('=').Append(Text(reader.GetValue(i))).Append('\u001f');
                rows.Add(row.ToString());
            }

            rows.Sort(StringComparer.Ordinal);
            snapshot[table] = rows;
        }

        return snapshot;
    }

    /// <summary>
    /// What of <paramref name="before"/> is not in <paramref name="after"/>: missing tables, and rows missing or changed.
    /// Columns added since (a migration's new nullable or defaulted column) are not changes: the rows after are compared
    /// on the columns that were there before, in their order then.
    /// </summary>
    public static List<string> Lost(Dictionary<string, List<string>> before, Dictionary<string, List<string>> after)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        var lost = new List<string>();
        foreach (var (table, rowsBefore) in before)
        {
            var rows = rowsBefore;
            if (!after.TryGetValue(table, out var now))
            {
                lost.Add($"table {table} ({rows.Count} rows) is gone");
                continue;
            }

            var columns = ColumnsOf(rows);
            if (columns is not null) (rows, now) = ([.. rows.Select(r => Project(r, columns))], [.. now.Select(r => Project(r, columns))]);
            var remaining = now.GroupBy(r => r, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
            foreach (var row in rows)
            {
                if (remaining.TryGetValue(row, out var count) && count > 0) remaining[row] = count - 1;
                else lost.Add($"{table}: row lost or changed: {row.Replace('\u001f', ' ')}");
            }
        }

        return lost;
    }

    // The column names of a table's rows ("name=value" cells), or null when they are not written that way.
    private static List<string>? ColumnsOf(List<string> rows)
    {
        if (rows.Count == 0) return null;
        var cells = rows[0].Split('\u001f', StringSplitOptions.RemoveEmptyEntries);
        return cells.All(c => c.Contains('=', StringComparison.Ordinal)) ? [.. cells.Select(c => c[..c.IndexOf('=', StringComparison.Ordinal)])] : null;
    }

    private static string Project(string row, List<string> columns)
    {
        var cells = row.Split('\u001f', StringSplitOptions.RemoveEmptyEntries).Where(c => c.Contains('=', StringComparison.Ordinal))
            .GroupBy(c => c[..c.IndexOf('=', StringComparison.Ordinal)], StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var projected = new StringBuilder();
        foreach (var column in columns)
        {
            if (!cells.TryGetValue(column, out var cell)) return row;   // a column was dropped: the row is not the same
            projected.Append(cell).Append('\u001f');
        }

        return projected.ToString();
    }

    private static string Text(object? value) => value switch
    {
        null or DBNull => "NULL",
        byte[] bytes => Convert.ToHexString(bytes),
        DateTime time => time.ToString("O", CultureInfo.InvariantCulture),
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };
}
