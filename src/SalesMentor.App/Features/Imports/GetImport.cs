using Microsoft.EntityFrameworkCore;
using SalesMentor.App.Common;
using SalesMentor.App.Data;
using SalesMentor.App.Domain;
using SalesMentor.App.Import;
using SalesMentor.App.Security;

namespace SalesMentor.App.Features.Imports;

/// <summary>One import run with its errors; a staged one also with its columns and first rows.</summary>
public sealed class GetImport(SalesMentorDb db, DatabaseOptions options, AuditLog audit, TimeProvider clock, Microsoft.Extensions.Logging.ILogger<GetImport> logger)
{
    public async Task<Result<ImportRunView>> HandleAsync(Actor actor, Guid id, CancellationToken ct)
    {
        if (!Access.CanAdminister(actor)) return ImportErrors.AdminOnly;
        var run = await db.ImportRuns.AsNoTracking().Include(r => r.Errors).SingleOrDefaultAsync(r => r.Id == id, ct);
        if (run is null) return Error.NotFound("import");
        var path = ImportStaging.FullPath(options, run.StagedPath);
        ImportPreview? preview = null;
        if (run.Status == ImportStatus.Staged && run.Kind == ImportKinds.Roster) preview = await ImportPreviews.ReadAsync(path, ct);
        else if (run.Status == ImportStatus.Staged && path is not null && File.Exists(path))
        {
            await using var file = StagedRuns.Open(path);
            preview = await new SalesImportRunner(db, audit, clock, logger).PreviewAsync(run, file, ct);
        }

        return ImportRunView.From(run, preview: preview);
    }
}
