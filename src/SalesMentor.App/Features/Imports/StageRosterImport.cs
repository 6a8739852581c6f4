using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using SalesMentor.App.Common;
using SalesMentor.App.Data;
using SalesMentor.App.Import;
using SalesMentor.App.Security;

namespace SalesMentor.App.Features.Imports;

/// <param name="Content">The uploaded file; copied to the staging folder block by block.</param>
public sealed record StageRosterImportRequest(Stream Content, string? FileName, bool SkipBadRows = false);

/// <summary>
/// Keeps an uploaded roster file under <c>&lt;DataFolder&gt;/imports/</c> and checks it without
/// writing: the run is stored as Staged with what importing would do, and the view carries the
/// columns found and the first rows. <see cref="CommitRosterImport"/> or <see cref="DiscardImport"/> ends it.
/// </summary>
public sealed class StageRosterImport(
    SalesMentorDb db, AuditLog audit, TimeProvider clock, DatabaseOptions options, IConfiguration configuration, ILogger<StageRosterImport> logger)
{
    public async Task<Result<ImportRunView>> HandleAsync(Actor actor, StageRosterImportRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!Access.CanAdminister(actor)) return ImportErrors.AdminOnly;
        var run = ImportErrors.NewRun(actor, request.FileName, request.SkipBadRows, clock.GetUtcNow().UtcDateTime);
        run.StagedPath = ImportStaging.RelativePathFor(run.Id);
        var path = ImportStaging.FullPath(options, run.StagedPath)!;
        var maxBytes = ImportStaging.MaxUploadBytes(configuration);
        var size = await ImportStaging.SaveAsync(request.Content, path, maxBytes, ct);
        if (size is null)
        {
            ImportLog.TooLarge(logger, run.Id, maxBytes);
            return ImportErrors.TooLarge(maxBytes);
        }

        run.FileSize = size.Value;
        try
        {
            await using (var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 4096, FileOptions.Asynchronous))
            {
                await new RosterImportRunner(db, audit, clock, logger).RunAsync(actor, run, isNew: true, file, RunMode.Stage, null, null, ct);
            }
        }
        catch
        {
            ImportStaging.Delete(path);
            throw;
        }

        if (run.StagedPath is null) ImportStaging.Delete(path);
        return ImportRunView.From(run, preview: await ImportPreviews.ReadAsync(ImportStaging.FullPath(options, run.StagedPath), ct));
    }
}
