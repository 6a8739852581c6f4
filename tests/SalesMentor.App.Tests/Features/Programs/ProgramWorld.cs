using SalesMentor.App.Common;
using SalesMentor.App.Domain;
using SalesMentor.App.Features.Enrollments;
using SalesMentor.App.Features.Matching;
using SalesMentor.App.Features.Programs;
using SalesMentor.App.Features.Ratings;
using SalesMentor.App.Tests.Infrastructure;
using SalesMentor.Core.People;

namespace SalesMentor.App.Tests.Features.Programs;

/// <summary>
/// A program over <see cref="TestWorld"/>: the admin creates it (proven stars not required unless asked) and opens
/// enrollment; helpers enroll people and run the board the way the pages do. Supervisor A leads reps A and B;
/// supervisor B leads rep C and the star.
/// </summary>
public sealed class ProgramWorld
{
    public required TestApp App { get; init; }
    public required TestWorld World { get; init; }
    public required Guid ProgramId { get; set; }

    public Actor Admin => TestApp.As(World.Admin, admin: true);

    public static async Task<ProgramWorld> CreateAsync(TestApp app, bool requireStars = false, ProgramStatus status = ProgramStatus.Enrolling, int minimumScore = 0)
    {
        ArgumentNullException.ThrowIfNull(app);
        var world = await TestWorld.CreateAsync(app.Services, app.Clock.GetUtcNow().UtcDateTime);
        var admin = TestApp.As(world.Admin, admin: true);
        var request = new ProgramRequest("Spring cohort", "Grow closers", new DateOnly(2026, 7, 1), new DateOnly(2026, 12, 31), "best", minimumScore,
            Rules: new ProgramRulesView(requireStars, true, false, true, 2));
        var created = await app.InScopeAsync(s => s.Get<CreateProgram>().HandleAsync(admin, request, default));
        Assert.True(created.IsSuccess, created.Error?.Message);
        var programs = new ProgramWorld { App = app, World = world, ProgramId = created.Value.Id };
        await programs.MoveToAsync(status);
        return programs;
    }

    /// <summary>Moves the program one step at a time to <paramref name="status"/>.</summary>
    public async Task MoveToAsync(ProgramStatus status)
    {
        var program = await Ok(App.InScopeAsync(s => s.Get<GetProgram>().HandleAsync(Admin, ProgramId, default)));
        for (var next = program.Status + 1; next <= status; next++)
        {
            var step = next;
            program = await Ok(App.InScopeAsync(s => s.Get<SetProgramStatus>().HandleAsync(Admin, ProgramId, new ProgramStatusRequest(step, program.Version), default)));
        }
    }

    public Task<EnrollmentView> EnrollMentorAsync(Person person, int capacity, params (string Skill, int Level)[] strengths) =>
        Ok(EnrollAsync(person, EnrollmentSide.Mentor, new EnrollmentRequest(capacity, [.. strengths.Select(s => new SkillLevelInput(s.Skill, s.Level))])));

    public Task<EnrollmentView> EnrollMenteeAsync(Person person, params (string Skill, int Level, GapVisibility Visibility)[] gaps) =>
        Ok(EnrollAsync(person, EnrollmentSide.Mentee, new EnrollmentRequest(Skills: [.. gaps.Select(g => new SkillLevelInput(g.Skill, g.Level, Visibility: g.Visibility))])));

    public Task<Result<EnrollmentView>> EnrollAsync(Person person, EnrollmentSide side, EnrollmentRequest request) =>
        App.InScopeAsync(s => s.Get<SaveEnrollment>().HandleAsync(TestApp.As(person), ProgramId, side, request, default));

    public Task<BoardView> RunAsync(string? mode = null) => Ok(App.InScopeAsync(s => s.Get<ProposeMatches>().HandleAsync(Admin, ProgramId, new RunMatchingRequest(mode), default)));

    public Task<BoardView> BoardAsync() => Ok(App.InScopeAsync(s => s.Get<GetMatchingBoard>().HandleAsync(Admin, ProgramId, default)));

    public Task<BoardView> PublishAsync() => Ok(App.InScopeAsync(s => s.Get<PublishPairs>().HandleAsync(Admin, ProgramId, default)));

    public Task<Result<MyProposalView>> RespondAsync(Person person, Guid pair, bool accept, string? reason = null) =>
        App.InScopeAsync(s => s.Get<RespondToProposal>().HandleAsync(TestApp.As(person), pair, new RespondRequest(accept, reason), default));

    public Task<Result<EnrollmentView>> ViewAsync(Actor actor, Guid enrollment) => App.InScopeAsync(s => s.Get<GetEnrollment>().HandleAsync(actor, enrollment, default));

    /// <summary>Every rating invitation of an enrollment, with the person invited.</summary>
    public Task<List<RatingInvitation>> InvitationsAsync(Guid enrollment) =>
        App.InScopeAsync(s => Task.FromResult(s.Db.RatingInvitations.Where(i => i.EnrollmentId == enrollment).ToList()));

    public Task<Result<RatingForm>> RateAsync(Person rater, Guid invitation, params (string Attribute, int Score)[] scores) =>
        App.InScopeAsync(s => s.Get<SubmitRating>().HandleAsync(TestApp.As(rater), invitation, new RatingRequest([.. scores.Select(x => new AttributeScoreInput(x.Attribute, x.Score))]), default));

    public static PersonId Id(Person p) => p?.Id ?? throw new ArgumentNullException(nameof(p));

    public static async Task<T> Ok<T>(Task<Result<T>> call)
    {
        ArgumentNullException.ThrowIfNull(call);
        var result = await call;
        Assert.True(result.IsSuccess, result.Error?.Code + ": " + result.Error?.Message);
        return result.Value;
    }
}
