using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using SalesMentor.App.Common;
using SalesMentor.App.Domain;
using SalesMentor.App.Features.Enrollments;
using SalesMentor.App.Features.Matching;
using SalesMentor.App.Tests.Features.Programs;
using SalesMentor.App.Tests.Infrastructure;

namespace SalesMentor.App.Tests.Features.Matching;

public class MatchingBoardTests
{
    private const GapVisibility Shared = GapVisibility.ShareForMatching;
    private const GapVisibility MentorOnly = GapVisibility.MentorOnly;

    /// <summary>Supervisor A (strong closer, 2 seats) and the star (strong prospector, 1 seat) mentor reps A, B and C.</summary>
    private static async Task<ProgramWorld> ThreeMenteesAsync(TestApp app)
    {
        var p = await ProgramWorld.CreateAsync(app);
        await p.EnrollMentorAsync(p.World.SupervisorA, 2, ("closing", 5), ("negotiating", 4));
        await p.EnrollMentorAsync(p.World.Star, 1, ("prospecting", 5), ("qualifying", 3));
        await p.EnrollMenteeAsync(p.World.RepA, ("closing", 4, Shared), ("prospecting", 2, Shared));
        await p.EnrollMenteeAsync(p.World.RepB, ("prospecting", 5, Shared));
        await p.EnrollMenteeAsync(p.World.RepC, ("closing", 5, Shared), ("negotiating", 3, Shared));
        await p.MoveToAsync(ProgramStatus.Matching);
        return p;
    }

    [Theory, BothProviders]
    public async Task Run_SupervisorChainIsExcluded_PairsCarryNamedReasonsAndTheVerdict(Provider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var p = await ThreeMenteesAsync(app);

        var board = await p.RunAsync();

        // Supervisor A leads reps A and B: only rep C may have them; the star takes one of A and B.
        var pairs = board.Pairs.ToDictionary(x => x.Mentee.Name, x => x.Mentor.Name);
        Assert.Equal("Sam Supervisor", pairs["Ahmed Al-Farsi"]);
        Assert.Equal("Stella Star", pairs["李小龍"]);
        var unmatched = Assert.Single(board.Unmatched);
        Assert.Equal(("Zoë O'Brien", "CapacityExhausted"), (unmatched.Mentee.Name, unmatched.Reason));
        var c = board.Pairs.Single(x => x.Mentee.Name == "Ahmed Al-Farsi");
        Assert.Equal("covers 2 of 2 gaps: Closing, Negotiating", c.Reasons.Single(r => r.Factor == "Gaps").Text);
        Assert.Equal(c.Score, c.Reasons.Sum(r => r.Points));
        Assert.Equal((2, board.Pairs.Sum(x => (long)x.Score), board.Pairs.Min(x => x.Score)), (board.Matched, board.TotalScore, board.WorstScore));
        Assert.Equal(("optimality verified", true, false), (board.LastRun!.Verdict, board.LastRun.Verified, board.LastRun.EditedSince));
        Assert.Equal([(1, 2), (1, 1)], board.Mentors.Select(m => (m.Used, m.Capacity)));
    }

    [Theory, BothProviders]
    public async Task Run_MentorOnlyGaps_NeverChangeScoresNorReachTheBoard(Provider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var p = await ProgramWorld.CreateAsync(app);
        await p.EnrollMentorAsync(p.World.Star, 2, ("closing", 5), ("negotiating", 5));
        // Same shared gap; rep B also confides a large "mentor only" gap in negotiating, which the star could cover.
        await p.EnrollMenteeAsync(p.World.RepA, ("closing", 3, Shared));
        await p.EnrollMenteeAsync(p.World.RepB, ("closing", 3, Shared), ("negotiating", 5, MentorOnly));
        await p.MoveToAsync(ProgramStatus.Matching);

        var board = await p.RunAsync();
        var comparison = await ProgramWorld.Ok(app.InScopeAsync(s => s.Get<CompareMatchModes>().HandleAsync(p.Admin, p.ProgramId, default)));

        var a = board.Pairs.Single(x => x.Mentee.Id == p.World.RepA.Id);
        var b = board.Pairs.Single(x => x.Mentee.Id == p.World.RepB.Id);
        Assert.Equal(a.Score, b.Score);
        Assert.Equal("covers 1 of 1 gap: Closing", b.Reasons.Single(r => r.Factor == "Gaps").Text);
        var json = JsonSerializer.Serialize(board) + JsonSerializer.Serialize(comparison);
        Assert.DoesNotContain("egotiat", json, StringComparison.OrdinalIgnoreCase);
    }

    [Theory, BothProviders]
    public async Task Lock_ThenRerun_KeepsTheLockedPairAndReplacesTheRest(Provider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var p = await ThreeMenteesAsync(app);
        var board = await p.RunAsync();
        var star = board.Pairs.Single(x => x.Mentor.Name == "Stella Star");

        var locked = await ProgramWorld.Ok(app.InScopeAsync(s => s.Get<LockPair>().HandleAsync(p.Admin, star.Id, new LockPairRequest(true, star.Version), default)));
        var stale = await app.InScopeAsync(s => s.Get<LockPair>().HandleAsync(p.Admin, star.Id, new LockPairRequest(false, star.Version), default));
        var again = await p.RunAsync("fair");

        Assert.True(locked.Pairs.Single(x => x.Id == star.Id).Locked);
        Assert.Equal(ErrorKind.Conflict, stale.Error?.Kind);
        Assert.Contains(again.Pairs, x => x.Id == star.Id && x.Locked);
        Assert.DoesNotContain(again.Pairs, x => board.Pairs.Any(old => old.Id == x.Id && !old.Id.Equals(star.Id)));
        Assert.Equal(("Fairest", "optimality verified"), (again.LastRun!.Mode, again.LastRun.Verdict));
    }

    [Theory, BothProviders]
    public async Task AddPair_BreakingARule_Is409UntilConfirmed_AndTheWarningStays(Provider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var p = await ThreeMenteesAsync(app);
        var board = await p.RunAsync();
        var repA = board.Unmatched.Single().EnrollmentId;
        var supA = board.Mentors.Single(m => m.Mentor.Name == "Sam Supervisor").EnrollmentId;

        var warned = await app.InScopeAsync(s => s.Get<AddPair>().HandleAsync(p.Admin, p.ProgramId, new AddPairRequest(repA, supA), default));
        var added = await ProgramWorld.Ok(app.InScopeAsync(s => s.Get<AddPair>().HandleAsync(p.Admin, p.ProgramId, new AddPairRequest(repA, supA, Confirm: true), default)));
        var twice = await app.InScopeAsync(s => s.Get<AddPair>().HandleAsync(p.Admin, p.ProgramId, new AddPairRequest(repA, supA, Confirm: true), default));

        Assert.Equal(("match.breaks_rule", ErrorKind.Conflict), (warned.Error?.Code, warned.Error?.Kind));
        Assert.Contains("supervisor chain", warned.Error!.Message, StringComparison.Ordinal);
        var pair = added.Pairs.Single(x => x.MenteeEnrollmentId == repA);
        Assert.True(pair.Locked && pair.ByHand);
        Assert.Contains("supervisor chain", pair.Warning, StringComparison.Ordinal);
        Assert.Empty(added.Unmatched);
        Assert.True(added.LastRun!.EditedSince);
        Assert.Equal("match.mentee_paired", twice.Error?.Code);
    }

    [Theory, BothProviders]
    public async Task SwapAndRemove_OnTheBoard_MovePeopleAndReturnThemToThePool(Provider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var p = await ThreeMenteesAsync(app);
        var board = await p.RunAsync();
        var (first, second) = (board.Pairs[0], board.Pairs[1]);

        var refused = await app.InScopeAsync(s => s.Get<SwapPairs>().HandleAsync(p.Admin, p.ProgramId, new SwapPairsRequest(first.Id, first.Version, second.Id, second.Version), default));
        var swapped = await ProgramWorld.Ok(app.InScopeAsync(s => s.Get<SwapPairs>().HandleAsync(p.Admin, p.ProgramId, new SwapPairsRequest(first.Id, first.Version, second.Id, second.Version, Confirm: true), default)));
        var gone = swapped.Pairs[0];
        var removed = await ProgramWorld.Ok(app.InScopeAsync(s => s.Get<RemovePair>().HandleAsync(p.Admin, gone.Id, gone.Version, default)));

        // Rep B would get supervisor A, their own supervisor: the swap warns first.
        Assert.Equal("match.breaks_rule", refused.Error?.Code);
        Assert.Equal(first.Mentor.Name, swapped.Pairs.Single(x => x.Mentee.Id == second.Mentee.Id).Mentor.Name);
        Assert.All(swapped.Pairs, x => Assert.True(x.ByHand && x.Locked));
        Assert.Single(removed.Pairs);
        Assert.Equal(2, removed.Unmatched.Count);
    }

    [Fact]
    public async Task Unmatched_Reasons_NoEligibleMentorOrAllExcluded()
    {
        await using var app = await TestApp.StartAsync(Provider.Sqlite);
        var p = await ProgramWorld.CreateAsync(app, requireStars: true);
        await p.EnrollMentorAsync(p.World.SupervisorA, 1, ("closing", 5));
        await p.EnrollMenteeAsync(p.World.RepA, ("closing", 3, Shared));
        await p.MoveToAsync(ProgramStatus.Matching);

        var none = await p.RunAsync();
        var mentor = none.Mentors.Single();
        var version = (await p.ViewAsync(p.Admin, mentor.EnrollmentId)).Value.Version;
        await ProgramWorld.Ok(app.InScopeAsync(s => s.Get<SetEligibilityOverride>().HandleAsync(p.Admin, mentor.EnrollmentId, new EligibilityRequest(true, "Leads the top team", version), default)));
        var excluded = await p.RunAsync();

        Assert.Equal("NoCandidate", none.Unmatched.Single().Reason);
        Assert.False(mentor.Eligibility.Eligible);
        Assert.Equal("AllExcluded", excluded.Unmatched.Single().Reason);
        Assert.Contains("supervisor chain", excluded.Unmatched.Single().Text, StringComparison.Ordinal);
        Assert.Equal("enrollment.eligibility", await app.InScopeAsync(s => s.Db.AuditEvents.Where(a => a.Detail!.Contains("Leads the top team")).Select(a => a.Action).SingleAsync()));
    }

    [Theory]
    [InlineData("Sue Supervisor")]
    [InlineData("Zoë O'Brien")]
    public async Task Board_NotAManager_IsRefused(string who)
    {
        await using var app = await TestApp.StartAsync(Provider.Sqlite);
        var p = await ProgramWorld.CreateAsync(app);
        var person = p.World.Everyone.Single(x => x.Name == who);

        var board = await app.InScopeAsync(s => s.Get<GetMatchingBoard>().HandleAsync(TestApp.As(person), p.ProgramId, default));
        var run = await app.InScopeAsync(s => s.Get<ProposeMatches>().HandleAsync(TestApp.As(person), p.ProgramId, new RunMatchingRequest(), default));

        Assert.Equal((ErrorKind.Forbidden, ErrorKind.Forbidden), (board.Error?.Kind, run.Error?.Kind));
    }

    [Fact]
    public async Task Run_ProgramStillEnrolling_Is409()
    {
        await using var app = await TestApp.StartAsync(Provider.Sqlite);
        var p = await ProgramWorld.CreateAsync(app);

        var run = await app.InScopeAsync(s => s.Get<ProposeMatches>().HandleAsync(p.Admin, p.ProgramId, new RunMatchingRequest("stable"), default));
        var mode = await app.InScopeAsync(s => s.Get<ProposeMatches>().HandleAsync(p.Admin, p.ProgramId, new RunMatchingRequest("random"), default));

        Assert.Equal("match.not_matching", run.Error?.Code);
        Assert.Equal("match.not_matching", mode.Error?.Code);
    }

    [Theory, BothProviders]
    public async Task CompareModes_ThreeOutcomesSideBySide_EachVerified(Provider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var p = await ThreeMenteesAsync(app);

        var comparison = await ProgramWorld.Ok(app.InScopeAsync(s => s.Get<CompareMatchModes>().HandleAsync(p.Admin, p.ProgramId, default)));

        Assert.Equal(["BestTotalFit", "Fairest", "Stable"], comparison.Modes.Select(m => m.Mode));
        Assert.All(comparison.Modes, m => Assert.True(m.Verified, m.Verdict));
        Assert.Equal(["optimality verified", "optimality verified"], comparison.Modes.Take(2).Select(m => m.Verdict));
        Assert.Equal(0, comparison.Modes[2].BlockingPairs);
        Assert.Equal(0, await app.InScopeAsync(s => s.Db.MatchProposals.CountAsync()));
    }
}
