using Microsoft.AspNetCore.Http.HttpResults;
using SalesMentor.App.Common;
using SalesMentor.App.Domain;
using SalesMentor.App.Features.Enrollments;
using SalesMentor.App.Features.Programs;
using SalesMentor.App.Features.Ratings;

namespace SalesMentor.Web.Api;

/// <summary>
/// Programs, enrollments and attribute ratings. Programs in draft, enrollments and rating invitations are hidden
/// (404) from everyone without a relationship to them; DESIGN.md's access table decides what each reader sees.
/// </summary>
public static class ProgramsEndpoints
{
    /// <summary>The version of the record as read, for calls that carry nothing else.</summary>
    public sealed record VersionRequest(int Version);

    public static void MapProgramsEndpoints(this RouteGroupBuilder api)
    {
        var programs = api.MapGroup("/programs").WithTags("Programs");
        programs.MapGet("/", (HttpContext http, ListPrograms uc, CancellationToken ct) => Run(uc.HandleAsync(http.Actor(), ct))).WithName("ListPrograms")
            .WithSummary("Programs past draft, and the drafts you manage.");
        programs.MapPost("/", (HttpContext http, CreateProgram uc, ProgramRequest r, CancellationToken ct) => Run(uc.HandleAsync(http.Actor(), r, ct))).WithName("CreateProgram")
            .WithSummary("Admins only. Starts in Draft.");
        programs.MapGet("/{id:guid}", (HttpContext http, GetProgram uc, Guid id, CancellationToken ct) => Run(uc.HandleAsync(http.Actor(), id, ct))).WithName("GetProgram");
        programs.MapPut("/{id:guid}", (HttpContext http, UpdateProgram uc, Guid id, ProgramRequest r, CancellationToken ct) => Run(uc.HandleAsync(http.Actor(), id, r, ct)))
            .WithName("UpdateProgram").WithSummary("The program's managers. Only admins change coordinators. Send the version you read; a stale one gets 409.");
        programs.MapPost("/{id:guid}/status", (HttpContext http, SetProgramStatus uc, Guid id, ProgramStatusRequest r, CancellationToken ct) => Run(uc.HandleAsync(http.Actor(), id, r, ct)))
            .WithName("SetProgramStatus").WithSummary("Draft → Enrolling → Matching → Active → Closed, one step at a time (or one back).");
        programs.MapGet("/{id:guid}/enrollments", (HttpContext http, ListEnrollments uc, Guid id, CancellationToken ct) => Run(uc.HandleAsync(http.Actor(), id, ct)))
            .WithName("ListEnrollments").WithSummary("The program's managers: every mentor and mentee, with each mentor's eligibility.");
        programs.MapGet("/{id:guid}/enrollment-form/{side}", GetForm).WithName("GetEnrollmentForm")
            .WithSummary("Your enrollment on one side (mentor or mentee) with the catalogs, the attributes, your KPI-suggested gaps or strengths and your star evidence.");
        programs.MapPut("/{id:guid}/enrollments/mine/{side}", Save).WithName("SaveEnrollment")
            .WithSummary("Enroll yourself as mentor or mentee, or change your enrollment (send the version you read). Each gap is ShareForMatching or MentorOnly.");
        programs.MapPost("/{id:guid}/reminders", (HttpContext http, SendRatingReminders uc, Guid id, CancellationToken ct) => Run(uc.HandleAsync(http.Actor(), id, ct)))
            .WithName("SendRatingReminders").WithSummary("The program's managers: remind raters who have not rated (at most every 3 days each).");

        var enrollments = api.MapGroup("/enrollments").WithTags("Programs");
        enrollments.MapGet("/{id:guid}", (HttpContext http, GetEnrollment uc, Guid id, CancellationToken ct) => Run(uc.HandleAsync(http.Actor(), id, ct)))
            .WithName("GetEnrollment").WithSummary("The person, the program's managers and the (future) partner; mentor-only gaps only to the person and their mentor once matched.");
        enrollments.MapPost("/{id:guid}/withdraw", (HttpContext http, WithdrawEnrollment uc, Guid id, VersionRequest r, CancellationToken ct) => Run(uc.HandleAsync(http.Actor(), id, r.Version, ct)))
            .WithName("WithdrawEnrollment");
        enrollments.MapPut("/{id:guid}/eligibility", (HttpContext http, SetEligibilityOverride uc, Guid id, EligibilityRequest r, CancellationToken ct) => Run(uc.HandleAsync(http.Actor(), id, r, ct)))
            .WithName("SetEligibilityOverride").WithSummary("The program's managers: a mentor eligible (true) or not (false) whatever the star rule says, with a reason; null hands back to the rule.");
        enrollments.MapPost("/{id:guid}/rating-invitations", (HttpContext http, InviteRaters uc, Guid id, InviteRatersRequest r, CancellationToken ct) => Run(uc.HandleAsync(http.Actor(), id, r, ct)))
            .WithName("InviteRaters").WithSummary("The mentor or the program's managers invite peers by email to rate the mentor, anonymously.");

        var ratings = api.MapGroup("/ratings").WithTags("Programs");
        ratings.MapGet("/{id:guid}", (HttpContext http, GetRatingForm uc, Guid id, CancellationToken ct) => Run(uc.HandleAsync(http.Actor(), id, ct)))
            .WithName("GetRatingForm").WithSummary("Only the invited rater.");
        ratings.MapPut("/{id:guid}", (HttpContext http, SubmitRating uc, Guid id, RatingRequest r, CancellationToken ct) => Run(uc.HandleAsync(http.Actor(), id, r, ct)))
            .WithName("SubmitRating").WithSummary("Only the invited rater: a score 1–5 per attribute; rating again replaces your scores.");
    }

    private static async Task<Results<Ok<EnrollmentForm>, ProblemHttpResult>> GetForm(HttpContext http, GetEnrollmentForm uc, Guid id, string side, CancellationToken ct) =>
        Side(side) is { } s ? (await uc.HandleAsync(http.Actor(), id, s, ct)).ToHttp() : ApiResults.Problem(Error.NotFound("enrollment side"));

    private static async Task<Results<Ok<EnrollmentView>, ProblemHttpResult>> Save(HttpContext http, SaveEnrollment uc, Guid id, string side, EnrollmentRequest request, CancellationToken ct) =>
        Side(side) is { } s ? (await uc.HandleAsync(http.Actor(), id, s, request, ct)).ToHttp() : ApiResults.Problem(Error.NotFound("enrollment side"));

    /// <summary>Awaits a use case and answers 200 with its value or ProblemDetails.</summary>
    internal static async Task<Results<Ok<T>, ProblemHttpResult>> Run<T>(Task<Result<T>> call) => (await call).ToHttp();

    private static EnrollmentSide? Side(string text) => text?.ToUpperInvariant() switch
    {
        "MENTOR" => EnrollmentSide.Mentor,
        "MENTEE" => EnrollmentSide.Mentee,
        _ => null,
    };
}
