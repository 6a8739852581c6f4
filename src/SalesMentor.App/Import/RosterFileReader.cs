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
        var table = new CsvTableReader(source, maxBytes, progress);
        if (await table.ReadHeaderAsync(ct))
        {
            var problems = new List<string>();
            file.Columns = RosterColumns.Read(table.Header!, problems);
            file.FileProblems.AddRange(problems.Select(p => new ImportProblem(table.HeaderLine, null, p)));
        }

        if (file.Columns is { } columns)
        {
            var parser = new RosterRowParser(columns);
            var cells = new List<string>();
            var shapeProblems = 0;
            int line;
            while ((line = await table.ReadRowAsync(cells, ct)) > 0)
            {
                if (table.DataRows > RosterFile.MaxRows)
                {
                    file.FileProblems.Add(new ImportProblem(line, null, "The file has more than 200,000 rows; a roster import takes at most that many. Split the file."));
                    break;
                }

                if (!CsvTableReader.HasHeaderShape(cells, columns.Headers.Count))
                {
                    file.FileProblems.Add(new ImportProblem(line, null, CsvTableReader.ShapeProblem(line, cells.Count, columns.Headers.Count)));
                    if (++shapeProblems >= RosterFile.MaxShapeProblems) break;
                    continue;
                }

                file.Rows.Add(parser.Parse(line, cells, file.RowProblems));
            }
        }

        file.DataRows = table.DataRows;
        file.EncodingName = table.EncodingName;
        file.Bytes = table.Bytes;
        file.TooLarge = table.TooLarge;
        if (table.Problem is { } problem) file.FileProblems.Add(problem);
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
        var table = new CsvTableReader(source);
        if (!await table.ReadHeaderAsync(ct)) return ([], null, []);
        var columns = RosterColumns.Read(table.Header!, []);
        var found = new List<(int, IReadOnlyList<string>)>();
        var cells = new List<string>();
        int line;
        while (found.Count < rows && (line = await table.ReadRowAsync(cells, ct)) > 0) found.Add((line, [.. cells]));
        return (table.Header!, columns, found);
    }
}
