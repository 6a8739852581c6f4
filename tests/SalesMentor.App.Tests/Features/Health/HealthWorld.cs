using Microsoft.EntityFrameworkCore;
using SalesMentor.App.Common;
using SalesMentor.App.Domain;
using SalesMentor.App.Features.Adoption;
using SalesMentor.App.Features.Health;
using SalesMentor.App.Tests.Features.Programs;
using SalesMentor.App.Tests.Infrastructure;

namespace SalesMentor.App.Tests.Features.Health;

/// <summary>
/// A program created on 2026-06-15 (so pulse rounds of 4 weeks start then), ending 2026-12-31, with one running
/// mentorship: the star mentors rep A (supervisor A leads A, the VP leads supervisor A). Its agreement has one
/// behaviour goal (a behaviour with a CRM signal, target Habit) and rep C mentored rep A before, closed.
/// </summary>
public sealed class HealthWorld
{
    public required TestApp App { get; init; }
    public required ProgramWorld Programs { get; init; }
    public required Guid Current { get; init; }
    public required Guid Former { get; init; }
    public required Guid GoalId { get; init; }

    public TestWorld World => Programs.World;
    public Guid ProgramId => Programs.ProgramId;
    public Actor Mentee => TestApp.As(World.RepA);
    public Actor Mentor => TestApp.As(World.Star);
    public Actor Admin => TestApp.As(World.Admin, admin: true);

    /// <summary>Everyone who must never read a pulse answer of the current mentorship.</summary>
    public IEnumerable<(string Who, Actor Actor)> Outsiders =>
    [
        ("admin", Admin), ("supervisor", TestApp.As(World.SupervisorA)), ("vp", TestApp.As(World.Vp)), ("teammate", TestApp.As(World.RepB)),
        ("former mentor", TestApp.As(World.RepC)), ("command line", Actor.CommandLine), ("system", Actor.System),
    ];

    public static async Task<HealthWorld> CreateAsync(TestApp app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var programs = await ProgramWorld.CreateAsync(app);
        var world = programs.World;
        var now = app.Clock.GetUtcNow().UtcDateTime;
        var start = DateOnly.FromDateTime(now);
        var current = new Mentorship { ProgramId = programs.ProgramId, MentorId = world.Star.Id, MenteeId = world.RepA.Id, Stage = MentorshipStage.Active, StartedOn = start, Source = "matched", CreatedAt = now };
        var former = new Mentorship { MentorId = world.RepC.Id, MenteeId = world.RepA.Id, Stage = MentorshipStage.Closed, StartedOn = new DateOnly(2026, 1, 5), EndedOn = new DateOnly(2026, 5, 1), Source = "imported", CreatedAt = now };
        var behaviour = await app.InScopeAsync(s => s.Db.Behaviours.AsNoTracking().OrderBy(b => b.SortOrder).FirstAsync(b => b.Signal != CrmSignal.None));
        var goal = new BehaviourGoal(Guid.CreateVersion7(), behaviour.Id, AdoptionLevel.Habit);
        await app.SeedAsync(db =>
        {
            db.Mentorships.AddRange(current, former);
            db.Agreements.Add(new Agreement { MentorshipId = current.Id, Terms = "Between us.", BehaviourGoals = [goal], UpdatedAt = now });
        });
        return new HealthWorld { App = app, Programs = programs, Current = current.Id, Former = former.Id, GoalId = goal.Id };
    }

    /// <summary>Adds a running mentorship of the program between two new people (the mentee led by <paramref name="menteeManager"/>); returns it and its two actors.</summary>
    public async Task<(Guid Id, Actor Mentor, Actor Mentee)> AddPairAsync(int n, Core.People.PersonId? menteeManager = null)
    {
        var now = App.Clock.GetUtcNow().UtcDateTime;
        Person New(string name) => new() { Name = name, Email = $"{name.Replace(' ', '.').ToLowerInvariant()}@world.test", Title = "Account Executive", CreatedAt = now, UpdatedAt = now };
        var (mentor, mentee) = (New($"Mentor {n}"), New($"Mentee {n}"));
        mentor.RefreshKeys();
        mentee.ManagerId = menteeManager;
        mentee.RefreshKeys();
        var m = new Mentorship { ProgramId = ProgramId, MentorId = mentor.Id, MenteeId = mentee.Id, Stage = MentorshipStage.Active, StartedOn = DateOnly.FromDateTime(now), Source = "matched", CreatedAt = now };
        await App.SeedAsync(db =>
        {
            db.People.AddRange(mentor, mentee);
            db.Mentorships.Add(m);
        });
        return (m.Id, TestApp.As(mentor), TestApp.As(mentee));
    }

    public Task<Result<MyPulsesView>> PulseAsync(Actor actor, Guid mentorship, int trust, int safety, int value, int commitment, string? comment = null, int version = 0) =>
        App.InScopeAsync(s => s.Get<RecordPulse>().HandleAsync(actor, mentorship, new PulseRequest(trust, safety, value, commitment, comment, version), default));

    public Task<Result<MyPulsesView>> MyPulsesAsync(Actor actor, Guid mentorship) =>
        App.InScopeAsync(s => s.Get<ListMyPulses>().HandleAsync(actor, mentorship, default));

    public Task<Result<ProgramHealthView>> ProgramHealthAsync(Actor? actor = null) =>
        App.InScopeAsync(s => s.Get<GetProgramHealth>().HandleAsync(actor ?? Admin, ProgramId, default));

    public Task<Result<TeamPulseView>> TeamPulseAsync(Actor actor) =>
        App.InScopeAsync(s => s.Get<GetTeamPulse>().HandleAsync(actor, ProgramId, default));

    public Task<Result<MentorshipHealthView>> PairHealthAsync(Actor actor, Guid? mentorship = null) =>
        App.InScopeAsync(s => s.Get<GetMentorshipHealth>().HandleAsync(actor, mentorship ?? Current, default));

    public Task<Result<AdoptionCheckView>> CheckAsync(Actor actor, AdoptionLevel level, string? evidence = null, DateOnly? on = null, Guid? goal = null) =>
        App.InScopeAsync(s => s.Get<RecordAdoptionCheck>().HandleAsync(actor, Current, new AdoptionCheckRequest(goal ?? GoalId, level, evidence, on), default));

    public Task<Result<AdoptionView>> AdoptionAsync(Actor actor, Guid? mentorship = null) =>
        App.InScopeAsync(s => s.Get<GetAdoption>().HandleAsync(actor, mentorship ?? Current, default));

    /// <summary>Moves the clock on by whole weeks.</summary>
    public void Weeks(int weeks) => App.Clock.Advance(TimeSpan.FromDays(7 * weeks));

    public static Task<T> Ok<T>(Task<Result<T>> call) => ProgramWorld.Ok(call);
}
