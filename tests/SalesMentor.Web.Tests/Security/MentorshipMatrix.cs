using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SalesMentor.App.Common;
using SalesMentor.App.Data;
using SalesMentor.App.Domain;
using SalesMentor.App.Features.Agreements;
using SalesMentor.App.Features.Confidential;
using SalesMentor.App.Features.Notes;
using SalesMentor.App.Features.Sessions;
using SalesMentor.App.Tests.Infrastructure;
using SalesMentor.Web.Tests.Infrastructure;

namespace SalesMentor.Web.Tests.Security;

/// <summary>
/// The mentorship records of the authorization matrix: supervisor B mentors rep A now (<see cref="Target.Mentorship"/>,
/// with a concern); rep B mentored rep A before (<see cref="Target.FormerMentorship"/>, closed, with a concern raised
/// while it ran). So supervisor A is the mentee's supervisor, the VP above them, rep B the former mentor and supervisor B
/// a later mentor of the earlier concern. The concerns carry canaries that only their pair may ever receive.
/// </summary>
internal static class MentorshipMatrix
{
    public const string CurrentCanary = "CANARY-matrix-current-concern";
    public const string FormerCanary = "CANARY-matrix-former-concern";
    public const string RepANoteCanary = "CANARY-matrix-note-of-rep-a";
    public const string RepBNoteCanary = "CANARY-matrix-note-of-rep-b";

    public static async Task<IReadOnlyDictionary<Target, Guid>> CreateAsync(WebTestHost host, TestWorld world)
    {
        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SalesMentorDb>();
        var now = DateTime.UtcNow;
        var former = new Mentorship { MentorId = world.RepB.Id, MenteeId = world.RepA.Id, Stage = MentorshipStage.Active, StartedOn = new DateOnly(2026, 1, 5), Source = "imported", CreatedAt = now };
        var current = new Mentorship { MentorId = world.SupervisorB.Id, MenteeId = world.RepA.Id, Stage = MentorshipStage.Active, StartedOn = new DateOnly(2026, 6, 1), Source = "imported", CreatedAt = now };
        db.Mentorships.AddRange(former, current);
        await db.SaveChangesAsync();
        var mentee = Actor.User(world.RepA.Id, world.RepA.Name, false);
        var raise = scope.ServiceProvider.GetRequiredService<RaiseConcern>();
        var old = Value(await raise.HandleAsync(mentee, former.Id, new RaiseConcernRequest(ConcernKind.Concern, FormerCanary), default));
        var concern = Value(await raise.HandleAsync(mentee, current.Id, new RaiseConcernRequest(ConcernKind.Shortcoming, CurrentCanary), default));
        var note = Value(await scope.ServiceProvider.GetRequiredService<AddPrivateNote>().HandleAsync(mentee, current.Id, new PrivateNoteRequest(RepANoteCanary), default));
        var formerNote = Value(await scope.ServiceProvider.GetRequiredService<AddPrivateNote>().HandleAsync(
            Actor.User(world.RepB.Id, world.RepB.Name, false), former.Id, new PrivateNoteRequest(RepBNoteCanary), default));
        var schedule = scope.ServiceProvider.GetRequiredService<ScheduleSession>();
        var session = Value(await schedule.HandleAsync(mentee, current.Id, new SessionRequest(new DateTimeOffset(2026, 7, 1, 9, 0, 0, TimeSpan.Zero), 45, "Café", null), default));
        var logged = Value(await schedule.HandleAsync(mentee, current.Id, new SessionRequest(new DateTimeOffset(2026, 6, 1, 9, 0, 0, TimeSpan.Zero), 45, null, "https://meet.example/x"), default));
        await HealthMatrix.SeedAsync(scope.ServiceProvider, mentee, Actor.User(world.SupervisorB.Id, world.SupervisorB.Name, false), current.Id);
        await db.Mentorships.Where(m => m.Id == former.Id).ExecuteUpdateAsync(u => u.SetProperty(m => m.Stage, MentorshipStage.Closed));
        var closing = await ClosingMatrix.CreateAsync(scope.ServiceProvider, world);
        return new Dictionary<Target, Guid>(closing)
        {
            [Target.Mentorship] = current.Id, [Target.Concern] = concern.Id, [Target.FormerMentorship] = former.Id, [Target.FormerConcern] = old.Id,
            [Target.Session] = session.Id, [Target.LoggedSession] = logged.Id,
            [Target.Note] = note.Id, [Target.FormerNote] = formerNote.Id,
        };
    }

    /// <summary>
    /// The canaries <paramref name="principal"/> must never receive: rep A may read both concerns and their own note,
    /// supervisor B (the mentor now) the current concern, rep B (the former mentor) their own note; nobody else any.
    /// </summary>
    public static string[] Forbidden(Principal principal) => AuthorizationMatrix.OwnerOf(principal) switch
    {
        Principal.RepA => [RepBNoteCanary, HealthMatrix.SupervisorBPulseCanary],
        Principal.SupervisorB => [FormerCanary, RepANoteCanary, RepBNoteCanary, HealthMatrix.RepAPulseCanary],
        Principal.RepB => [CurrentCanary, FormerCanary, RepANoteCanary, ClosingMatrix.RepAReflectionCanary, ClosingMatrix.SupervisorBReflectionCanary],
        _ => ["CANARY-"],
    };

    /// <summary>Fills in the body of a mentorship row, reading the concern's version as it is now.</summary>
    public static async Task PrepareAsync(SalesMentorDb db, EndpointRow row, HttpRequestMessage request, Guid id, Core.People.PersonId? caller = null)
    {
        var version = await db.Concerns.Where(c => c.Id == id).Select(c => (int?)c.Version).SingleOrDefaultAsync() ?? 0;
        request.Content = row.Body switch
        {
            Body.RaiseConcern => JsonContent.Create(new RaiseConcernRequest(ConcernKind.Concern, CurrentCanary + " again")),
            Body.EditConcern => JsonContent.Create(new EditConcernRequest(ConcernKind.Shortcoming, CurrentCanary + " edited", version)),
            Body.ConcernStatus => JsonContent.Create(new ConcernStatusRequest(ConcernStatus.Discussed, version)),
            Body.Reply => JsonContent.Create(new ReplyRequest("Let us talk it through on Thursday.")),
            Body.Note => JsonContent.Create(new PrivateNoteRequest("A note of the matrix run", await db.PrivateNotes.Where(n => n.Id == id).Select(n => n.Version).SingleOrDefaultAsync())),
            Body.Session => JsonContent.Create(new SessionRequest(new DateTimeOffset(2026, 7, 2, 9, 0, 0, TimeSpan.Zero), 60, "Office", null, await SessionVersionAsync(db, id))),
            Body.SessionVersion => JsonContent.Create(new SessionVersionRequest(await SessionVersionAsync(db, id))),
            Body.SessionLog => JsonContent.Create(new SessionLogRequest(SessionStatus.Held, "Pipeline review", "**Went well**", [new ActionItemInput(null, "Call three lost deals", "mentee", new DateOnly(2026, 7, 10))], [], await SessionVersionAsync(db, id))),
            Body.Agreement => JsonContent.Create(await AgreementAsync(db, id)),
            Body.AgreementVersion => JsonContent.Create(new AgreementVersionRequest(await db.Agreements.Where(a => a.MentorshipId == id).Select(a => a.Version).SingleOrDefaultAsync())),
            >= Body.PlanClosing => await ClosingMatrix.BodyAsync(db, row.Body, id, caller),
            >= Body.AdoptionCheck => await HealthMatrix.BodyAsync(db, row.Body, id, caller),
            _ => request.Content,
        };
    }

    /// <summary>The agreement as stored (its goals sent back with their ids, so nothing changes), or a first one with one KPI goal.</summary>
    private static async Task<AgreementRequest> AgreementAsync(SalesMentorDb db, Guid mentorship)
    {
        var stored = await db.Agreements.AsNoTracking().SingleOrDefaultAsync(a => a.MentorshipId == mentorship);
        return stored is null
            ? new AgreementRequest([new KpiGoalInput(null, "won-revenue", 5000m, new DateOnly(2026, 12, 31))],
                [new BehaviourGoalInput(null, await db.Behaviours.OrderBy(b => b.SortOrder).Select(b => b.Id).FirstAsync(), AdoptionLevel.Consistent)], [],
                MeetingCadence.Fortnightly, "Between us.", 0)
            : new AgreementRequest([.. stored.KpiGoals.Select(g => new KpiGoalInput(g.Id, g.Kpi, g.Target, g.TargetDate))],
                [.. stored.BehaviourGoals.Select(g => new BehaviourGoalInput(g.Id, g.BehaviourId, g.Level))], stored.ValueIds, stored.Cadence, stored.Terms, stored.Version);
    }

    private static async Task<int> SessionVersionAsync(SalesMentorDb db, Guid id) =>
        await db.Sessions.Where(x => x.Id == id).Select(x => x.Version).SingleOrDefaultAsync();

    private static T Value<T>(Result<T> result) => result.IsSuccess ? result.Value : throw new InvalidOperationException(result.Error!.Message);
}
