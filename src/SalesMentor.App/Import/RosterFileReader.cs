namespace SalesMentor.App.Import;

/// <summary>
/// Reads a roster file from a stream in one forward pass (the stream need not seek): encoding,
/// CSV records, header, then each row checked on its own. Memory grows with the number of rows,
/// not with the size of the file, and the number of rows is capped (<see cref="RosterFile.MaxRows"/>).
/// </summary>
internal static class RosterFileReader
{
    public static async Task<RosterFile> ReadAsync(Stream source, long? maxBytes, IProgress<long>? progress, CancellationToken ct)
    {
        var file = new RosterFile();
        var decoder = new DetectingDecoder(source, maxBytes, progress);
        var csv = new CsvRecordReader(decoder);
        var cells = new List<string>();
        RosterRowParser? parser = null;
        var shapeProblems = 0;
        int line;
        while ((line = await csv.ReadAsync(cells, ct)) > 0)
        {
            if (cells.TrueForAll(string.IsNullOrWhiteSpace)) continue;
            if (file.Columns is null)
            {
                var problems = new List<string>();
                file.Columns = RosterColumns.Read(cells, problems);
                file.FileProblems.AddRange(problems.Select(p => new ImportProblem(line, null, p)));
                if (file.Columns is null) break;
                parser = new RosterRowParser(file.Columns);
                continue;
            }

            file.DataRows++;
            if (file.DataRows > RosterFile.MaxRows)
            {
                file.FileProblems.Add(new ImportProblem(line, null, "The file has more than 200,000 rows; a roster import takes at most that many. Split the file."));
                break;
            }

            if (!HasHeaderShape(cells, file.Columns.Headers.Count))
            {
                file.FileProblems.Add(new ImportProblem(line, null,
                    $"Line {line} has {cells.Count} cells, but the header has {file.Columns.Headers.Count}. A comma inside a value needs quotes around the value."));
                if (++shapeProblems >= RosterFile.MaxShapeProblems) break;
                continue;
            }

            file.Rows.Add(parser!.Parse(line, cells, file.RowProblems));
        }

        file.EncodingName = decoder.EncodingName;
        file.Bytes = decoder.BytesRead;
        file.TooLarge = decoder.TooLarge;
        if (csv.Problem is { } problem) file.FileProblems.Add(new ImportProblem(problem.Line, null, problem.Reason));
        if (file.Columns is null && file.FileProblems.Count == 0 && !file.TooLarge)
        {
            file.FileProblems.Add(new ImportProblem(0, null, "The file is empty. A roster is a CSV file whose first line names the columns (at least name), with one person per line after it."));
        }
        else if (file.IsReadable && file.DataRows == 0)
        {
            file.FileProblems.Add(new ImportProblem(0, null, "The file has a header but no rows of people."));
        }

        return file;
    }

    /// <summary>
    /// The header, the meaning of each column and the first rows as cells, for a preview. Reads only
    /// as far as it needs. Empty when the file cannot be read.
    /// </summary>
    public static async Task<(IReadOnlyList<string> Headers, RosterColumns? Columns, IReadOnlyList<(int Line, IReadOnlyList<string> Cells)> Rows)> PreviewAsync(
        Stream source, int rows, CancellationToken ct)
    {
        var csv = new CsvRecordReader(new DetectingDecoder(source));
        var cells = new List<string>();
        var found = new List<(int, IReadOnlyList<string>)>();
        IReadOnlyList<string> headers = [];
        RosterColumns? columns = null;
        int line;
        while (found.Count < rows && (line = await csv.ReadAsync(cells, ct)) > 0)
        {
            if (cells.TrueForAll(string.IsNullOrWhiteSpace)) continue;
            if (headers.Count == 0)
            {
                headers = [.. cells];
                columns = RosterColumns.Read(cells, []);
                continue;
            }

            found.Add((line, [.. cells]));
        }

        return (headers, columns, found);
    }

    // Extra cells at the end are allowed when they are empty (spreadsheets add trailing commas).
    private static bool HasHeaderShape(List<string> cells, int headers) =>
        cells.Count == headers || (cells.Count > headers && cells.Skip(headers).All(string.IsNullOrWhiteSpace));
}
