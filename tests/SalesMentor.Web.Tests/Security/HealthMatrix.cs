using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SalesMentor.App.Common;
using SalesMentor.App.Data;
using SalesMentor.App.Domain;
using SalesMentor.App.Features.Adoption;
using SalesMentor.App.Features.Health;
using SalesMentor.Core.People;

namespace SalesMentor.Web.Tests.Security;

/// <summary>
/// The rows of behaviour adoption, pulses and health (on <see cref="MentorshipMatrix"/>'s mentorships and
/// <see cref="ProgramMatrix"/>'s program), kept apart from the main table so the two grow without stepping on each other.
/// Adoption is goals and progress: read by the pair, the supervisor chain and admins; written by the pair only (403 for
/// the readers). Pulses are each person's own (404 for everyone else). The program's health is for its managers (403);
/// a manager's pulse of their own people for anyone with people below them (404 for others).
/// </summary>
internal static class HealthMatrix
{
    public const string RepAPulseCanary = "CANARY-matrix-pulse-of-rep-a";
    public const string SupervisorBPulseCanary = "CANARY-matrix-pulse-of-supervisor-b";

    //                                   anon admin repA repB supA supB  vp  disabled
    private const string SignedInMissing = "401  404  404  404  404  404  404  401";
    private const string AdminOnly =       "401  200  403  403  403  403  403  401";
    private const string PairOnly =        "401  404  200  404  404  200  404  401";
    private const string MenteeOnly =      "401  404  200  404  404  404  404  401";
    private const string Progress =        "401  200  200  404  200  200  200  401";
    private const string FormerProgress =  "401  200  200  404  200  404  200  401";
    private const string PairWrites =      "401  403  200  404  403  200  403  401";
    private const string EndedWrites =     "401  403  409  404  403  404  403  401";
    private const string Managers =        "401  404  404  404  200  200  200  401";

    public static IReadOnlyList<EndpointRow> Endpoints { get; } =
    [
        new("GET", "/api/mentorships/{id}/adoption", Target.Mentorship, Progress),
        new("GET", "/api/mentorships/{id}/adoption", Target.FormerMentorship, FormerProgress),
        new("GET", "/api/mentorships/{id}/adoption", Target.Missing, SignedInMissing),
        new("POST", "/api/mentorships/{id}/adoption", Target.Mentorship, PairWrites, Body: Body.AdoptionCheck),
        new("POST", "/api/mentorships/{id}/adoption", Target.FormerMentorship, EndedWrites, Body: Body.AdoptionCheck),
        new("POST", "/api/mentorships/{id}/adoption", Target.Missing, SignedInMissing, Body: Body.AdoptionCheck),
        new("POST", "/api/mentorships/{id}/value-observations", Target.Mentorship, PairWrites, Body: Body.ValueObservation),
        new("POST", "/api/mentorships/{id}/value-observations", Target.FormerMentorship, EndedWrites, Body: Body.ValueObservation),
        new("POST", "/api/mentorships/{id}/value-observations", Target.Missing, SignedInMissing, Body: Body.ValueObservation),

        // Pulses: the caller's own only. The mentee keeps reading their own after the end; the former mentor does not (DESIGN.md).
        new("GET", "/api/mentorships/{id}/pulses", Target.Mentorship, PairOnly),
        new("GET", "/api/mentorships/{id}/pulses", Target.FormerMentorship, MenteeOnly),
        new("GET", "/api/mentorships/{id}/pulses", Target.Missing, SignedInMissing),
        new("POST", "/api/mentorships/{id}/pulses", Target.Mentorship, PairOnly, Body: Body.Pulse),
        new("POST", "/api/mentorships/{id}/pulses", Target.FormerMentorship, "401  404  409  404  404  404  404  401", Body: Body.Pulse),
        new("POST", "/api/mentorships/{id}/pulses", Target.Missing, SignedInMissing, Body: Body.Pulse),
        new("GET", "/api/mentorships/{id}/health", Target.Mentorship, PairOnly),
        new("GET", "/api/mentorships/{id}/health", Target.FormerMentorship, MenteeOnly),
        new("GET", "/api/mentorships/{id}/health", Target.Missing, SignedInMissing),

        // The program's health page and settings: its managers (admins here).
        new("GET", "/api/programs/{id}/health", Target.Program, AdminOnly),
        new("GET", "/api/programs/{id}/health", Target.Missing, SignedInMissing),
        new("PUT", "/api/programs/{id}/health/settings", Target.Program, AdminOnly, Body: Body.HealthSettings),

        // A manager's pulse aggregates of their own people: whoever has people below them and sees the program.
        new("GET", "/api/programs/{id}/team-pulse", Target.Program, Managers),
        new("GET", "/api/programs/{id}/team-pulse", Target.Missing, SignedInMissing),
        new("PUT", "/api/programs/{id}/health/settings", Target.Missing, SignedInMissing, Body: Body.HealthSettings),
    ];

    public static IReadOnlyList<PageRow> Pages { get; } =
    [
        new("/mentorships/{Id:guid}/pulse", PageAccess.SignedIn, "This mentorship does not exist", Path: "/mentorships/0199aaaa-0000-7000-8000-00000000dead/pulse"),
        new("/mentorships/{Id:guid}/adoption", PageAccess.SignedIn, "This mentorship does not exist", Path: "/mentorships/0199aaaa-0000-7000-8000-00000000dead/adoption"),
        new("/programs/{Id:guid}/health", PageAccess.SignedIn, "This program does not exist", Path: "/programs/0199aaaa-0000-7000-8000-00000000dead/health"),
        new("/programs/{Id:guid}/team-pulse", PageAccess.SignedIn, "pulse for your people does not exist", Path: "/programs/0199aaaa-0000-7000-8000-00000000dead/team-pulse"),
    ];

    /// <summary>Rep A's and supervisor B's pulses of the current mentorship, each with a canary only its author may receive.</summary>
    public static async Task SeedAsync(IServiceProvider services, Actor mentee, Actor mentor, Guid mentorship)
    {
        var record = services.GetRequiredService<RecordPulse>();
        foreach (var (actor, canary) in new[] { (mentee, RepAPulseCanary), (mentor, SupervisorBPulseCanary) })
        {
            var result = await record.HandleAsync(actor, mentorship, new PulseRequest(2, 3, 4, 5, canary), default);
            if (!result.IsSuccess) throw new InvalidOperationException(result.Error!.Message);
        }
    }

    /// <summary>Fills in the body of a health row; a pulse is sent with the version of the caller's own answer.</summary>
    public static async Task<HttpContent?> BodyAsync(SalesMentorDb db, Body body, Guid id, PersonId? caller) => body switch
    {
        Body.AdoptionCheck => JsonContent.Create(new AdoptionCheckRequest(
            (await db.Agreements.AsNoTracking().Where(a => a.MentorshipId == id).Select(a => a.BehaviourGoals).SingleOrDefaultAsync())?.FirstOrDefault()?.Id ?? Guid.Empty,
            AdoptionLevel.Trying, "Asked for the next step")),
        Body.ValueObservation => JsonContent.Create(new ValueObservationRequest(await db.CompanyValues.Select(v => v.Id).FirstAsync(), "Kept a promise to a customer")),
        Body.Pulse => JsonContent.Create(new PulseRequest(4, 4, 4, 4, "A pulse of the matrix run",
            await db.Pulses.Where(p => p.MentorshipId == id && p.RespondentId == caller).OrderByDescending(p => p.Round).Select(p => p.Version).FirstOrDefaultAsync())),
        Body.HealthSettings => JsonContent.Create(new HealthSettingsRequest(
            await db.Programs.Where(p => p.Id == id).Select(p => p.PulseEveryWeeks).SingleOrDefaultAsync(), 3,
            await db.Programs.Where(p => p.Id == id).Select(p => p.Version).SingleOrDefaultAsync())),
        _ => null,
    };
}
