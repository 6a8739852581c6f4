using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SalesMentor.App.Common;
using SalesMentor.App.Data;
using SalesMentor.App.Domain;
using SalesMentor.App.Features.Agreements;
using SalesMentor.App.Features.Closing;
using SalesMentor.App.Tests.Infrastructure;
using SalesMentor.Core.People;
using SalesMentor.Web.Tests.Infrastructure;

namespace SalesMentor.Web.Tests.Security;

/// <summary>
/// The rows of closing a mentorship, on two mentorships of their own so the closing changes nothing the other rows use:
/// supervisor B mentors rep A in <see cref="Target.ClosingMentorship"/> (closing already, both reflections written with
/// canaries only the pair may receive) and in <see cref="Target.EndingMentorship"/> (running). Rep A runs first: they close
/// the one after the conversation and end the other early, so supervisor B, who runs later, is their former mentor (404,
/// but the certificate). The supervisor chain and the admin read the outcomes, never the reflections (403 on the writes).
/// </summary>
internal static class ClosingMatrix
{
    public const string RepAReflectionCanary = "CANARY-matrix-reflection-of-rep-a";
    public const string SupervisorBReflectionCanary = "CANARY-matrix-reflection-of-supervisor-b";

    //                                     anon admin repA repB supA supB  vp  disabled
    private const string SignedInMissing = "401  404  404  404  404  404  404  401";
    private const string Outcomes =        "401  200  200  404  200  404  200  401";
    private const string PairWrites =      "401  403  200  404  403  404  403  401";
    // Rep A's read token calls before rep A's write token has closed it (409 not yet); with the cookie rep A has closed it first.
    private const string Certificate =     "401  404  200|409  404  404  200  404  401";

    public static IReadOnlyList<EndpointRow> Endpoints { get; } =
    [
        new("GET", "/api/mentorships/{id}/closing", Target.ClosingMentorship, Outcomes),
        new("GET", "/api/mentorships/{id}/closing", Target.FormerMentorship, Outcomes),
        new("GET", "/api/mentorships/{id}/closing", Target.Missing, SignedInMissing),
        new("PUT", "/api/mentorships/{id}/closing", Target.ClosingMentorship, PairWrites, Body: Body.PlanClosing),
        new("PUT", "/api/mentorships/{id}/closing", Target.FormerMentorship, "401  403  409  404  403  404  403  401", Body: Body.PlanClosing),
        new("PUT", "/api/mentorships/{id}/closing", Target.Missing, SignedInMissing, Body: Body.PlanClosing),
        new("PUT", "/api/mentorships/{id}/closing/reflection", Target.ClosingMentorship, PairWrites, Body: Body.Reflection),
        new("PUT", "/api/mentorships/{id}/closing/reflection", Target.Missing, SignedInMissing, Body: Body.Reflection),
        new("PUT", "/api/mentorships/{id}/closing/outcomes", Target.ClosingMentorship, PairWrites, Body: Body.Outcomes),
        new("PUT", "/api/mentorships/{id}/closing/outcomes", Target.Missing, SignedInMissing, Body: Body.Outcomes),
        new("POST", "/api/mentorships/{id}/closing/complete", Target.ClosingMentorship, PairWrites, Body: Body.ClosingVersion),
        new("POST", "/api/mentorships/{id}/closing/complete", Target.Missing, SignedInMissing, Body: Body.ClosingVersion),

        // The certificate: for the pair, the former mentor included (rep B of the earlier mentorship, supervisor B once rep A closed this one).
        new("GET", "/api/mentorships/{id}/closing/certificate", Target.ClosingMentorship, Certificate),
        new("GET", "/api/mentorships/{id}/closing/certificate", Target.FormerMentorship, "401  404  200  200  404  404  404  401"),
        new("GET", "/api/mentorships/{id}/closing/certificate", Target.Missing, SignedInMissing),

        // An early end: either of the pair or the program's managers (admins here); rep A ends it first, so the admin, last, finds it ended.
        new("POST", "/api/mentorships/{id}/closing/end-early", Target.EndingMentorship, "401  409  200  404  403  404  403  401", Body: Body.EndEarly),
        new("POST", "/api/mentorships/{id}/closing/end-early", Target.Missing, SignedInMissing, Body: Body.EndEarly),
    ];

    public static IReadOnlyList<PageRow> Pages { get; } =
    [
        new("/mentorships/{Id:guid}/my-notes", PageAccess.SignedIn, "This mentorship does not exist", Path: "/mentorships/0199aaaa-0000-7000-8000-00000000dead/my-notes"),
    ];

    /// <summary>The two mentorships of the closing rows.</summary>
    public static async Task<IReadOnlyDictionary<Target, Guid>> CreateAsync(IServiceProvider services, TestWorld world)
    {
        var db = services.GetRequiredService<SalesMentorDb>();
        var now = DateTime.UtcNow;
        var closing = new Mentorship { MentorId = world.SupervisorB.Id, MenteeId = world.RepA.Id, Stage = MentorshipStage.Active, StartedOn = new DateOnly(2026, 2, 2), Source = "imported", CreatedAt = now };
        var ending = new Mentorship { MentorId = world.SupervisorB.Id, MenteeId = world.RepA.Id, Stage = MentorshipStage.Active, StartedOn = new DateOnly(2026, 3, 2), Source = "imported", CreatedAt = now };
        db.Mentorships.AddRange(closing, ending);
        await db.SaveChangesAsync();
        var mentee = Actor.User(world.RepA.Id, world.RepA.Name, false);
        var mentor = Actor.User(world.SupervisorB.Id, world.SupervisorB.Name, false);
        var behaviour = await db.Behaviours.OrderBy(b => b.SortOrder).Select(b => b.Id).FirstAsync();
        Value(await services.GetRequiredService<SaveAgreement>().HandleAsync(mentee, closing.Id, new AgreementRequest(
            [new KpiGoalInput(null, "won-revenue", 5000m, new DateOnly(2026, 12, 31))], [new BehaviourGoalInput(null, behaviour, AdoptionLevel.Consistent)], [],
            MeetingCadence.Fortnightly, "Between us.", 0), default));
        var version = await db.Mentorships.Where(m => m.Id == closing.Id).Select(m => m.Version).SingleAsync();
        Value(await services.GetRequiredService<PlanClosing>().HandleAsync(mentee, closing.Id, new PlanClosingRequest(PlannedEnd, version), default));
        Value(await services.GetRequiredService<WriteReflection>().HandleAsync(mentee, closing.Id, new ReflectionRequest(RepAReflectionCanary), default));
        Value(await services.GetRequiredService<WriteReflection>().HandleAsync(mentor, closing.Id, new ReflectionRequest(SupervisorBReflectionCanary), default));
        return new Dictionary<Target, Guid> { [Target.ClosingMentorship] = closing.Id, [Target.EndingMentorship] = ending.Id };
    }

    /// <summary>Fills in the body of a closing row with the versions as they are now.</summary>
    public static async Task<HttpContent?> BodyAsync(SalesMentorDb db, Body body, Guid id, PersonId? caller)
    {
        var version = await db.Mentorships.Where(m => m.Id == id).Select(m => (int?)m.Version).SingleOrDefaultAsync() ?? 0;
        switch (body)
        {
            case Body.PlanClosing:
                return JsonContent.Create(new PlanClosingRequest(PlannedEnd, version));
            case Body.Reflection:
                var own = await db.Reflections.Where(r => r.MentorshipId == id && r.AuthorId == caller).Select(r => (int?)r.Version).SingleOrDefaultAsync() ?? 0;
                return JsonContent.Create(new ReflectionRequest("What I take with me from the matrix run", own));
            case Body.Outcomes:
                var agreement = await db.Agreements.AsNoTracking().SingleOrDefaultAsync(a => a.MentorshipId == id);
                var goals = agreement is null ? [] : agreement.KpiGoals.Select(g => g.Id).Concat(agreement.BehaviourGoals.Select(g => g.Id));
                return JsonContent.Create(new OutcomesRequest([.. goals.Select(g => new GoalOutcomeInput(g, GoalAchievement.Achieved))], version));
            case Body.ClosingVersion:
                return JsonContent.Create(new ClosingVersionRequest(version));
            case Body.EndEarly:
                return JsonContent.Create(new EndEarlyRequest(EarlyEndReason.Workload, "The quarter got too busy.", version));
            default:
                return null;
        }
    }

    private static DateOnly PlannedEnd => DateOnly.FromDateTime(DateTime.UtcNow).AddDays(30);

    private static T Value<T>(Result<T> result) => result.IsSuccess ? result.Value : throw new InvalidOperationException(result.Error!.Message);
}
