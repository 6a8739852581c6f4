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

    /// <summary>What of <paramref name="before"/> is not in <paramref name="after"/>: missing tables, and rows missing or changed.</summary>
    public static List<string> Lost(Dictionary<string, List<string>> before, Dictionary<string, List<string>> after)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        var lost = new List<string>();
        foreach (var (table, rows) in before)
        {
            if (!after.TryGetValue(table, out var now))
            {
                lost.Add($"table {table} ({rows.Count} rows) is gone");
                continue;
            }

            // A column a migration added is not a loss: compare each row on the columns it had before.
            var columns = rows.SelectMany(Cells).Select(NameOf).ToHashSet(StringComparer.Ordinal);
            var remaining = now.Select(r => r.Contains('\u001f', StringComparison.Ordinal)
                    ? string.Concat(Cells(r).Where(c => columns.Contains(NameOf(c))).Select(c => c + '\u001f'))
                    : r)
                .GroupBy(r => r, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
            foreach (var row in rows)
            {
                if (remaining.TryGetValue(row, out var count) && count > 0) remaining[row] = count - 1;
                else lost.Add($"{table}: row lost or changed: {row.Replace('\u001f', ' ')}");
            }
        }

        return lost;
    }

    private static string[] Cells(string row) => row.Split('\u001f', StringSplitOptions.RemoveEmptyEntries);

    private static string NameOf(string cell) => cell.IndexOf('=', StringComparison.Ordinal) is var i and >= 0 ? cell[..i] : cell;

    private static string Text(object? value) => value switch
    {
        null or DBNull => "NULL",
        byte[] bytes => Convert.ToHexString(bytes),
        DateTime time => time.ToString("O", CultureInfo.InvariantCulture),
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };
}
