namespace SalesMentor.App.Import;

/// <summary>
/// A roster file, read: its columns, its rows (values only; the file's text is not kept), the
/// problems found in single rows, and — when the file as a whole cannot be imported — why.
/// </summary>
internal sealed class RosterFile
{
    /// <summary>The most data rows one roster file may have: memory stays bounded, and no sales organization is larger.</summary>
    public const int MaxRows = 200_000;

    /// <summary>Rows with a different cell count listed before the reading gives up.</summary>
    public const int MaxShapeProblems = 100;

    public RosterColumns? Columns { get; set; }
    public List<RosterRow> Rows { get; } = [];

    /// <summary>Problems of single rows (a bad date, a missing name, …).</summary>
    public List<ImportProblem> RowProblems { get; } = [];

    /// <summary>Problems that stop the whole file (no header, unbalanced quotes, a short row, …). Empty when the file is readable.</summary>
    public List<ImportProblem> FileProblems { get; } = [];

    public string EncodingName { get; set; } = "UTF-8";
    public long Bytes { get; set; }
    public bool TooLarge { get; set; }

    /// <summary>Data rows read, blank lines not counted.</summary>
    public int DataRows { get; set; }

    public bool IsReadable => FileProblems.Count == 0 && !TooLarge && Columns is not null;

    /// <summary>Notes for the run: the encoding, and the columns that were ignored.</summary>
    public IEnumerable<string> Notices()
    {
        yield return $"Read as {EncodingName}.";
        if (Columns is { Ignored.Count: > 0 } columns)
        {
            var names = string.Join(", ", columns.Ignored.Select(c => $"'{Features.People.PersonRules.Shorten(c)}'"));
            yield return $"Ignored {(columns.Ignored.Count == 1 ? "a column" : columns.Ignored.Count + " columns")} that a roster does not use: {names}.";
        }
    }
}
