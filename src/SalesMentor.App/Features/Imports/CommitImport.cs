using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using SalesMentor.App.Common;
using SalesMentor.App.Data;
using SalesMentor.App.Domain;
using SalesMentor.App.Import;
using SalesMentor.App.Import.Crm;
using SalesMentor.App.Security;

namespace SalesMentor.App.Features.Imports;

/// <param name="SkipBadRows">Null keeps the choice made when the file was uploaded or configured.</param>
/// <param name="Stages">What each CRM deal stage means (HubSpot), as the user confirmed or changed it; saved with the import.</param>
public sealed record CommitImportRequest(Guid Id, bool? SkipBadRows = null, IReadOnlyList<StageDecision>? Stages = null);

/// <summary>
/// The wizard's last step, for any kind of staged file: checks it again against the database as
/// it is now and writes it — all or nothing, or without its bad rows. A HubSpot file whose deal
/// stages are not all confirmed is refused (the run stays staged), as is a file whose columns
/// the chosen settings cannot read. Otherwise the run ends and the staged file is deleted.
/// </summary>
public sealed class CommitImport(
    SalesMentorDb db, AuditLog audit, TimeProvider clock, DatabaseOptions options, CommitRosterImport roster, ILogger<CommitImport> logger)
{
    /// <param name="progress">Bytes of the file read so far, for a progress bar.</param>
    public async Task<Result<ImportRunView>> HandleAsync(Actor actor, CommitImportRequest request, CancellationToken ct, IProgress<long>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!Access.CanAdminister(actor)) return ImportErrors.AdminOnly;
        var run = await db.ImportRuns.AsNoTracking().SingleOrDefaultAsync(r => r.Id == request.Id, ct);
        if (run is null) return Error.NotFound("import");
        if (run.Kind == ImportKinds.Roster) return await roster.HandleAsync(actor, new CommitRosterImportRequest(request.Id, request.SkipBadRows), ct);
        if (run.Status != ImportStatus.Staged)
        {
            return Error.Conflict("import.not_staged", $"This import has already ended ({run.Status.ToString().ToLowerInvariant()}). Upload the file again to import it again.");
        }

        var path = ImportStaging.FullPath(options, run.StagedPath);
        if (path is null || !File.Exists(path)) return Error.Conflict("import.file_gone", "The uploaded file is no longer on the server. Upload it again.");
        var settings = ImportSettings.FromJson(run.SettingsJson) ?? new ImportSettings { Kind = run.Kind };
        if (request.SkipBadRows is { } skip) run.SkipBadRows = skip;
        Result<SalesOutcome> outcome;
        await using (var file = StagedRuns.Open(path))
        {
            outcome = await new SalesImportRunner(db, audit, clock, logger).RunAsync(actor, run, isNew: false, settings, request.Stages, file, RunMode.Commit, null, progress, ct);
        }

        if (!outcome.IsSuccess) return outcome.Error!;
        ImportStaging.Delete(path);
        return ImportRunView.From(run);
    }
}
