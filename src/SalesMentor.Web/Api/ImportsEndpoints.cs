using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Http.HttpResults;
using SalesMentor.App.Common;
using SalesMentor.App.Domain;
using SalesMentor.App.Features.Imports;
using SalesMentor.App.Import;
using SalesMentor.App.Import.Crm;

namespace SalesMentor.Web.Api;

/// <summary>
/// Imports: the roster and sales data (opportunities, activities, quotas, Salesforce users,
/// exchange rates). Files travel as the raw request body (application/octet-stream or text/csv),
/// never as a form, and are streamed: to the staging folder, or straight into the importer.
/// Completed runs answer 200; a rejected or unreadable file answers 422 with code
/// <c>import.rejected</c> and the run (with its errors) in the <c>run</c> extension. Saved column
/// mappings (profiles) and HubSpot stage meanings live under the same group.
/// </summary>
public static class ImportsEndpoints
{
    public const string RejectedCode = "import.rejected";

    public static void MapImportsEndpoints(this RouteGroupBuilder api)
    {
        var imports = api.MapGroup("/imports").WithTags("Imports");
        imports.MapGet("/", ListImports).WithName("ListImports").WithSummary("The import history, newest first, paged. Admins only.");
        imports.MapPost("/roster", ImportRoster).WithName("ImportRoster")
            .Accepts<Stream>("application/octet-stream", "text/csv")
            .WithSummary("Imports a roster CSV sent as the raw body, in one go (dryRun=true checks only). Admins only.");
        imports.MapPost("/roster/stage", StageRosterImport).WithName("StageRosterImport")
            .Accepts<Stream>("application/octet-stream", "text/csv")
            .WithSummary("Uploads a roster CSV and checks it without importing: columns found, first rows, what would happen.");
        imports.MapPost("/stage", StageImport).WithName("StageImport")
            .Accepts<Stream>("application/octet-stream", "text/csv")
            .WithSummary("Uploads any import file and checks it without importing: its kind and format are recognised from the header unless given (kind, format, profileId).");
        imports.MapGet("/{id:guid}", GetImport).WithName("GetImport");
        imports.MapPost("/{id:guid}/configure", ConfigureImport).WithName("ConfigureImport")
            .WithSummary("Reads a staged file again as another kind, format or column mapping, and shows what importing it would do.");
        imports.MapPost("/{id:guid}/commit", CommitImport).WithName("CommitImport")
            .WithSummary("Imports a staged file (checked again first). skipBadRows overrides the choice made at upload; the body may confirm HubSpot stages.");
        imports.MapDelete("/{id:guid}", DiscardImport).WithName("DiscardImport").WithSummary("Drops a staged import without importing it.");
        imports.MapGet("/{id:guid}/errors", GetImportErrorReport).WithName("GetImportErrorReport")
            .WithSummary("The run's problems as CSV: line, column, reason (formula-like text neutralised).");
        foreach (var kind in ImportKinds.Sales)
        {
            imports.MapPost("/" + kind, (HttpContext http, IConfiguration configuration, string? fileName, string? source, Guid? profileId, bool? skipBadRows, bool? dryRun, CancellationToken ct) =>
                    ImportSalesData(http, configuration, kind, new ImportSalesDataRequest(http.Request.Body, fileName, source, profileId, null, null, skipBadRows ?? false, dryRun ?? false), ct))
                .WithName("Import" + string.Concat(kind.Split('-').Select(w => char.ToUpperInvariant(w[0]) + w[1..])))
                .Accepts<Stream>("application/octet-stream", "text/csv")
                .WithSummary($"Imports {kind} from a CSV sent as the raw body, in one go (source: salesforce, salesforce-report, hubspot or csv with profileId; dryRun=true checks only).");
        }

        imports.MapGet("/profiles", ListImportProfiles).WithName("ListImportProfiles").WithSummary("The saved column mappings for deals from any CRM.");
        imports.MapPost("/profiles", CreateImportProfile).WithName("CreateImportProfile").WithSummary("Saves a column mapping under a name.");
        imports.MapPut("/profiles/{id:guid}", UpdateImportProfile).WithName("UpdateImportProfile").WithSummary("Changes a saved column mapping (409 when someone changed it first).");
        imports.MapDelete("/profiles/{id:guid}", DeleteImportProfile).WithName("DeleteImportProfile");
        imports.MapGet("/stage-mappings", ListStageMappings).WithName("ListStageMappings").WithSummary("What each HubSpot deal stage means (won, lost or open), as saved.");
        imports.MapPut("/stage-mappings", SaveStageMappings).WithName("SaveStageMappings").WithSummary("Saves what HubSpot deal stages mean, before a one-shot import of a HubSpot file.");
    }

    /// <summary>The body of a configure call: how to read the staged file.</summary>
    public sealed record ConfigureImportBody(ImportSettings Settings, bool? SkipBadRows = null);

    /// <summary>The optional body of a commit: what HubSpot deal stages mean.</summary>
    public sealed record CommitImportBody(IReadOnlyList<StageDecision>? Stages = null);

    /// <summary>A column mapping to save: its name, the mapping and (for a change) the version it was read at.</summary>
    public sealed record ImportProfileBody(string Name, ImportMapping Mapping, int Version = 0);

    private static async Task<Results<Ok<ImportRunView>, ProblemHttpResult>> ImportRoster(
        HttpContext http, ImportRoster useCase, IConfiguration configuration, string? fileName, bool? skipBadRows, bool? dryRun, CancellationToken ct)
    {
        if (RefuseBody(http, ImportStaging.MaxUploadBytes(configuration)) is { } refused) return refused;
        try
        {
            var result = await useCase.HandleAsync(http.Actor(), new ImportRosterRequest(http.Request.Body, fileName, skipBadRows ?? false, dryRun ?? false), ct);
            return RunResult(result);
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return Problem(ImportErrors.TooLarge(ImportStaging.MaxUploadBytes(configuration)));
        }
    }

    private static async Task<Results<Ok<ImportRunView>, ProblemHttpResult>> StageRosterImport(
        HttpContext http, StageRosterImport useCase, IConfiguration configuration, string? fileName, bool? skipBadRows, CancellationToken ct)
    {
        if (RefuseBody(http, ImportStaging.MaxUploadBytes(configuration)) is { } refused) return refused;
        try
        {
            return RunResult(await useCase.HandleAsync(http.Actor(), new StageRosterImportRequest(http.Request.Body, fileName, skipBadRows ?? false), ct));
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return Problem(ImportErrors.TooLarge(ImportStaging.MaxUploadBytes(configuration)));
        }
    }

    private static async Task<Results<Ok<ImportRunView>, ProblemHttpResult>> StageImport(
        HttpContext http, StageImport useCase, IConfiguration configuration, string? fileName, string? kind, string? format, Guid? profileId, bool? skipBadRows, CancellationToken ct)
    {
        if (RefuseBody(http, ImportStaging.MaxUploadBytes(configuration)) is { } refused) return refused;
        try
        {
            return RunResult(await useCase.HandleAsync(http.Actor(), new StageImportRequest(http.Request.Body, fileName, kind, format, profileId, skipBadRows ?? false), ct));
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return Problem(ImportErrors.TooLarge(ImportStaging.MaxUploadBytes(configuration)));
        }
    }

    private static async Task<Results<Ok<ImportRunView>, ProblemHttpResult>> ImportSalesData(
        HttpContext http, IConfiguration configuration, string kind, ImportSalesDataRequest request, CancellationToken ct)
    {
        if (RefuseBody(http, ImportStaging.MaxUploadBytes(configuration)) is { } refused) return refused;
        var actor = http.Actor();
        var services = http.RequestServices;
        try
        {
            var result = kind switch
            {
                ImportKinds.Opportunities => await services.GetRequiredService<ImportOpportunities>().HandleAsync(actor, request, ct),
                ImportKinds.Activities => await services.GetRequiredService<ImportActivities>().HandleAsync(actor, request, ct),
                ImportKinds.Quotas => await services.GetRequiredService<ImportQuotas>().HandleAsync(actor, request, ct),
                ImportKinds.Users => await services.GetRequiredService<ImportUsers>().HandleAsync(actor, request, ct),
                _ => await services.GetRequiredService<ImportExchangeRates>().HandleAsync(actor, request, ct),
            };
            return RunResult(result);
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return Problem(ImportErrors.TooLarge(ImportStaging.MaxUploadBytes(configuration)));
        }
    }

    private static async Task<Results<Ok<ImportRunView>, ProblemHttpResult>> ConfigureImport(
        HttpContext http, ConfigureImport useCase, Guid id, ConfigureImportBody body, CancellationToken ct) =>
        RunResult(await useCase.HandleAsync(http.Actor(), new ConfigureImportRequest(id, body.Settings, body.SkipBadRows), ct));

    private static async Task<Results<Ok<ImportRunView>, ProblemHttpResult>> CommitImport(
        HttpContext http, CommitImport useCase, Guid id, bool? skipBadRows, [FromBody] CommitImportBody? body, CancellationToken ct) =>
        RunResult(await useCase.HandleAsync(http.Actor(), new CommitImportRequest(id, skipBadRows, body?.Stages), ct));

    private static async Task<Results<Ok<IReadOnlyList<ImportProfileView>>, ProblemHttpResult>> ListImportProfiles(HttpContext http, ListImportProfiles useCase, CancellationToken ct) =>
        (await useCase.HandleAsync(http.Actor(), ct)).ToHttp();

    private static async Task<Results<Ok<ImportProfileView>, ProblemHttpResult>> CreateImportProfile(HttpContext http, SaveImportProfile useCase, ImportProfileBody body, CancellationToken ct) =>
        (await useCase.HandleAsync(http.Actor(), new SaveImportProfileRequest(null, body.Name, body.Mapping), ct)).ToHttp();

    private static async Task<Results<Ok<ImportProfileView>, ProblemHttpResult>> UpdateImportProfile(HttpContext http, SaveImportProfile useCase, Guid id, ImportProfileBody body, CancellationToken ct) =>
        (await useCase.HandleAsync(http.Actor(), new SaveImportProfileRequest(id, body.Name, body.Mapping, body.Version), ct)).ToHttp();

    private static async Task<Results<NoContent, ProblemHttpResult>> DeleteImportProfile(HttpContext http, DeleteImportProfile useCase, Guid id, CancellationToken ct)
    {
        var result = await useCase.HandleAsync(http.Actor(), id, ct);
        return result.IsSuccess ? TypedResults.NoContent() : ApiResults.Problem(result.Error!);
    }

    private static async Task<Results<Ok<IReadOnlyList<StageMappingView>>, ProblemHttpResult>> ListStageMappings(HttpContext http, ListStageMappings useCase, CancellationToken ct) =>
        (await useCase.HandleAsync(http.Actor(), ct)).ToHttp();

    private static async Task<Results<Ok<IReadOnlyList<StageMappingView>>, ProblemHttpResult>> SaveStageMappings(
        HttpContext http, SaveStageMappings useCase, IReadOnlyList<StageDecision> stages, CancellationToken ct) =>
        (await useCase.HandleAsync(http.Actor(), stages, ct)).ToHttp();

    private static async Task<Results<Ok<Paged<ImportRunRow>>, ProblemHttpResult>> ListImports(
        HttpContext http, ListImports useCase, int? page, int? pageSize, CancellationToken ct) =>
        (await useCase.HandleAsync(http.Actor(), new ListImportsRequest(new PageRequest(page ?? 0, pageSize ?? 25)), ct)).ToHttp();

    private static async Task<Results<Ok<ImportRunView>, ProblemHttpResult>> GetImport(HttpContext http, GetImport useCase, Guid id, CancellationToken ct) =>
        (await useCase.HandleAsync(http.Actor(), id, ct)).ToHttp();

    private static async Task<Results<NoContent, ProblemHttpResult>> DiscardImport(HttpContext http, DiscardImport useCase, Guid id, CancellationToken ct)
    {
        var result = await useCase.HandleAsync(http.Actor(), id, ct);
        return result.IsSuccess ? TypedResults.NoContent() : ApiResults.Problem(result.Error!);
    }

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> GetImportErrorReport(HttpContext http, GetImportErrorReport useCase, Guid id, CancellationToken ct)
    {
        var result = await useCase.HandleAsync(http.Actor(), id, ct);
        if (!result.IsSuccess) return ApiResults.Problem(result.Error!);
        return TypedResults.File(result.Value.Content, result.Value.ContentType, result.Value.FileName);
    }

    /// <summary>
    /// Lets this request's body grow to the import limit (Kestrel's default is 30 MB) and refuses
    /// at once a body that announces more, or one sent as a form (it would be buffered).
    /// </summary>
    private static ProblemHttpResult? RefuseBody(HttpContext http, long maxBytes)
    {
        if (http.Request.HasFormContentType)
        {
            return TypedResults.Problem(
                detail: "Send the file itself as the request body (Content-Type: application/octet-stream or text/csv), not as a form.",
                statusCode: StatusCodes.Status415UnsupportedMediaType, title: "Unsupported media type",
                extensions: new Dictionary<string, object?> { ["code"] = "import.body_type" });
        }

        if (http.Request.ContentLength > maxBytes) return Problem(ImportErrors.TooLarge(maxBytes));
        var limit = http.Features.Get<IHttpMaxRequestBodySizeFeature>();
        if (limit is { IsReadOnly: false }) limit.MaxRequestBodySize = maxBytes + 1;
        return null;
    }

    private static Results<Ok<ImportRunView>, ProblemHttpResult> RunResult(Result<ImportRunView> result)
    {
        if (!result.IsSuccess) return Problem(result.Error!);
        var run = result.Value;
        if (run.Status is not (ImportStatus.Rejected or ImportStatus.Failed)) return TypedResults.Ok(run);
        return TypedResults.Problem(
            detail: run.Notice ?? "Nothing was imported.", statusCode: StatusCodes.Status422UnprocessableEntity, title: "Import rejected",
            extensions: new Dictionary<string, object?> { ["code"] = RejectedCode, ["run"] = run });
    }

    private static ProblemHttpResult Problem(Error error) => error.Code == ImportErrors.TooLargeCode
        ? TypedResults.Problem(
            detail: error.Message, statusCode: StatusCodes.Status413PayloadTooLarge, title: "File too large",
            extensions: new Dictionary<string, object?> { ["code"] = error.Code })
        : ApiResults.Problem(error);
}
