using SalesMentor.App.Features.Adoption;
using SalesMentor.App.Features.Health;
using static SalesMentor.Web.Api.ProgramsEndpoints;

namespace SalesMentor.Web.Api;

/// <summary>
/// Behaviour and values adoption (goals and progress: the pair, the supervisor chain, the program's managers; only the
/// pair records), pulse check-ins (each person's own, never anyone else's), the pair's health notice, and the program's
/// health page (its managers: pairs at risk with reasons only, pulse aggregates over ≥ 5 people) and a manager's pulse
/// aggregates of their own people.
/// </summary>
public static class HealthEndpoints
{
    public static void MapHealthEndpoints(this RouteGroupBuilder api)
    {
        var mentorships = api.MapGroup("/mentorships").WithTags("Mentorship health");
        mentorships.MapGet("/{id:guid}/adoption", (HttpContext http, GetAdoption uc, Guid id, CancellationToken ct) => Run(uc.HandleAsync(http.Actor(), id, ct)))
            .WithName("GetAdoption").WithSummary("Each behaviour goal with the mentee's check-ins and the mentor's observations, values observations, and the timeline. Goals and progress: the pair, the supervisor chain, the program's managers.");
        mentorships.MapPost("/{id:guid}/adoption", (HttpContext http, RecordAdoptionCheck uc, Guid id, AdoptionCheckRequest r, CancellationToken ct) => Run(uc.HandleAsync(http.Actor(), id, r, ct)))
            .WithName("RecordAdoptionCheck").WithSummary("A rating of one behaviour goal (NotYet, Trying, Practising, Consistent, Habit) with a short evidence note: the mentee's check-in or the mentor's observation.");
        mentorships.MapPost("/{id:guid}/value-observations", (HttpContext http, RecordValueObservation uc, Guid id, ValueObservationRequest r, CancellationToken ct) => Run(uc.HandleAsync(http.Actor(), id, r, ct)))
            .WithName("RecordValueObservation").WithSummary("A company value seen in action: which value, what was seen; by the mentor or the mentee.");
        mentorships.MapGet("/{id:guid}/pulses", (HttpContext http, ListMyPulses uc, Guid id, CancellationToken ct) => Run(uc.HandleAsync(http.Actor(), id, ct)))
            .WithName("ListMyPulses").WithSummary("Your own pulse answers of the mentorship and whether this round's is due. Nobody else's answers, ever.");
        mentorships.MapPost("/{id:guid}/pulses", (HttpContext http, RecordPulse uc, Guid id, PulseRequest r, CancellationToken ct) => Run(uc.HandleAsync(http.Actor(), id, r, ct)))
            .WithName("RecordPulse").WithSummary("This round's pulse: trust, safety, value, commitment (1–5) and an optional comment; sealed, readable by you only. Again in the same round changes it (send its version).");
        mentorships.MapGet("/{id:guid}/health", (HttpContext http, GetMentorshipHealth uc, Guid id, CancellationToken ct) => Run(uc.HandleAsync(http.Actor(), id, ct)))
            .WithName("GetMentorshipHealth").WithSummary("For the pair: the health flags of their mentorship, whether a pulse is due, and what the program's admins see.");

        var programs = api.MapGroup("/programs").WithTags("Mentorship health");
        programs.MapGet("/{id:guid}/health", (HttpContext http, GetProgramHealth uc, Guid id, CancellationToken ct) => Run(uc.HandleAsync(http.Actor(), id, ct)))
            .WithName("GetProgramHealth").WithSummary("The program's managers: pairs at risk with the reason only, and pulse aggregates of closed rounds over ≥ 5 people (no two differing by fewer than 5).");
        programs.MapGet("/{id:guid}/team-pulse", (HttpContext http, GetTeamPulse uc, Guid id, CancellationToken ct) => Run(uc.HandleAsync(http.Actor(), id, ct)))
            .WithName("GetTeamPulse").WithSummary("A manager's pulse results for their own people in the program: aggregates of closed rounds over ≥ 5 of them, no two (anyone's) differing by fewer than 5. 404 without people below you.");
        programs.MapPut("/{id:guid}/health/settings", (HttpContext http, SaveHealthSettings uc, Guid id, HealthSettingsRequest r, CancellationToken ct) => Run(uc.HandleAsync(http.Actor(), id, r, ct)))
            .WithName("SaveHealthSettings").WithSummary("Weeks between pulses and weeks without a session before a pair is flagged (1–12). The pulse interval is fixed once pulses were answered (409).");
    }
}
