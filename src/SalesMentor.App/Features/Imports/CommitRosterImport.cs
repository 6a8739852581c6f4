using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using SalesMentor.App.Common;
using SalesMentor.App.Data;
using SalesMentor.App.Domain;
using SalesMentor.App.Import;
using SalesMentor.App.Security;

namespace SalesMentor.App.Features.Imports;

/// <param name="SkipBadRows">Null keeps the choice made when the file was uploaded.</param>
public sealed record CommitRosterImportRequest(Guid Id, bool? SkipBadRows = null);

/// <summary>
/// Imports a staged file. The file is checked again against the directory as it is now (it may
/// have changed since the preview), then written all-or-nothing or without its bad rows. The run
/// ends either way and the staged file is deleted.
/// </summary>
public sealed class CommitRosterImport(SalesMentorDb db, AuditLog audit, TimeProvider clock, DatabaseOptions options, ILogger<CommitRosterImport> logger)
{
    public async Task<Result<ImportRunView>> HandleAsync(Actor actor, CommitRosterImportRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!Access.CanAdminister(actor)) return ImportErrors.AdminOnly;
        var run = await db.ImportRuns.AsNoTracking().SingleOrDefaultAsync(r => r.Id == request.Id, ct);
        if (run is null) return Error.NotFound("import");
        if (run.Status != ImportStatus.Staged)
        {
            return Error.Conflict("import.not_staged", $"This import has already ended ({run.Status.ToString().ToLowerInvariant()}). Upload the file again to import it again.");
        }

        if (run.Kind != ImportKinds.Roster) return Error.Conflict("import.not_roster", "This staged file is not a roster; import it as what it is.");
        var path = ImportStaging.FullPath(options, run.StagedPath);
        if (path is null || !File.Exists(path))
        {
            return Error.Conflict("import.file_gone", "The uploaded file is no longer on the server. Upload it again.");
        }

        if (request.SkipBadRows is { } skip) run.SkipBadRows = skip;
        await using (var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 4096, FileOptions.Asynchronous))
        {
            await new RosterImportRunner(db, audit, clock, logger).RunAsync(actor, run, isNew: false, file, RunMode.Commit, null, null, ct);
        }

        ImportStaging.Delete(path);
        return ImportRunView.From(run);
    }
}
