using Microsoft.AspNetCore.Http.HttpResults;
using SalesMentor.App.Features.Matching;
using static SalesMentor.Web.Api.ProgramsEndpoints;

namespace SalesMentor.Web.Api;

/// <summary>
/// The matching board (a program's managers), answers to published pairs (their two people), "my mentoring", and the
/// import of mentorships an organization already runs. The board never carries a mentee's "mentor only" gaps.
/// </summary>
public static class MatchingEndpoints
{
    public static void MapMatchingEndpoints(this RouteGroupBuilder api)
    {
        var board = api.MapGroup("/programs/{id:guid}/board").WithTags("Matching");
        board.MapGet("/", (HttpContext http, GetMatchingBoard uc, Guid id, CancellationToken ct) => Run(uc.HandleAsync(http.Actor(), id, ct))).WithName("GetMatchingBoard")
            .WithSummary("Every pair with score and reasons, unmatched mentees with the reason, seats per mentor, total and worst pair, the last run's verdict.");
        board.MapPost("/run", (HttpContext http, ProposeMatches uc, Guid id, RunMatchingRequest r, CancellationToken ct) => Run(uc.HandleAsync(http.Actor(), id, r, ct)))
            .WithName("ProposeMatches").WithSummary("Runs the solver around the locked, published and accepted pairs; mode = best, fair or stable (default: the program's).");
        board.MapGet("/compare", (HttpContext http, CompareMatchModes uc, Guid id, CancellationToken ct) => Run(uc.HandleAsync(http.Actor(), id, ct)))
            .WithName("CompareMatchModes").WithSummary("The three modes side by side on the same pool; nothing is saved.");
        board.MapPost("/pairs", (HttpContext http, AddPair uc, Guid id, AddPairRequest r, CancellationToken ct) => Run(uc.HandleAsync(http.Actor(), id, r, ct)))
            .WithName("AddPair").WithSummary("A pair by hand, locked. 409 match.breaks_rule with the warning unless confirm=true.");
        board.MapPost("/swap", (HttpContext http, SwapPairs uc, Guid id, SwapPairsRequest r, CancellationToken ct) => Run(uc.HandleAsync(http.Actor(), id, r, ct)))
            .WithName("SwapPairs").WithSummary("Swaps the mentors of two proposed pairs. 409 match.breaks_rule with the warning unless confirm=true.");
        board.MapPost("/publish", (HttpContext http, PublishPairs uc, Guid id, CancellationToken ct) => Run(uc.HandleAsync(http.Actor(), id, ct)))
            .WithName("PublishPairs").WithSummary("Publishes every proposed pair; both people are told by mail and asked to accept or decline.");

        var pairs = api.MapGroup("/pairs").WithTags("Matching");
        pairs.MapPut("/{id:guid}/lock", (HttpContext http, LockPair uc, Guid id, LockPairRequest r, CancellationToken ct) => Run(uc.HandleAsync(http.Actor(), id, r, ct)))
            .WithName("LockPair").WithSummary("Locks (kept by re-runs) or unlocks a proposed pair. Send the version you read.");
        pairs.MapDelete("/{id:guid}", (HttpContext http, RemovePair uc, Guid id, int? version, CancellationToken ct) => Run(uc.HandleAsync(http.Actor(), id, version ?? 0, ct)))
            .WithName("RemovePair").WithSummary("Removes a proposed pair; its mentee returns to the pool. Send ?version= as read.");
        pairs.MapPost("/{id:guid}/respond", (HttpContext http, RespondToProposal uc, Guid id, RespondRequest r, CancellationToken ct) => Run(uc.HandleAsync(http.Actor(), id, r, ct)))
            .WithName("RespondToProposal").WithSummary("The mentor or the mentee accepts or declines a published pair; both accepting starts a mentorship in stage agreeing.");

        api.MapGet("/me/mentoring", (HttpContext http, GetMyMentoring uc, CancellationToken ct) => Run(uc.HandleAsync(http.Actor(), ct)))
            .WithTags("Matching").WithName("GetMyMentoring").WithSummary("Your enrollments, published pairs to answer, mentorships and ratings asked of you.");
        api.MapPost("/mentorships/import", ImportMentorships).WithTags("Matching").WithName("ImportMentorships")
            .Accepts<Stream>("text/csv", "application/octet-stream")
            .WithSummary("Existing mentorships from CSV (mentor, mentee, start_date [, end_date]); all or nothing: 422 mentorships.rejected with the problems by line. ?dryRun=true checks and lists the rows, writing nothing.");
    }

    private static async Task<Results<Ok<MentorshipImportOutcome>, ProblemHttpResult>> ImportMentorships(
        HttpContext http, App.Features.Matching.ImportMentorships useCase, Guid? programId, bool? dryRun, CancellationToken ct)
    {
        if (http.Request.HasFormContentType || http.Request.ContentLength > App.Features.Matching.ImportMentorships.MaxBytes)
        {
            return TypedResults.Problem(detail: "Send the CSV file itself as the request body (text/csv), at most 20 MB.", statusCode: StatusCodes.Status415UnsupportedMediaType,
                title: "Unsupported body", extensions: new Dictionary<string, object?> { ["code"] = "mentorships.body" });
        }

        var result = await useCase.HandleAsync(http.Actor(), http.Request.Body, programId, ct, dryRun ?? false);
        if (!result.IsSuccess) return ApiResults.Problem(result.Error!);
        if (result.Value.Problems.Count == 0) return TypedResults.Ok(result.Value);
        return TypedResults.Problem(
            detail: $"Nothing was imported: {result.Value.Problems.Count} problem(s), the first on line {result.Value.Problems[0].Line}: {result.Value.Problems[0].Message}",
            statusCode: StatusCodes.Status422UnprocessableEntity, title: "Import rejected",
            extensions: new Dictionary<string, object?> { ["code"] = "mentorships.rejected", ["problems"] = result.Value.Problems });
    }
}
