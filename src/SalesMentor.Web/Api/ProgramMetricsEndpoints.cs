using Microsoft.AspNetCore.Http.HttpResults;
using SalesMentor.App.Common;
using SalesMentor.App.Export;
using SalesMentor.App.Features.ProgramMetrics;

namespace SalesMentor.Web.Api;

/// <summary>Program health in numbers: per program for its admins and coordinators, across programs for admins; CSV/XLSX export; the monthly summary mail.</summary>
public static class ProgramMetricsEndpoints
{
    public static void MapProgramMetricsEndpoints(this RouteGroupBuilder api)
    {
        const string tag = "Program health";
        api.MapGet("/programs/{id:guid}/metrics", (HttpContext http, GetProgramMetrics uc, Guid id, CancellationToken ct) => Run(uc, http, id, ct))
            .WithTags(tag).WithName("GetProgramMetrics")
            .WithSummary("Enrolled, matched, match rate, running and active pairs, sessions per pair per month, goals on track, mentor load, last 12 months. The program's admins and coordinators.");
        api.MapGet("/programs/{id:guid}/metrics/export", (HttpContext http, GetProgramMetrics uc, Guid id, string? format, CancellationToken ct) => Export(uc, http, id, format, ct))
            .WithTags(tag).WithName("ExportProgramMetrics").WithSummary("The same as CSV (format=csv, default) or XLSX (format=xlsx).");
        api.MapGet("/program-metrics", (HttpContext http, GetProgramMetrics uc, CancellationToken ct) => Run(uc, http, null, ct))
            .WithTags(tag).WithName("GetAllProgramMetrics").WithSummary("Every program together. Admins only.");
        api.MapGet("/program-metrics/export", (HttpContext http, GetProgramMetrics uc, string? format, CancellationToken ct) => Export(uc, http, null, format, ct))
            .WithTags(tag).WithName("ExportAllProgramMetrics").WithSummary("Every program together as CSV or XLSX. Admins only.");
        api.MapPost("/program-metrics/summary", async (HttpContext http, SendProgramSummaries uc, CancellationToken ct) => (await uc.HandleAsync(http.Actor(), ct)).ToHttp())
            .WithTags(tag).WithName("SendProgramSummaries")
            .WithSummary("Queue last month's summary mail to every admin now (the scheduler does it on the 1st); an admin who already has this month's gets none. Returns the number queued.");
    }

    private static async Task<Results<Ok<ProgramMetricsView>, ProblemHttpResult>> Run(GetProgramMetrics uc, HttpContext http, Guid? id, CancellationToken ct) =>
        (await uc.HandleAsync(http.Actor(), id, ct)).ToHttp();

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> Export(GetProgramMetrics uc, HttpContext http, Guid? id, string? format, CancellationToken ct)
    {
        format ??= "csv";
        if (!TableExport.IsKnownFormat(format)) return ApiResults.Problem(Error.Validation("export.format", "The format is csv or xlsx."));
        var result = await uc.HandleAsync(http.Actor(), id, ct);
        if (!result.IsSuccess) return ApiResults.Problem(result.Error!);
        var file = result.Value.ToFile(format);
        return TypedResults.File(file.Content, file.ContentType, file.FileName);
    }
}
