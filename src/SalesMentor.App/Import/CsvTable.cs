namespace SalesMentor.App.Import;

/// <summary>A CSV row with the 1-based line it starts on.</summary>
internal sealed record CsvRow(int Line, IReadOnlyList<string> Cells);

/// <summary>
/// A small CSV file read whole: the header (trimmed, lower-case) and the rows after it, each with its line, blank rows
/// skipped. Encoding detection and quoting follow <see cref="CsvRecordReader"/>; a file that cannot be read gives a
/// <see cref="Problem"/> with its line (0 for the whole file).
/// </summary>
internal sealed class CsvTable
{
    public IReadOnlyList<string> Header { get; private set; } = [];
    public List<CsvRow> Rows { get; } = [];
    public (int Line, string Message)? Problem { get; private set; }

    /// <summary>The index of the first header among <paramref name="names"/>, or −1.</summary>
    public int Column(params string[] names) => names.Select(n => Header.ToList().IndexOf(n)).FirstOrDefault(i => i >= 0, -1);

    public static async Task<CsvTable> ReadAsync(Stream source, long maxBytes, int maxRows, CancellationToken ct)
    {
        var table = new CsvTable();
        var decoder = new DetectingDecoder(source, maxBytes);
        var csv = new CsvRecordReader(decoder);
        var cells = new List<string>();
        int line;
        while ((line = await csv.ReadAsync(cells, ct)) > 0)
        {
            if (cells.TrueForAll(string.IsNullOrWhiteSpace)) continue;
            if (table.Header.Count == 0)
            {
                table.Header = [.. cells.Select(c => c.Trim().TrimStart('\uFEFF').ToLowerInvariant())];
                continue;
            }

            if (table.Rows.Count >= maxRows)
            {
                table.Problem = (line, $"The file has more than {maxRows:N0} rows.");
                return table;
            }

            table.Rows.Add(new CsvRow(line, [.. cells]));
        }

        if (decoder.TooLarge) table.Problem = (0, $"The file is larger than {maxBytes / (1024 * 1024):N0} MB.");
        else if (decoder.Problem is { } text) table.Problem = (csv.Line, text);
        else if (csv.Problem is { } problem) table.Problem = (problem.Line, problem.Reason);
        else if (table.Header.Count == 0) table.Problem = (0, "The file is empty: the first line names the columns.");
        return table;
    }

    /// <summary>The cell at <paramref name="index"/>, trimmed; empty when the row is shorter.</summary>
    public static string Cell(CsvRow row, int index) => index >= 0 && index < row.Cells.Count ? row.Cells[index].Trim() : "";
}
