using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using SalesMentor.App.Common;
using SalesMentor.App.Data;
using SalesMentor.App.Import;
using SalesMentor.App.Import.Crm;
using SalesMentor.App.Security;

namespace SalesMentor.App.Features.Imports;

/// <param name="Content">The file, read once from start to end; it need not seek (an HTTP request body will do).</param>
/// <param name="Format">How to read it (<see cref="ImportFormats"/>); null to recognise it from the header.</param>
/// <param name="ProfileId">A saved column mapping (deals from any CRM).</param>
/// <param name="Mapping">A column mapping given with the file (the command line's <c>--map</c>).</param>
/// <param name="Stages">What HubSpot deal stages mean, for stages not saved yet (the command line's <c>--stages</c>); saved with the import.</param>
/// <param name="DryRun">Check only: nothing is written and the run is not stored.</param>
public sealed record ImportSalesDataRequest(
    Stream Content, string? FileName, string? Format = null, Guid? ProfileId = null, ImportMapping? Mapping = null,
    IReadOnlyList<StageDecision>? Stages = null, bool SkipBadRows = false, bool DryRun = false);

/// <summary>
/// Imports a file of sales data in one go (the command line, and the API's one-shot uploads): read
/// while it streams in, check every row, write all or — with skip-bad-rows — the good rows, record
/// the run. The use cases below differ only in what the file holds.
/// </summary>
internal static class ImportSalesData
{
    public static async Task<Result<ImportRunView>> RunAsync(
        string kind, SalesMentorDb db, AuditLog audit, TimeProvider clock, IConfiguration configuration, ILogger logger,
        Actor actor, ImportSalesDataRequest request, IProgress<long>? progress, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!Access.CanAdminister(actor)) return ImportErrors.AdminOnly;
        var settings = new ImportSettings { Kind = kind, Format = request.Format, ProfileId = request.ProfileId, Mapping = request.Mapping };
        if (ImportDetection.Check(settings) is { } invalid) return invalid;
        if (request.Mapping is not null && MappingFormat.Check(request.Mapping) is { Count: > 0 } problems)
        {
            return Error.Validation("import.bad_mapping", "The column mapping cannot be used: " + string.Join(" ", problems));
        }

        var run = ImportErrors.NewRun(actor, request.FileName, request.SkipBadRows, clock.GetUtcNow().UtcDateTime, kind);
        var maxBytes = ImportStaging.MaxUploadBytes(configuration);
        var mode = request.DryRun ? RunMode.DryRun : RunMode.Commit;
        var outcome = await new SalesImportRunner(db, audit, clock, logger).RunAsync(actor, run, isNew: true, settings, request.Stages, request.Content, mode, maxBytes, progress, ct);
        if (!outcome.IsSuccess) return outcome.Error!;
        if (outcome.Value.TooLarge)
        {
            ImportLog.TooLarge(logger, run.Id, maxBytes);
            return ImportErrors.TooLarge(maxBytes);
        }

        return ImportRunView.From(run, request.DryRun);
    }
}
