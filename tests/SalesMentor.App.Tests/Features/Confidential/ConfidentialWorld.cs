using SalesMentor.App.Common;
using SalesMentor.App.Domain;
using SalesMentor.App.Features.Confidential;
using SalesMentor.App.Tests.Features.Programs;
using SalesMentor.App.Tests.Infrastructure;

namespace SalesMentor.App.Tests.Features.Confidential;

/// <summary>
/// A mentorship over <see cref="TestWorld"/>: the star mentors rep A (supervisor A leads A, the VP leads supervisor A).
/// <see cref="Former"/> is an earlier mentorship of rep A with rep C as mentor, running until a test ends it.
/// </summary>
public sealed class ConfidentialWorld
{
    public required TestApp App { get; init; }
    public required TestWorld World { get; init; }
    public required Guid Current { get; init; }
    public required Guid Former { get; init; }

    public Actor Mentee => TestApp.As(World.RepA);
    public Actor Mentor => TestApp.As(World.Star);
    public Actor FormerMentor => TestApp.As(World.RepC);

    /// <summary>Everyone who must never see the current mentorship's confidential space.</summary>
    public IEnumerable<(string Who, Actor Actor)> Outsiders =>
    [
        ("admin", TestApp.As(World.Admin, admin: true)), ("supervisor", TestApp.As(World.SupervisorA)), ("vp", TestApp.As(World.Vp)),
        ("teammate", TestApp.As(World.RepB)), ("former mentor", FormerMentor), ("command line", Actor.CommandLine), ("system", Actor.System),
    ];

    public static async Task<ConfidentialWorld> CreateAsync(TestApp app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var world = await TestWorld.CreateAsync(app.Services, app.Clock.GetUtcNow().UtcDateTime);
        var now = app.Clock.GetUtcNow().UtcDateTime;
        var former = new Mentorship { MentorId = world.RepC.Id, MenteeId = world.RepA.Id, Stage = MentorshipStage.Active, StartedOn = new DateOnly(2026, 1, 5), Source = "imported", CreatedAt = now };
        var current = new Mentorship { MentorId = world.Star.Id, MenteeId = world.RepA.Id, Stage = MentorshipStage.Active, StartedOn = new DateOnly(2026, 6, 1), Source = "imported", CreatedAt = now };
        await app.SeedAsync(db => db.Mentorships.AddRange(former, current));
        return new ConfidentialWorld { App = app, World = world, Current = current.Id, Former = former.Id };
    }

    /// <summary>Ends a mentorship (stage closed), as closing it will.</summary>
    public Task EndAsync(Guid mentorship) => App.InScopeAsync(async s =>
    {
        var m = s.Db.Mentorships.Single(x => x.Id == mentorship);
        (m.Stage, m.EndedOn) = (MentorshipStage.Closed, new DateOnly(2026, 6, 10));
        return await s.Db.SaveChangesAsync();
    });

    public Task<Result<ConcernView>> RaiseAsync(Guid mentorship, string text, ConcernKind kind = ConcernKind.Concern, Actor? actor = null) =>
        App.InScopeAsync(s => s.Get<RaiseConcern>().HandleAsync(actor ?? Mentee, mentorship, new RaiseConcernRequest(kind, text), default));

    public Task<Result<ConcernView>> ReplyAsync(Actor actor, Guid concern, string text) =>
        App.InScopeAsync(s => s.Get<ReplyToConcern>().HandleAsync(actor, concern, new ReplyRequest(text), default));

    public Task<Result<ConfidentialSpaceView>> ListAsync(Actor actor, Guid mentorship) =>
        App.InScopeAsync(s => s.Get<ListConcerns>().HandleAsync(actor, mentorship, default));

    public Task<Result<ConcernView>> GetAsync(Actor actor, Guid concern) =>
        App.InScopeAsync(s => s.Get<GetConcern>().HandleAsync(actor, concern, default));

    public Task<Result<ConcernView>> StatusAsync(Actor actor, Guid concern, ConcernStatus status, int version) =>
        App.InScopeAsync(s => s.Get<SetConcernStatus>().HandleAsync(actor, concern, new ConcernStatusRequest(status, version), default));

    public Task<Result<ConcernView>> EditAsync(Actor actor, Guid concern, string text, int version) =>
        App.InScopeAsync(s => s.Get<EditConcern>().HandleAsync(actor, concern, new EditConcernRequest(ConcernKind.Shortcoming, text, version), default));

    public Task<Result<IReadOnlyList<ConcernReadView>>> ReadsAsync(Actor actor, Guid mentorship) =>
        App.InScopeAsync(s => s.Get<ListConcernReads>().HandleAsync(actor, mentorship, default));

    public static Task<T> Ok<T>(Task<Result<T>> call) => ProgramWorld.Ok(call);
}
