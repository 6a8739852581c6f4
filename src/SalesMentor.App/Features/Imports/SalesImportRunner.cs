using System.Diagnostics;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using SalesMentor.App.Common;
using SalesMentor.App.Data;
using SalesMentor.App.Domain;
using SalesMentor.App.Import;
using SalesMentor.App.Import.Crm;
using SalesMentor.App.Security;

namespace SalesMentor.App.Features.Imports;

/// <summary>
/// The steps every sales-data use case shares, like <see cref="RosterImportRunner"/> for the roster:
/// resolve the settings (the profile's mapping), run the engine, and record the outcome on the run
/// — inside the import's own transaction when rows were written, so the data, the run, the saved
/// stage decisions and the audit event commit together — else on its own.
/// </summary>
internal sealed class SalesImportRunner(SalesMentorDb db, AuditLog audit, TimeProvider clock, ILogger logger)
{
    /// <param name="isNew">False when <paramref name="run"/> is already stored (a staged run being checked again or committed).</param>
    public async Task<Result<SalesOutcome>> RunAsync(
        Actor actor, ImportRun run, bool isNew, ImportSettings settings, IReadOnlyList<StageDecision>? stages, Stream source, RunMode mode,
        long? maxBytes, IProgress<long>? progress, CancellationToken ct)
    {
        var watch = Stopwatch.StartNew();
        var mapping = await MappingAsync(settings, ct);
        if (!mapping.IsSuccess) return mapping.Error!;
        var org = await OrgContext.LoadAsync(db, clock, ct);
        var now = clock.GetUtcNow().UtcDateTime;
        run.Kind = settings.Kind;
        run.SettingsJson = settings.ToJson();
        var engineMode = mode == RunMode.Commit ? SalesMode.Write : SalesMode.Check;
        var request = new SalesRequest(settings, mapping.Value, stages, org, engineMode, run.SkipBadRows, maxBytes, progress,
            (outcome, c) => RecordWrittenAsync(actor, run, isNew, outcome, stages, now, c), now);
        SalesOutcome outcome;
        try
        {
            outcome = await SalesJobs.RunAsync(db, request, source, ct);
        }
        catch (Exception exception) when (exception is DbUpdateException or System.Data.Common.DbException)
        {
            // Someone changed the same records at the same moment (a stale version, a clash on a key). The transaction rolled back.
            ImportLog.SaveFailed(logger, run.Kind, run.Id, exception);
            db.ChangeTracker.Clear();
            ImportRunRecord.Fail(run, "Nothing was imported: the database refused the changes, most likely because the same records were changed while the file was being imported. Import the file again.");
            await SaveRunAsync(actor, run, isNew, Action(run, mode), ct);
            return new SalesOutcome(settings.Kind, run.SkipBadRows) { FileProblems = { new ImportProblem(0, null, run.Notice ?? "") } };
        }

        if (outcome.TooLarge) return outcome;
        if (mode is RunMode.Commit or RunMode.DryRun && outcome.Blocked is { } blocked) return Error.Validation(ImportErrors.UnknownStagesCode, blocked);
        if (mode == RunMode.Commit && outcome.FormatProblem && !isNew) return Error.Validation("import.not_readable_as_chosen", string.Join(" ", outcome.FileProblems.Select(p => p.Reason)));
        if (!outcome.Written)
        {
            Record(run, outcome, staged: mode == RunMode.Stage, now);
            if (mode == RunMode.DryRun)
            {
                audit.Record(actor, $"import.{run.Kind}.dry_run", "import", null, ImportRunRecord.Counts(run));
                await db.SaveChangesAsync(ct);
            }
            else
            {
                await SaveRunAsync(actor, run, isNew, Action(run, mode), ct);
            }
        }

        ImportLog.Finished(logger, run.Kind, run.Id, mode, run.Status, run.Rows, run.Added, run.Updated, run.Unchanged, run.RejectedRows, outcome.Bytes, watch.ElapsedMilliseconds);
        return outcome;
    }

    /// <summary>The first rows of a staged file, read with the run's settings (nothing is checked against the database).</summary>
    public async Task<ImportPreview?> PreviewAsync(ImportRun run, Stream source, CancellationToken ct)
    {
        if (ImportSettings.FromJson(run.SettingsJson) is not { } settings) return null;
        var mapping = await MappingAsync(settings, ct);
        if (!mapping.IsSuccess) return null;
        var org = await OrgContext.LoadAsync(db, clock, ct);
        var request = new SalesRequest(settings, mapping.Value, null, org, SalesMode.Preview, run.SkipBadRows, null, null, null, clock.GetUtcNow().UtcDateTime);
        return (await SalesJobs.RunAsync(db, request, source, ct)).Preview;
    }

    private async Task<Result<ImportMapping?>> MappingAsync(ImportSettings settings, CancellationToken ct)
    {
        if (settings.ProfileId is not { } id) return settings.Mapping;
        var json = await db.ImportProfiles.AsNoTracking().Where(p => p.Id == id).Select(p => p.MappingJson).SingleOrDefaultAsync(ct);
        if (json is null) return Error.NotFound("import_profile");
        try
        {
            return JsonSerializer.Deserialize<ImportMapping>(json, ImportMapping.Json);
        }
        catch (JsonException)
        {
            return Error.Validation("import_profile.unreadable", "The saved column mapping cannot be read; open it and save it again.");
        }
    }

    // Inside the engine's transaction, after the rows are written: the run, its errors, the stage decisions and the audit event.
    private async Task RecordWrittenAsync(Actor actor, ImportRun run, bool isNew, SalesOutcome outcome, IReadOnlyList<StageDecision>? stages, DateTime now, CancellationToken ct)
    {
        Record(run, outcome, staged: false, now);
        if (!isNew) await db.ImportRowErrors.Where(e => e.ImportRunId == run.Id).ExecuteDeleteAsync(ct);
        Track(run, isNew);
        audit.Record(actor, $"import.{run.Kind}", "import", run.Id.ToString(), ImportRunRecord.Counts(run));
        if (outcome.Format == ImportFormats.HubSpot) await SaveStagesAsync(outcome.Report.Stages, stages, ct);
        await db.SaveChangesAsync(ct);
    }

    // The stages the user confirmed (or changed) are kept, so the next import of the same CRM needs no confirmation.
    // A decision without a pipeline is saved for each pipeline the stage was seen in.
    private async Task SaveStagesAsync(IReadOnlyList<StageSeen> seen, IReadOnlyList<StageDecision>? decided, CancellationToken ct)
    {
        var decisions = (decided ?? []).GroupBy(d => (d.Pipeline ?? "", d.Stage)).ToDictionary(g => g.Key, g => g.Last().Outcome);
        var stored = await db.CrmStageMappings.Where(m => m.Source == ImportFormats.HubSpot).ToListAsync(ct);
        foreach (var stage in seen)
        {
            if (!decisions.TryGetValue((stage.Pipeline, stage.Stage), out var outcome) && !decisions.TryGetValue(("", stage.Stage), out outcome)) continue;
            var mapping = stored.FirstOrDefault(m => m.Pipeline == stage.Pipeline && m.Stage == stage.Stage);
            if (mapping is null) db.CrmStageMappings.Add(new CrmStageMapping { Source = ImportFormats.HubSpot, Pipeline = stage.Pipeline, Stage = stage.Stage, Outcome = outcome });
            else if (mapping.Outcome != outcome) mapping.Outcome = outcome;
        }
    }

    private static void Record(ImportRun run, SalesOutcome outcome, bool staged, DateTime now)
    {
        var path = run.StagedPath;
        ImportRunRecord.Apply(run, outcome, staged, now);
        run.Format = outcome.Format;
        run.ReportJson = outcome.Report.IsEmpty ? null : ReportJson(outcome.Report);
        if (staged && outcome.FormatProblem && !outcome.TooLarge)
        {
            // The file is fine; how to read it is not chosen yet. It stays staged so the user can choose.
            run.Status = ImportStatus.Staged;
            run.StagedPath = path;
            run.FinishedAt = null;
            run.Notice = $"Read as {outcome.EncodingName}. Choose what the file holds and how to read it.";
        }
    }

    // The report as JSON, its lists cut until it fits the column (owner names can be long); the counts say how many were cut.
    private static string ReportJson(ImportReport report)
    {
        const int max = 100_000;
        var json = JsonSerializer.Serialize(report, ImportMapping.Json);
        while (json.Length > max)
        {
            var (owners, stages, managers) = (report.UnknownOwners.Count, report.Stages.Count, report.ManagerDifferences.Count);
            report = report with
            {
                UnknownOwners = [.. report.UnknownOwners.Take(owners / 2)], MoreUnknownOwners = report.MoreUnknownOwners + owners - (owners / 2),
                Stages = [.. report.Stages.Take(stages / 2)],
                ManagerDifferences = [.. report.ManagerDifferences.Take(managers / 2)], MoreManagerDifferences = report.MoreManagerDifferences + managers - (managers / 2),
            };
            json = JsonSerializer.Serialize(report, ImportMapping.Json);
        }

        return json;
    }

    private async Task SaveRunAsync(Actor actor, ImportRun run, bool isNew, string action, CancellationToken ct)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        if (!isNew) await db.ImportRowErrors.Where(e => e.ImportRunId == run.Id).ExecuteDeleteAsync(ct);
        Track(run, isNew);
        audit.Record(actor, action, "import", run.Id.ToString(), ImportRunRecord.Counts(run));
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
    }

    private void Track(ImportRun run, bool isNew)
    {
        if (isNew) db.ImportRuns.Add(run);
        else db.ImportRuns.Update(run);
    }

    private static string Action(ImportRun run, RunMode mode) => mode == RunMode.Stage ? $"import.{run.Kind}.stage" : $"import.{run.Kind}";
}
