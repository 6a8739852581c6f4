using Microsoft.Extensions.Logging;
using SalesMentor.App.Common;
using SalesMentor.App.Data;
using SalesMentor.App.Domain;
using SalesMentor.App.Import;
using SalesMentor.App.Security;

namespace SalesMentor.App.Features.Imports;

/// <summary>Checks a staged file with the given settings — as a roster or as sales data — and stores what importing it would do.</summary>
internal static class StagedRuns
{
    public static async Task<Result<ImportRunView>> CheckAsync(
        SalesMentorDb db, AuditLog audit, TimeProvider clock, DatabaseOptions options, ILogger logger, Actor actor, ImportRun run, bool isNew,
        ImportSettings settings, CancellationToken ct)
    {
        var path = ImportStaging.FullPath(options, run.StagedPath)!;
        if (settings.Kind == ImportKinds.Roster)
        {
            run.Kind = ImportKinds.Roster;
            run.Format = null;
            run.ReportJson = null;
            run.SettingsJson = settings.ToJson();
            await using (var file = Open(path))
            {
                await new RosterImportRunner(db, audit, clock, logger).RunAsync(actor, run, isNew, file, RunMode.Stage, null, null, ct);
            }

            return ImportRunView.From(run, preview: await ImportPreviews.ReadAsync(ImportStaging.FullPath(options, run.StagedPath), ct));
        }

        Result<Import.Crm.SalesOutcome> outcome;
        await using (var file = Open(path))
        {
            outcome = await new SalesImportRunner(db, audit, clock, logger).RunAsync(actor, run, isNew, settings, null, file, RunMode.Stage, null, null, ct);
        }

        return outcome.IsSuccess ? ImportRunView.From(run, preview: outcome.Value.Preview) : outcome.Error!;
    }

    public static FileStream Open(string path) => new(path, FileMode.Open, FileAccess.Read, FileShare.Read, 64 * 1024, FileOptions.Asynchronous | FileOptions.SequentialScan);
}
