using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using SalesMentor.App.Common;
using SalesMentor.App.Data;
using SalesMentor.App.Security;

namespace SalesMentor.App.Features.Imports;

/// <param name="Content">The file, read once from start to end; it need not seek (an HTTP request body will do).</param>
/// <param name="DryRun">Check only: nothing is written and the run is not stored.</param>
public sealed record ImportRosterRequest(Stream Content, string? FileName, bool SkipBadRows = false, bool DryRun = false);

/// <summary>
/// Imports a roster file in one go (the command line, and the API's one-shot upload): read while
/// it streams in, check every row, write all or — with skip-bad-rows — the good rows, record the run.
/// </summary>
public sealed class ImportRoster(SalesMentorDb db, AuditLog audit, TimeProvider clock, IConfiguration configuration, ILogger<ImportRoster> logger)
{
    /// <param name="progress">Bytes read so far, for a progress bar.</param>
    public async Task<Result<ImportRunView>> HandleAsync(Actor actor, ImportRosterRequest request, CancellationToken ct, IProgress<long>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!Access.CanAdminister(actor)) return ImportErrors.AdminOnly;
        var run = ImportErrors.NewRun(actor, request.FileName, request.SkipBadRows, clock.GetUtcNow().UtcDateTime);
        var maxBytes = Import.ImportStaging.MaxUploadBytes(configuration);
        var runner = new RosterImportRunner(db, audit, clock, logger);
        var outcome = await runner.RunAsync(actor, run, isNew: true, request.Content, request.DryRun ? RunMode.DryRun : RunMode.Commit, maxBytes, progress, ct);
        if (outcome.File.TooLarge)
        {
            Import.ImportLog.TooLarge(logger, run.Id, maxBytes);
            return ImportErrors.TooLarge(maxBytes);
        }

        return ImportRunView.From(run, request.DryRun);
    }
}
