using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using SalesMentor.App.Common;
using SalesMentor.App.Data;
using SalesMentor.App.Import;
using SalesMentor.App.Security;

namespace SalesMentor.App.Features.Imports;

/// <param name="Kind">What the file holds; null to recognise it from the header (the roster too).</param>
/// <param name="Format">How to read it (<see cref="ImportFormats"/>); null to recognise it.</param>
/// <param name="ProfileId">A saved column mapping, for deals from any CRM.</param>
public sealed record StageImportRequest(Stream Content, string? FileName, string? Kind = null, string? Format = null, Guid? ProfileId = null, bool SkipBadRows = false);

/// <summary>
/// The first step of the import wizard, for any kind of file: keeps the upload under
/// <c>&lt;DataFolder&gt;/imports/</c>, recognises what it is from its header (a Salesforce export,
/// a Salesforce report, a HubSpot export, users, activities, quotas, exchange rates, a roster) and
/// checks it without writing. A file whose columns are not recognised stays staged, so the user
/// can choose a saved column mapping or make one (<see cref="ConfigureImport"/>).
/// </summary>
public sealed class StageImport(
    SalesMentorDb db, AuditLog audit, TimeProvider clock, DatabaseOptions options, IConfiguration configuration, ILogger<StageImport> logger)
{
    public async Task<Result<ImportRunView>> HandleAsync(Actor actor, StageImportRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!Access.CanAdminister(actor)) return ImportErrors.AdminOnly;
        if (request.Kind is not null && ImportDetection.Check(new ImportSettings { Kind = request.Kind, Format = request.Format, ProfileId = request.ProfileId }) is { } invalid) return invalid;
        var run = ImportErrors.NewRun(actor, request.FileName, request.SkipBadRows, clock.GetUtcNow().UtcDateTime, request.Kind ?? ImportKinds.Opportunities);
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
            var recognised = request.Kind is null ? await ImportDetection.RecogniseAsync(path, ct) : null;
            var settings = new ImportSettings
            {
                Kind = request.Kind ?? recognised?.Kind ?? ImportKinds.Opportunities,
                Format = request.Format ?? recognised?.Format,
                ProfileId = request.ProfileId,
            };
            var result = await StagedRuns.CheckAsync(db, audit, clock, options, logger, actor, run, isNew: true, settings, ct);
            if (run.StagedPath is null) ImportStaging.Delete(path);
            return result;
        }
        catch
        {
            ImportStaging.Delete(path);
            throw;
        }
    }
}
