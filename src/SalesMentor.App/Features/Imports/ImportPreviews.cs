using SalesMentor.App.Features.People;
using SalesMentor.App.Import;
using SalesMentor.Core.Text;

namespace SalesMentor.App.Features.Imports;

/// <summary>The columns and first rows of a staged file, read again from the file (never stored).</summary>
internal static class ImportPreviews
{
    public const int Rows = 10;

    public static async Task<ImportPreview?> ReadAsync(string? path, CancellationToken ct)
    {
        if (path is null || !File.Exists(path)) return null;
        await using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 4096, FileOptions.Asynchronous);
        var (headers, columns, rows) = await RosterFileReader.PreviewAsync(stream, Rows, ct);
        var columnViews = headers
            .Select((header, i) => new ImportColumnView(i + 1, Show(header)!, columns?.FieldAt(i) is { } field ? RosterColumns.Describe(field) : null))
            .ToList();
        var read = Enumerable.Range(0, headers.Count).Where(i => columns?.FieldAt(i) is not null).ToList();
        var fields = read.Select(i => RosterColumns.Describe(columns!.FieldAt(i)!.Value)).ToList();
        var previewRows = rows
            .Select(r => new ImportPreviewRow(r.Line, read.Select(i => i < r.Cells.Count ? Show(RosterRowParser.Clean(r.Cells[i])) : null).ToList()))
            .ToList();
        return new ImportPreview(columnViews, fields, previewRows);
    }

    private static string? Show(string? cell) => cell is null ? null : TextFold.WellFormed(PersonRules.Shorten(cell));
}
