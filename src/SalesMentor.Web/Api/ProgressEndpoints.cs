using SalesMentor.App.Features.Progress;
using static SalesMentor.Web.Api.ProgramsEndpoints;

namespace SalesMentor.Web.Api;

/// <summary>
/// Progress: a mentee's progress in a mentorship (goals and progress — the pair, the supervisor chain, the program's
/// managers; sessions and action items for the pair only) and the caller's mentoring home (their mentees at a glance,
/// and the mentorships of the people they lead).
/// </summary>
public static class ProgressEndpoints
{
    public static void MapProgressEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("/mentorships/{id:guid}/progress", (HttpContext http, GetMentorshipProgress uc, Guid id, CancellationToken ct) => Run(uc.HandleAsync(http.Actor(), id, ct)))
            .WithTags("Progress").WithName("GetMentorshipProgress")
            .WithSummary("KPI goals as baseline → current → target with monthly values and the surpass-the-mentor marker, behaviour adoption, values observations; sessions and action items for the pair only.");
        api.MapGet("/me/mentoring-home", (HttpContext http, GetMentoringHome uc, CancellationToken ct) => Run(uc.HandleAsync(http.Actor(), ct)))
            .WithTags("Progress").WithName("GetMentoringHome")
            .WithSummary("Your mentees at a glance with what needs attention, and the running mentorships of the people you lead (goals and progress only).");
    }
}
