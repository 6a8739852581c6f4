using Microsoft.EntityFrameworkCore;
using SalesMentor.App.Common;
using SalesMentor.App.Domain;
using SalesMentor.App.Features.Matching;
using SalesMentor.App.Tests.Features.Programs;
using SalesMentor.App.Tests.Infrastructure;

namespace SalesMentor.App.Tests.Features.Matching;

public class PublishAndRespondTests
{
    private static async Task<(ProgramWorld P, ProposalView Pair)> PublishedAsync(TestApp app)
    {
        var p = await ProgramWorld.CreateAsync(app);
        await p.EnrollMentorAsync(p.World.Star, 1, ("closing", 5));
        await p.EnrollMenteeAsync(p.World.RepA, ("closing", 4, GapVisibility.ShareForMatching), ("negotiating", 5, GapVisibility.MentorOnly));
        await p.EnrollMenteeAsync(p.World.RepB, ("prospecting", 2, GapVisibility.ShareForMatching));
        await p.MoveToAsync(ProgramStatus.Matching);
        await p.RunAsync();
        var board = await p.PublishAsync();
        return (p, board.Pairs.Single());
    }

    [Theory, BothProviders]
    public async Task Publish_TellsBothSidesByMail_WithNamesOnly(Provider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var (p, pair) = await PublishedAsync(app);

        var mails = await app.InScopeAsync(s => s.Db.Outbox.Where(m => m.Category == "proposal").ToListAsync());
        var again = await app.InScopeAsync(s => s.Get<PublishPairs>().HandleAsync(p.Admin, p.ProgramId, default));

        Assert.Equal((ProposalStatus.Published, "Zoë O'Brien"), (pair.Status, pair.Mentee.Name));
        Assert.Equal(["rep.a@world.test", "star@world.test"], mails.Select(m => m.ToAddress).Order(StringComparer.Ordinal));
        Assert.All(mails, m =>
        {
            Assert.DoesNotContain("covers", m.TextBody, StringComparison.Ordinal);
            Assert.DoesNotContain(pair.Score.ToString(System.Globalization.CultureInfo.InvariantCulture), m.TextBody, StringComparison.Ordinal);
            Assert.DoesNotContain("egotiat", m.TextBody, StringComparison.OrdinalIgnoreCase);
        });
        Assert.Equal("match.nothing_to_publish", again.Error?.Code);
    }

    [Theory, BothProviders]
    public async Task AcceptByBoth_MakesAMentorshipInAgreeing_AndOpensTheMentorOnlyGapsToTheMentor(Provider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var (p, pair) = await PublishedAsync(app);
        var star = TestApp.As(p.World.Star);
        var before = await p.ViewAsync(star, pair.MenteeEnrollmentId);

        var mentee = await ProgramWorld.Ok(p.RespondAsync(p.World.RepA, pair.Id, accept: true));
        var mentor = await ProgramWorld.Ok(p.RespondAsync(p.World.Star, pair.Id, accept: true));
        var after = await p.ViewAsync(star, pair.MenteeEnrollmentId);
        var admin = await p.ViewAsync(p.Admin, pair.MenteeEnrollmentId);
        var supervisor = await p.ViewAsync(TestApp.As(p.World.SupervisorA), pair.MenteeEnrollmentId);
        var twice = await p.RespondAsync(p.World.Star, pair.Id, accept: false);

        Assert.Equal((ProposalStatus.Published, ProposalResponse.Accepted, ProposalResponse.Pending), (mentee.Status, mentee.MyResponse, mentee.OtherResponse));
        Assert.Equal(ProposalStatus.Accepted, mentor.Status);
        var mentorship = await app.InScopeAsync(s => s.Db.Mentorships.SingleAsync());
        Assert.Equal((MentorshipStage.Agreeing, p.World.Star.Id, p.World.RepA.Id, "matched"), (mentorship.Stage, mentorship.MentorId, mentorship.MenteeId, mentorship.Source));
        Assert.Equal(["Closing"], before.Value.Skills.Select(s => s.Name));          // the future mentor: shared gaps only
        Assert.Equal(["Negotiating", "Closing"], after.Value.Skills.Select(s => s.Name)); // matched: the mentor-only gap too
        Assert.Equal(["Closing"], admin.Value.Skills.Select(s => s.Name));           // never the admin
        Assert.Equal(ErrorKind.NotFound, supervisor.Error?.Kind);                     // nor the supervisor chain
        Assert.Equal("proposal.decided", twice.Error?.Code);
        var my = await ProgramWorld.Ok(app.InScopeAsync(s => s.Get<GetMyMentoring>().HandleAsync(TestApp.As(p.World.RepA), default)));
        Assert.Equal(("Stella Star", MentorshipStage.Agreeing), (my.Mentorships.Single().Other.Name, my.Mentorships.Single().Stage));
    }

    [Theory, BothProviders]
    public async Task Decline_ReturnsThePairToThePool_AndARerunNeverProposesItAgain(Provider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var (p, pair) = await PublishedAsync(app);

        var declined = await ProgramWorld.Ok(p.RespondAsync(p.World.Star, pair.Id, accept: false, reason: "We sit on different continents"));
        var board = await p.RunAsync();

        Assert.Equal(ProposalStatus.Declined, declined.Status);
        Assert.Equal("We sit on different continents", board.Declined.Single().DeclineReason);
        Assert.DoesNotContain(board.Pairs, x => x.Mentee.Id == p.World.RepA.Id);
        Assert.Equal("李小龍", board.Pairs.Single().Mentee.Name);
        var mail = await app.InScopeAsync(s => s.Db.Outbox.Where(m => m.ToAddress == "rep.a@world.test").OrderBy(m => m.CreatedAt).ToListAsync());
        Assert.Contains(mail, m => m.Subject.Contains("declined", StringComparison.Ordinal));
        Assert.DoesNotContain(mail, m => m.TextBody.Contains("continents", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Respond_OutsiderGets404_ManagerGets403_BadReasonIs400()
    {
        await using var app = await TestApp.StartAsync(Provider.Sqlite);
        var (p, pair) = await PublishedAsync(app);

        var outsider = await p.RespondAsync(p.World.RepC, pair.Id, accept: true);
        var manager = await app.InScopeAsync(s => s.Get<RespondToProposal>().HandleAsync(p.Admin, pair.Id, new RespondRequest(true), default));
        var bad = await p.RespondAsync(p.World.RepA, pair.Id, accept: false, reason: "a\0b");
        var missing = await p.RespondAsync(p.World.RepA, Guid.NewGuid(), accept: true);

        Assert.Equal((ErrorKind.NotFound, ErrorKind.NotFound), (outsider.Error?.Kind, missing.Error?.Kind));
        Assert.Equal(ErrorKind.Validation, bad.Error?.Kind);
        Assert.Equal(ProposalStatus.Published, await app.InScopeAsync(s => s.Db.MatchProposals.Select(x => x.Status).SingleAsync()));
        Assert.Equal(ErrorKind.Forbidden, manager.Error?.Kind);
    }

    [Theory, BothProviders]
    public async Task AcceptAtTheSameMoment_BothAnswersCount(Provider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var (p, pair) = await PublishedAsync(app);

        var answers = await Task.WhenAll(p.RespondAsync(p.World.RepA, pair.Id, true), p.RespondAsync(p.World.Star, pair.Id, true));

        Assert.All(answers, a => Assert.True(a.IsSuccess, a.Error?.Message));
        Assert.Equal(ProposalStatus.Accepted, await app.InScopeAsync(s => s.Db.MatchProposals.Select(x => x.Status).SingleAsync()));
        Assert.Equal(1, await app.InScopeAsync(s => s.Db.Mentorships.CountAsync()));
    }
}
