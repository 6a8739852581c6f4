using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using SalesMentor.App.Common;
using SalesMentor.App.Data;
using SalesMentor.App.Domain;
using SalesMentor.App.Import;
using SalesMentor.App.Security;

namespace SalesMentor.App.Features.Imports;

/// <param name="SkipBadRows">Null keeps the choice made so far.</param>
public sealed record ConfigureImportRequest(Guid Id, ImportSettings Settings, bool? SkipBadRows = null);

/// <summary>
/// The wizard's second step: reads a staged file again as the user chose — another kind, format,
/// saved column mapping, or a mapping being made — and shows what importing it would do.
/// </summary>
public sealed class ConfigureImport(SalesMentorDb db, AuditLog audit, TimeProvider clock, DatabaseOptions options, ILogger<ConfigureImport> logger)
{
    public async Task<Result<ImportRunView>> HandleAsync(Actor actor, ConfigureImportRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!Access.CanAdminister(actor)) return ImportErrors.AdminOnly;
        if (request.Settings is null) return Error.Validation("import.settings", "Say what the file holds (kind) and how to read it.");
        if (ImportDetection.Check(request.Settings) is { } invalid) return invalid;
        var run = await db.ImportRuns.AsNoTracking().SingleOrDefaultAsync(r => r.Id == request.Id, ct);
        if (run is null) return Error.NotFound("import");
        if (run.Status != ImportStatus.Staged) return Error.Conflict("import.not_staged", "This import has already ended. Upload the file again to import it again.");
        var path = ImportStaging.FullPath(options, run.StagedPath);
        if (path is null || !File.Exists(path)) return Error.Conflict("import.file_gone", "The uploaded file is no longer on the server. Upload it again.");
        if (request.SkipBadRows is { } skip) run.SkipBadRows = skip;
        var result = await StagedRuns.CheckAsync(db, audit, clock, options, logger, actor, run, isNew: false, request.Settings, ct);
        if (run.StagedPath is null) ImportStaging.Delete(path);
        return result;
    }
}
