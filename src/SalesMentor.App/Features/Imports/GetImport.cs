using Microsoft.EntityFrameworkCore;
using SalesMentor.App.Common;
using SalesMentor.App.Data;
using SalesMentor.App.Domain;
using SalesMentor.App.Import;
using SalesMentor.App.Security;

namespace SalesMentor.App.Features.Imports;

/// <summary>One import run with its errors; a staged one also with its columns and first rows.</summary>
public sealed class GetImport(SalesMentorDb db, DatabaseOptions options)
{
    public async Task<Result<ImportRunView>> HandleAsync(Actor actor, Guid id, CancellationToken ct)
    {
        if (!Access.CanAdminister(actor)) return ImportErrors.AdminOnly;
        var run = await db.ImportRuns.AsNoTracking().Include(r => r.Errors).SingleOrDefaultAsync(r => r.Id == id, ct);
        if (run is null) return Error.NotFound("import");
        var preview = run.Status == ImportStatus.Staged ? await ImportPreviews.ReadAsync(ImportStaging.FullPath(options, run.StagedPath), ct) : null;
        return ImportRunView.From(run, preview: preview);
    }
}
