using Microsoft.AspNetCore.Http.HttpResults;
using SalesMentor.App.Features.Closing;
using static SalesMentor.Web.Api.ProgramsEndpoints;

namespace SalesMentor.Web.Api;

/// <summary>
/// Closing a mentorship: the planned end, each side's reflection (the pair only), the outcome of each goal, the close, an
/// early end with its reason, and the completion certificate (the pair, the former mentor included).
/// </summary>
public static class ClosingEndpoints
{
    public static void MapClosingEndpoints(this RouteGroupBuilder api)
    {
        var m = api.MapGroup("/mentorships").WithTags("Mentorship closing");
        m.MapGet("/{id:guid}/closing", (HttpContext http, GetClosing uc, Guid id, CancellationToken ct) => Run(uc.HandleAsync(http.Actor(), id, ct)))
            .WithName("GetClosing").WithSummary("Stage, planned end and goal outcomes (everyone who sees the mentorship); the early-end reason (the pair and the program's admins); the reflections (the pair only).");
        m.MapPut("/{id:guid}/closing", (HttpContext http, PlanClosing uc, Guid id, PlanClosingRequest r, CancellationToken ct) => Run(uc.HandleAsync(http.Actor(), id, r, ct)))
            .WithName("PlanClosing").WithSummary("The pair opens the closing conversation with a planned end date (active → closing) or moves the date. Send the mentorship's version.");
        m.MapPut("/{id:guid}/closing/reflection", (HttpContext http, WriteReflection uc, Guid id, ReflectionRequest r, CancellationToken ct) => Run(uc.HandleAsync(http.Actor(), id, r, ct)))
            .WithName("WriteReflection").WithSummary("Your own closing reflection (sealed; the pair reads both). Send the reflection's version, 0 the first time.");
        m.MapPut("/{id:guid}/closing/outcomes", (HttpContext http, RecordOutcomes uc, Guid id, OutcomesRequest r, CancellationToken ct) => Run(uc.HandleAsync(http.Actor(), id, r, ct)))
            .WithName("RecordOutcomes").WithSummary("The outcome of every goal (Achieved, Partly, NotAchieved); KPI goals get their measured final value from the KPI engine.");
        m.MapPost("/{id:guid}/closing/complete", (HttpContext http, CompleteMentorship uc, Guid id, ClosingVersionRequest r, CancellationToken ct) => Run(uc.HandleAsync(http.Actor(), id, r, ct)))
            .WithName("CompleteMentorship").WithSummary("Closes the mentorship once both reflections and every outcome are in (closing → closed); both are mailed that the certificate is ready.");
        m.MapPost("/{id:guid}/closing/end-early", (HttpContext http, EndMentorshipEarly uc, Guid id, EndEarlyRequest r, CancellationToken ct) => Run(uc.HandleAsync(http.Actor(), id, r, ct)))
            .WithName("EndMentorshipEarly").WithSummary("Ends it early with a reason (Workload, RoleChange, LeftCompany, NotAGoodFit, GoalsReachedEarly, Other) and a few words: the pair or the program's admins.");
        m.MapGet("/{id:guid}/closing/certificate", DownloadCertificate).WithName("GetCertificate").Produces(StatusCodes.Status200OK, contentType: "application/pdf")
            .WithSummary("The completion certificate (PDF) of a completed mentorship, for its mentee and its (former) mentor.");
    }

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> DownloadCertificate(HttpContext http, GetCertificate useCase, Guid id, CancellationToken ct)
    {
        var result = await useCase.HandleAsync(http.Actor(), id, ct);
        if (!result.IsSuccess) return ApiResults.Problem(result.Error!);
        return TypedResults.File(result.Value.Pdf, "application/pdf", result.Value.FileName);
    }
}
