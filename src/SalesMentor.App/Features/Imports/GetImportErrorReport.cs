using Microsoft.EntityFrameworkCore;
using SalesMentor.App.Common;
using SalesMentor.App.Data;
using SalesMentor.App.Export;
using SalesMentor.App.Security;

namespace SalesMentor.App.Features.Imports;

/// <summary>
/// An import's problems as CSV (line, column, reason) to fix the file by. Reasons quote the file's
/// cells, so text that a spreadsheet would run as a formula is neutralised like every export.
/// </summary>
public sealed class GetImportErrorReport(SalesMentorDb db)
{
    private static readonly string[] Columns = ["line", "column", "reason"];

    public async Task<Result<ExportFile>> HandleAsync(Actor actor, Guid id, CancellationToken ct)
    {
        if (!Access.CanAdminister(actor)) return ImportErrors.AdminOnly;
        var run = await db.ImportRuns.AsNoTracking().Where(r => r.Id == id).Select(r => new { r.Id, r.StartedAt, r.Kind }).SingleOrDefaultAsync(ct);
        if (run is null) return Error.NotFound("import");
        var errors = await db.ImportRowErrors.AsNoTracking().Where(e => e.ImportRunId == id)
            .OrderBy(e => e.Line).ThenBy(e => e.Id).Select(e => new { e.Line, e.Column, e.Reason }).ToListAsync(ct);
        var rows = errors.Select(e => new object?[] { e.Line, e.Column, e.Reason });
        return TableExport.Write("csv", string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{run.Kind}-import-{run.StartedAt:yyyy-MM-dd}-{run.Id.ToString("N")[..8]}-errors"), Columns, rows);
    }
}
