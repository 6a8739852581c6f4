namespace SalesMentor.App.Import;

/// <summary>
/// A CSV file as a table, read in one forward pass: the text encoding is found as the bytes come
/// (<see cref="DetectingDecoder"/>), blank lines are skipped, the first other line is the header
/// and every later one a data row with the line it starts on. Holds one record at a time, never
/// the file. Shared by every import.
/// </summary>
internal sealed class CsvTableReader
{
    private readonly DetectingDecoder _decoder;
    private readonly CsvRecordReader _csv;

    public CsvTableReader(Stream source, long? maxBytes = null, IProgress<long>? progress = null)
    {
        _decoder = new DetectingDecoder(source, maxBytes, progress);
        _csv = new CsvRecordReader(_decoder);
        Length = source.CanSeek ? Math.Max(0, source.Length - source.Position) : null;
    }

    /// <summary>The file's size in bytes when the source knows it (a file, not an HTTP request body); null otherwise.</summary>
    public long? Length { get; }

    /// <summary>
    /// About how many data rows the file holds, from the share of it read so far; null when its size is not known or
    /// less than <paramref name="sample"/> bytes have been read (too little to judge by).
    /// </summary>
    public long? EstimatedRows(long sample) =>
        Length is { } length && Bytes >= sample && DataRows > 0 ? (long)Math.Ceiling(DataRows * (double)length / Bytes) : null;

    /// <summary>The header cells as written, trimmed (a stray byte order mark removed); null before it is read or when the file has none.</summary>
    public IReadOnlyList<string>? Header { get; private set; }

    /// <summary>The line the header is on.</summary>
    public int HeaderLine { get; private set; }

    /// <summary>Data rows returned so far (blank lines not counted).</summary>
    public int DataRows { get; private set; }

    public string EncodingName => _decoder.EncodingName;
    public long Bytes => _decoder.BytesRead;
    public bool TooLarge => _decoder.TooLarge;

    /// <summary>Why reading stopped early (unbalanced quotes, bad bytes, …); null after a clean end.</summary>
    public ImportProblem? Problem => _csv.Problem is { } p ? new ImportProblem(p.Line, null, p.Reason) : null;

    /// <summary>Reads up to the header; false when the file has no non-blank line (or cannot be read).</summary>
    public async ValueTask<bool> ReadHeaderAsync(CancellationToken ct)
    {
        var cells = new List<string>();
        int line;
        while ((line = await _csv.ReadAsync(cells, ct)) > 0)
        {
            if (IsBlank(cells)) continue;
            Header = [.. cells.Select(h => h.Trim().TrimStart('\uFEFF').Trim())];
            HeaderLine = line;
            return true;
        }

        return false;
    }

    /// <summary>Reads the next non-blank data row into <paramref name="cells"/>; returns its first line, or 0 at the end.</summary>
    public async ValueTask<int> ReadRowAsync(List<string> cells, CancellationToken ct)
    {
        int line;
        while ((line = await _csv.ReadAsync(cells, ct)) > 0)
        {
            if (IsBlank(cells)) continue;
            DataRows++;
            return line;
        }

        return 0;
    }

    /// <summary>A line with no cells, or only empty or white-space ones.</summary>
    public static bool IsBlank(List<string> cells) => cells.TrueForAll(string.IsNullOrWhiteSpace);

    /// <summary>The row has the header's cells; extra cells at the end are fine when empty (spreadsheets add trailing commas).</summary>
    public static bool HasHeaderShape(List<string> cells, int headers)
    {
        ArgumentNullException.ThrowIfNull(cells);
        if (cells.Count == headers) return true;
        if (cells.Count < headers) return false;
        for (var i = headers; i < cells.Count; i++)
        {
            if (!string.IsNullOrWhiteSpace(cells[i])) return false;
        }

        return true;
    }

    /// <summary>The message for a row whose cells do not match the header.</summary>
    public static string ShapeProblem(int line, int cells, int headers) =>
        $"Line {line} has {cells} cells, but the header has {headers}. A comma inside a value needs quotes around the value.";
}
