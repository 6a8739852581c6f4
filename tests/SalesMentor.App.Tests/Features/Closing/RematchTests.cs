using Microsoft.EntityFrameworkCore;
using SalesMentor.App.Common;
using SalesMentor.App.Domain;
using SalesMentor.App.Features.Closing;
using SalesMentor.App.Tests.Features.Programs;
using SalesMentor.App.Tests.Infrastructure;

namespace SalesMentor.App.Tests.Features.Closing;

/// <summary>After a mentorship ends, its mentee is eligible again in the program's matching, and its former mentor's seat is free.</summary>
public class RematchTests
{
    [Theory, BothProviders]
    public async Task AfterAnEarlyEnd_TheMenteeIsMatchedAgain_WithAnotherMentor_AndTheOldPairIsNotProposed(Provider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var p = await ProgramWorld.CreateAsync(app);
        await p.EnrollMentorAsync(p.World.Star, 1, ("closing", 5));
        await p.EnrollMentorAsync(p.World.RepC, 1);
        var menteeEnrollment = await p.EnrollMenteeAsync(p.World.RepA, ("closing", 4, GapVisibility.ShareForMatching));
        await p.MoveToAsync(ProgramStatus.Matching);
        await p.RunAsync();
        var first = (await p.PublishAsync()).Pairs.Single();
        Assert.Equal(("Stella Star", "Zoë O'Brien"), (first.Mentor.Name, first.Mentee.Name));
        await ProgramWorld.Ok(p.RespondAsync(p.World.RepA, first.Id, accept: true));
        await ProgramWorld.Ok(p.RespondAsync(p.World.Star, first.Id, accept: true));
        var mentorship = await app.InScopeAsync(s => s.Db.Mentorships.AsNoTracking().SingleAsync());

        // While it runs, a re-run keeps the pair and proposes nothing new for the mentee.
        var during = await p.RunAsync();
        Assert.Equal([first.Id], during.Pairs.Select(x => x.Id));
        Assert.True((await p.ViewAsync(TestApp.As(p.World.Star), menteeEnrollment.Id)).IsSuccess);

        var mentee = TestApp.As(p.World.RepA);
        var version = await app.InScopeAsync(s => s.Db.Mentorships.Where(m => m.Id == mentorship.Id).Select(m => m.Version).SingleAsync());
        await ProgramWorld.Ok(app.InScopeAsync(s => s.Get<EndMentorshipEarly>().HandleAsync(mentee, mentorship.Id,
            new EndEarlyRequest(EarlyEndReason.NotAGoodFit, "Our styles did not fit.", version), default)));

        var after = await p.RunAsync();
        var again = after.Pairs.Single(x => x.Mentee.Name == "Zoë O'Brien");
        Assert.Equal(("Ahmed Al-Farsi", ProposalStatus.Proposed), (again.Mentor.Name, again.Status));
        Assert.DoesNotContain(after.Pairs, x => x.Id == first.Id);
        Assert.Equal(0, after.Mentors.Single(m => m.Mentor.Name == "Stella Star").Used);

        // Published and accepted, the new pair starts a second mentorship for the mentee in the same program.
        var published = (await p.PublishAsync()).Pairs.Single(x => x.Id == again.Id);
        await ProgramWorld.Ok(p.RespondAsync(p.World.RepA, published.Id, accept: true));
        await ProgramWorld.Ok(p.RespondAsync(p.World.RepC, published.Id, accept: true));
        var mentorships = await app.InScopeAsync(s => s.Db.Mentorships.AsNoTracking().OrderBy(m => m.CreatedAt).ThenBy(m => m.Id).ToListAsync());
        Assert.Equal(2, mentorships.Count);
        Assert.Contains(mentorships, m => m.MentorId == p.World.RepC.Id && m.MenteeId == p.World.RepA.Id && m.Stage == MentorshipStage.Agreeing);

        // The former mentor is no longer the mentee's partner: their enrollment is hidden from them again.
        Assert.Equal(ErrorKind.NotFound, (await p.ViewAsync(TestApp.As(p.World.Star), menteeEnrollment.Id)).Error?.Kind);
    }
}
