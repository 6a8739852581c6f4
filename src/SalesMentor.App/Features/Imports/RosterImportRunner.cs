using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using SalesMentor.App.Common;
using SalesMentor.App.Data;
using SalesMentor.App.Domain;
using SalesMentor.App.Import;
using SalesMentor.App.Security;

namespace SalesMentor.App.Features.Imports;

internal enum RunMode
{
    /// <summary>Check only; the run is not stored.</summary>
    DryRun,

    /// <summary>Check and store the run as Staged, to be committed or discarded later.</summary>
    Stage,

    /// <summary>Check and, when the rows allow it, write; the run is stored with its outcome.</summary>
    Commit,
}

/// <summary>
/// The steps every roster use case shares: run the engine, write when asked and allowed, record
/// the outcome on the run (and in the audit log, counts only), all in one unit of work.
/// </summary>
internal sealed class RosterImportRunner(SalesMentorDb db, AuditLog audit, TimeProvider clock, ILogger logger)
{
    /// <param name="isNew">False when <paramref name="run"/> is already stored (a staged run being committed).</param>
    public async Task<RosterOutcome> RunAsync(Actor actor, ImportRun run, bool isNew, Stream source, RunMode mode, long? maxBytes, IProgress<long>? progress, CancellationToken ct)
    {
        var watch = Stopwatch.StartNew();
        var importer = new RosterImporter(db);
        var outcome = await importer.PrepareAsync(source, run.SkipBadRows, maxBytes, progress, ct);
        if (outcome.File.TooLarge) return outcome;
        ImportRunRecord.Apply(run, outcome, staged: mode == RunMode.Stage, clock.GetUtcNow().UtcDateTime);
        if (mode == RunMode.DryRun)
        {
            audit.Record(actor, "import.roster.dry_run", "import", null, ImportRunRecord.Counts(run)); // a dry run is not stored: no id to point at
            await db.SaveChangesAsync(ct);
        }
        else if (mode == RunMode.Commit && outcome.Status == ImportStatus.Completed && outcome.HasChanges)
        {
            await WriteAsync(actor, run, isNew, importer, outcome, ct);
        }
        else
        {
            await SaveRunAsync(actor, run, isNew, mode == RunMode.Stage ? "import.roster.stage" : "import.roster", ct);
        }

        ImportLog.Finished(logger, run.Kind, run.Id, mode, run.Status, run.Rows, run.Added, run.Updated, run.Unchanged, run.RejectedRows,
            outcome.File.Bytes, watch.ElapsedMilliseconds);
        Observability.AppMetrics.ImportFinished("roster", mode.ToString(), run.Status.ToString(), run.Rows);
        return outcome;
    }

    private async Task WriteAsync(Actor actor, ImportRun run, bool isNew, RosterImporter importer, RosterOutcome outcome, CancellationToken ct)
    {
        try
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            if (!isNew) await db.ImportRowErrors.Where(e => e.ImportRunId == run.Id).ExecuteDeleteAsync(ct);
            Track(run, isNew);
            Audit(actor, run, "import.roster");
            await importer.WriteAsync(outcome, clock.GetUtcNow().UtcDateTime, ct);
            await transaction.CommitAsync(ct);
        }
        catch (Exception exception) when (exception is DbUpdateException or System.Data.Common.DbException)
        {
            // Most likely someone changed people at the same moment (a stale version, or a clash on a
            // unique email or id). The transaction rolled back, so nothing of the file was written: say so.
            ImportLog.SaveFailed(logger, run.Kind, run.Id, exception);
            db.ChangeTracker.Clear();
            ImportRunRecord.Fail(run, "Nothing was imported: the database refused the changes, most likely because people were changed in the directory while the file was being imported. Import the file again.");
            await SaveRunAsync(actor, run, isNew, "import.roster", ct);
        }
    }

    private async Task SaveRunAsync(Actor actor, ImportRun run, bool isNew, string action, CancellationToken ct)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        if (!isNew) await db.ImportRowErrors.Where(e => e.ImportRunId == run.Id).ExecuteDeleteAsync(ct);
        Track(run, isNew);
        Audit(actor, run, action);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
    }

    private void Track(ImportRun run, bool isNew)
    {
        if (isNew) db.ImportRuns.Add(run);
        else db.ImportRuns.Update(run);
    }

    private void Audit(Actor actor, ImportRun run, string action) =>
        audit.Record(actor, action, "import", run.Id.ToString(), ImportRunRecord.Counts(run));
}
