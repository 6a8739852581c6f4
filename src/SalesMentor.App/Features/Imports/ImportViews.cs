using System.Text.Json.Serialization;
using SalesMentor.App.Domain;
using SalesMentor.App.Import.Crm;

namespace SalesMentor.App.Features.Imports;

/// <summary>A problem with the file: 1-based line (0 for the file as a whole), the column as the file names it, and the reason.</summary>
public sealed record ImportErrorView(int Line, string? Column, string Reason);

/// <summary>A column of the uploaded file and what it is read as (null: ignored).</summary>
public sealed record ImportColumnView(int Position, string Header, string? ReadAs);

/// <summary>
/// One of the first rows of a staged file: the cells of the columns the import reads, in
/// <see cref="ImportPreview.Fields"/> order; for sales data also the values as the import
/// understood them (<see cref="ImportPreview.ParsedFields"/> order) and the row's problems.
/// </summary>
public sealed record ImportPreviewRow(int Line, IReadOnlyList<string?> Values, IReadOnlyList<string?>? Parsed = null, IReadOnlyList<string>? Problems = null);

/// <summary>The columns found and the first rows of a staged file: the raw cells and — for sales data — the parsed result side by side.</summary>
public sealed record ImportPreview(IReadOnlyList<ImportColumnView> Columns, IReadOnlyList<string> Fields, IReadOnlyList<ImportPreviewRow> Rows, IReadOnlyList<string>? ParsedFields = null);

/// <summary>
/// One import run. While <see cref="ImportStatus.Staged"/>, the counts and errors say what
/// importing it would do; afterwards, what it did. A dry run is never stored.
/// </summary>
public sealed record ImportRunView(
    Guid Id, string Kind, string FileName, long FileSize,
    [property: JsonConverter(typeof(JsonStringEnumConverter<ImportStatus>))] ImportStatus Status,
    bool SkipBadRows, bool DryRun, int Rows, int Added, int Updated, int Unchanged, int RejectedRows,
    string? Notice, string ActorName, DateTime StartedAt, DateTime? FinishedAt,
    IReadOnlyList<ImportErrorView> Errors, ImportPreview? Preview = null,
    string? Format = null, ImportSettings? Settings = null, ImportReport? Report = null)
{
    /// <summary>Staged with bad rows and without "skip bad rows": importing it as it is writes nothing.</summary>
    public bool WouldBeRejected => Status == ImportStatus.Staged && !SkipBadRows && RejectedRows > 0;

    public static ImportRunView From(ImportRun run, bool dryRun = false, ImportPreview? preview = null)
    {
        ArgumentNullException.ThrowIfNull(run);
        return new ImportRunView(
            run.Id, run.Kind, run.FileName, run.FileSize, run.Status, run.SkipBadRows, dryRun, run.Rows, run.Added, run.Updated,
            run.Unchanged, run.RejectedRows, run.Notice, run.ActorName, run.StartedAt, run.FinishedAt,
            [.. run.Errors.OrderBy(e => e.Line).ThenBy(e => e.Id).Select(e => new ImportErrorView(e.Line, e.Column, e.Reason))], preview,
            run.Format, ImportSettings.FromJson(run.SettingsJson), ReportOf(run.ReportJson));
    }

    private static ImportReport? ReportOf(string? json)
    {
        if (string.IsNullOrEmpty(json)) return null;
        try { return System.Text.Json.JsonSerializer.Deserialize<ImportReport>(json, ImportMapping.Json); }
        catch (System.Text.Json.JsonException) { return null; }
    }
}

/// <summary>A line of the import history.</summary>
public sealed record ImportRunRow(
    Guid Id, string Kind, string? Format, string FileName, long FileSize,
    [property: JsonConverter(typeof(JsonStringEnumConverter<ImportStatus>))] ImportStatus Status,
    int Rows, int Added, int Updated, int Unchanged, int RejectedRows, int Errors, string ActorName, DateTime StartedAt, DateTime? FinishedAt);
