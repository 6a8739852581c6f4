namespace SalesMentor.App.Import.Crm;

/// <summary>
/// Reads the cells of one data row for a format: each value checked on its own, every problem
/// recorded with the line, the column as the file names it, and the reason; the row is bad when
/// any value is. One instance serves every row of a file.
/// </summary>
internal sealed class RowReader(ProblemList problems, OrgContext org)
{
    private IReadOnlyList<string> _cells = [];

    public OrgContext Org { get; } = org;

    public int Line { get; private set; }

    /// <summary>True once a value of the current row had a problem.</summary>
    public bool Bad { get; private set; }

    public void Start(int line, IReadOnlyList<string> cells)
    {
        Line = line;
        _cells = cells;
        Bad = false;
    }

    /// <summary>The raw cell of <paramref name="column"/>; null when the file has no such column.</summary>
    public string? Cell(Column column) => column.Index >= 0 && column.Index < _cells.Count ? _cells[column.Index] : null;

    public void Problem(Column column, string reason)
    {
        Bad = true;
        problems.Add(Line, column.Exists ? column.Header : null, reason);
    }

    public string? Text(Column column, int max, string what) => Check(column, CellText.Text(Cell(column), max, what, out var p), p);

    public bool Bool(Column column, string what) => Check(column, CellText.Bool(Cell(column), what, out var p), p);

    public int? Whole(Column column, int min, int max, string what) => Check(column, CellText.Whole(Cell(column), min, max, what, out var p), p);

    public DateOnly? IsoDate(Column column, string what) => Check(column, CellDate.Iso(Cell(column), Org.Zone, what, out var p), p);

    public DateOnly? ReportDate(Column column, string what) => Check(column, CellDate.Report(Cell(column), Org.Zone, what, out var p), p);

    public DateOnly? Date(Column column, string format, string what) => Check(column, CellDate.WithFormat(Cell(column), format, Org.Zone, what, out var p), p);

    public decimal? Plain(Column column, char decimalSeparator, bool allowNegative, string what, string? negativeHint = null, int decimals = 4) =>
        Check(column, CellAmount.Plain(Cell(column), decimalSeparator, allowNegative, what, out var p, negativeHint, decimals), p);

    public decimal? Formatted(Column column, bool allowNegative, string what, out string? currency, string? negativeHint = null) =>
        Check(column, CellAmount.Formatted(Cell(column), allowNegative, CellAmount.DollarFor(Org.CorporateCurrency), what, out currency, out var p, negativeHint), p);

    /// <summary>An ISO 4217 code (any case in the file, stored upper case); <paramref name="fallback"/> when the cell is empty or missing.</summary>
    public string Currency(Column column, string fallback)
    {
        var text = Cell(column)?.Trim() ?? "";
        if (text.Length == 0) return fallback;
        var code = text.ToUpperInvariant();
        if (Common.Currencies.IsWellFormed(code)) return code;
        Problem(column, $"'{CellText.Short(text)}' is not a currency code; write three letters such as USD or EUR.");
        return fallback;
    }

    private T Check<T>(Column column, T value, string? problem)
    {
        if (problem is not null) Problem(column, problem);
        return value;
    }
}
