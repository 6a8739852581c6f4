using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using SalesMentor.App.Common;
using SalesMentor.App.Data;
using SalesMentor.App.Domain;
using SalesMentor.App.Import;
using SalesMentor.App.Security;

namespace SalesMentor.App.Features.Imports;

/// <summary>
/// Staged uploads nobody imported or discarded are dropped after <c>Import:StagedRetentionDays</c>
/// (default 3), with their files, so the data folder does not fill up. Runs at start-up.
/// </summary>
public sealed class PurgeStaleImports(SalesMentorDb db, AuditLog audit, DatabaseOptions options, IConfiguration configuration, TimeProvider clock)
{
    public async Task<Result<int>> HandleAsync(Actor actor, CancellationToken ct)
    {
        if (!Access.CanAdminister(actor)) return ImportErrors.AdminOnly;
        var days = Math.Max(0, configuration.GetValue("Import:StagedRetentionDays", 3));
        var cutoff = clock.GetUtcNow().UtcDateTime.AddDays(-days);
        var stale = await db.ImportRuns.Where(r => r.Status == ImportStatus.Staged && r.StartedAt < cutoff).ToListAsync(ct);
        foreach (var run in stale)
        {
            db.ImportRuns.Remove(run);
            audit.Record(actor, $"import.{run.Kind}.expire", "import", run.Id.ToString(), $"staged {run.StartedAt:yyyy-MM-dd}");
        }

        await db.SaveChangesAsync(ct);
        foreach (var run in stale) ImportStaging.Delete(ImportStaging.FullPath(options, run.StagedPath));
        return stale.Count;
    }
}
