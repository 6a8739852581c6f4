using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;
using SalesMentor.App.Common;
using SalesMentor.App.Domain;
using SalesMentor.App.Features.Imports;
using SalesMentor.App.Import;

namespace SalesMentor.Web.Api;

/// <summary>
/// Roster imports. Files travel as the raw request body (application/octet-stream or text/csv),
/// never as a form, and are streamed: to the staging folder, or straight into the importer.
/// Completed runs answer 200; a rejected or unreadable file answers 422 with code
/// <c>import.rejected</c> and the run (with its errors) in the <c>run</c> extension.
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
        imports.MapGet("/{id:guid}", GetImport).WithName("GetImport");
        imports.MapPost("/{id:guid}/commit", CommitRosterImport).WithName("CommitRosterImport")
            .WithSummary("Imports a staged file (checked again first). skipBadRows overrides the choice made at upload.");
        imports.MapDelete("/{id:guid}", DiscardImport).WithName("DiscardImport").WithSummary("Drops a staged import without importing it.");
        imports.MapGet("/{id:guid}/errors", GetImportErrorReport).WithName("GetImportErrorReport")
            .WithSummary("The run's problems as CSV: line, column, reason (formula-like text neutralised).");
    }

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

    private static async Task<Results<Ok<ImportRunView>, ProblemHttpResult>> CommitRosterImport(
        HttpContext http, CommitRosterImport useCase, Guid id, bool? skipBadRows, CancellationToken ct) =>
        RunResult(await useCase.HandleAsync(http.Actor(), new CommitRosterImportRequest(id, skipBadRows), ct));

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
