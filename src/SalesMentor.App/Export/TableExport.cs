using System.Globalization;
using System.Text;
using MiniExcelLibs;
using SalesMentor.Core.Text;

namespace SalesMentor.App.Export;

/// <summary>A file to download.</summary>
public sealed record ExportFile(string FileName, string ContentType, byte[] Content);

/// <summary>
/// Writes rows as CSV (UTF-8 with BOM, so spreadsheets read accents right) or XLSX. Text cells
/// are neutralised against formula injection; numbers and dates keep their type.
/// </summary>
public static class TableExport
{
    public static ExportFile Write(string format, string baseName, IReadOnlyList<string> headers, IEnumerable<object?[]> rows)
    {
        ArgumentNullException.ThrowIfNull(headers);
        ArgumentNullException.ThrowIfNull(rows);
        return string.Equals(format, "xlsx", StringComparison.OrdinalIgnoreCase)
            ? new ExportFile(baseName + ".xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", Xlsx(headers, rows))
            : new ExportFile(baseName + ".csv", "text/csv; charset=utf-8", Csv(headers, rows));
    }

    public static bool IsKnownFormat(string? format) => format is not null &&
        (format.Equals("csv", StringComparison.OrdinalIgnoreCase) || format.Equals("xlsx", StringComparison.OrdinalIgnoreCase));

    private static byte[] Csv(IReadOnlyList<string> headers, IEnumerable<object?[]> rows)
    {
        var text = new StringBuilder();
        text.AppendJoin(',', headers.Select(Quote)).Append("\r\n");
        foreach (var row in rows)
        {
            text.AppendJoin(',', row.Select(cell => Quote(CsvCell(cell)))).Append("\r\n");
        }

        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text.ToString())];
    }

    private static string CsvCell(object? cell) => cell switch
    {
        null => "",
        string s => SpreadsheetText.Neutralize(s)!,
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        DateTime t => t.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
        bool b => b ? "true" : "false",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => SpreadsheetText.Neutralize(cell.ToString()) ?? "",
    };

    private static string Quote(string value) =>
        value.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;

    private static byte[] Xlsx(IReadOnlyList<string> headers, IEnumerable<object?[]> rows)
    {
        var sheet = rows.Select(row =>
        {
            var record = new Dictionary<string, object?>(headers.Count);
            for (var i = 0; i < headers.Count; i++)
            {
                record[headers[i]] = row[i] switch
                {
                    string s => SpreadsheetText.Neutralize(s),
                    DateOnly d => d.ToDateTime(TimeOnly.MinValue),
                    var other => other,
                };
            }

            return record;
        });
        using var stream = new MemoryStream();
        stream.SaveAs(sheet, printHeader: true);
        return stream.ToArray();
    }
}
