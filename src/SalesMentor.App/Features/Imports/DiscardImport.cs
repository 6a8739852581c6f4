using Microsoft.EntityFrameworkCore;
using SalesMentor.App.Common;
using SalesMentor.App.Data;
using SalesMentor.App.Domain;
using SalesMentor.App.Import;
using SalesMentor.App.Security;

namespace SalesMentor.App.Features.Imports;

/// <summary>Drops a staged import: its file and its record go; nothing was imported. The audit log keeps that it happened.</summary>
public sealed class DiscardImport(SalesMentorDb db, AuditLog audit, DatabaseOptions options)
{
    public async Task<Result<Done>> HandleAsync(Actor actor, Guid id, CancellationToken ct)
    {
        if (!Access.CanAdminister(actor)) return ImportErrors.AdminOnly;
        var run = await db.ImportRuns.SingleOrDefaultAsync(r => r.Id == id, ct);
        if (run is null) return Error.NotFound("import");
        if (run.Status != ImportStatus.Staged)
        {
            return Error.Conflict("import.not_staged", "Only an import that waits for confirmation can be discarded; this one has ended and stays in the history.");
        }

        var path = ImportStaging.FullPath(options, run.StagedPath);
        db.ImportRuns.Remove(run);
        audit.Record(actor, $"import.{run.Kind}.discard", "import", id.ToString(), ImportRunRecord.Counts(run));
        await db.SaveChangesAsync(ct);
        ImportStaging.Delete(path);
        return Done.Value;
    }
}
