using Microsoft.EntityFrameworkCore;
using SalesMentor.App.Common;
using SalesMentor.App.Domain;
using SalesMentor.App.Features.Enrollments;
using SalesMentor.App.Features.Ratings;
using SalesMentor.App.Tests.Features.Programs;
using SalesMentor.App.Tests.Infrastructure;

namespace SalesMentor.App.Tests.Features.Enrollments;

public class RatingTests
{
    [Theory, BothProviders]
    public async Task PeerRatings_FewerThanThreeRaters_AreHiddenFromTheMentor_AndNeverNamed(Provider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var p = await ProgramWorld.CreateAsync(app);
        var w = p.World;
        var mentor = await p.EnrollMentorAsync(w.Star, 2);
        var star = TestApp.As(w.Star);

        var invited = await ProgramWorld.Ok(app.InScopeAsync(s => s.Get<InviteRaters>().HandleAsync(star, mentor.Id,
            new InviteRatersRequest(["REP.A@world.test", "rep.b@world.test", "rep.c@world.test", "rep.c@world.test"]), default)));
        var invitations = await p.InvitationsAsync(mentor.Id);
        var rater = invitations.ToDictionary(i => i.RaterId);
        await ProgramWorld.Ok(p.RateAsync(w.RepA, rater[w.RepA.Id].Id, ("sincerity", 5), ("earns-trust", 4)));
        await ProgramWorld.Ok(p.RateAsync(w.RepB, rater[w.RepB.Id].Id, ("sincerity", 3)));
        var two = (await p.ViewAsync(star, mentor.Id)).Value.PeerRatings!;
        var adminTwo = (await p.ViewAsync(p.Admin, mentor.Id)).Value;
        await ProgramWorld.Ok(p.RateAsync(w.RepC, rater[w.RepC.Id].Id, ("sincerity", 4)));
        var three = (await p.ViewAsync(star, mentor.Id)).Value;

        Assert.Equal((3, 0), (invited.PeerRatings!.Invited, invited.PeerRatings.Raters));
        Assert.Equal(3, await app.InScopeAsync(s => s.Db.Outbox.CountAsync(m => m.Category == "rating-invitation")));
        Assert.Equal((2, true), (two.Raters, two.Hidden));
        Assert.Empty(two.Averages);
        Assert.Equal(4.0, adminTwo.PeerRatings!.Averages.Single(a => a.Attribute == "sincerity").Score); // the admin sees the aggregate
        Assert.Equal(2, adminTwo.Invitations.Count(i => i.Completed));
        Assert.False(three.PeerRatings!.Hidden);
        Assert.Equal([("sincerity", 4.0), ("earns-trust", 4.0)], three.PeerRatings.Averages.Select(a => (a.Attribute, a.Score)));
        Assert.Empty(three.Invitations); // no rater names for the mentor
    }

    [Theory, BothProviders]
    public async Task SupervisorRating_VisibleToTheMenteeAndAdmin_HiddenFromOthers(Provider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var p = await ProgramWorld.CreateAsync(app);
        var w = p.World;
        var mentee = await p.EnrollMenteeAsync(w.RepA);
        var invitation = Assert.Single(await p.InvitationsAsync(mentee.Id));

        var form = await ProgramWorld.Ok(app.InScopeAsync(s => s.Get<GetRatingForm>().HandleAsync(TestApp.As(w.SupervisorA), invitation.Id, default)));
        var notRater = await app.InScopeAsync(s => s.Get<GetRatingForm>().HandleAsync(TestApp.As(w.SupervisorB), invitation.Id, default));
        var rated = await ProgramWorld.Ok(p.RateAsync(w.SupervisorA, invitation.Id, ("teachable", 4), ("become-star", 5)));
        var own = (await p.ViewAsync(TestApp.As(w.RepA), mentee.Id)).Value;
        var admin = (await p.ViewAsync(p.Admin, mentee.Id)).Value;
        var other = await p.ViewAsync(TestApp.As(w.RepB), mentee.Id);
        var bad = await p.RateAsync(w.SupervisorA, invitation.Id, ("sincerity", 4));

        Assert.Equal(("Zoë O'Brien", RaterRelation.Supervisor, 5), (form.Subject.Name, form.Relation, form.Attributes.Count));
        Assert.Equal(ErrorKind.NotFound, notRater.Error?.Kind);
        Assert.True(rated.Completed);
        Assert.Equal([("become-star", 5.0), ("teachable", 4.0)], own.SupervisorRatings.Select(r => (r.Attribute, r.Score)));
        Assert.Equal(own.SupervisorRatings, admin.SupervisorRatings);
        Assert.Equal(ErrorKind.NotFound, other.Error?.Kind);
        Assert.Equal("rating.attribute", bad.Error?.Code);
    }

    [Fact]
    public async Task InviteRaters_UnknownEmailOrSelfOrMentee_IsRefused()
    {
        await using var app = await TestApp.StartAsync(Provider.Sqlite);
        var p = await ProgramWorld.CreateAsync(app);
        var mentor = await p.EnrollMentorAsync(p.World.Star, 2);
        var mentee = await p.EnrollMenteeAsync(p.World.RepA);
        Task<Result<EnrollmentView>> Invite(Guid id, params string[] emails) =>
            app.InScopeAsync(s => s.Get<InviteRaters>().HandleAsync(TestApp.As(p.World.Star), id, new InviteRatersRequest(emails), default));

        Assert.Equal("ratings.unknown_email", (await Invite(mentor.Id, "nobody@world.test")).Error?.Code);
        Assert.Equal("ratings.self", (await Invite(mentor.Id, "star@world.test")).Error?.Code);
        Assert.Equal("ratings.emails", (await Invite(mentor.Id)).Error?.Code);
        Assert.Equal(ErrorKind.NotFound, (await Invite(mentee.Id, "rep.b@world.test")).Error?.Kind);
    }

    [Fact]
    public async Task Reminders_GoToRatersWhoHaveNotRated_OnceEveryThreeDays()
    {
        await using var app = await TestApp.StartAsync(Provider.Sqlite);
        var p = await ProgramWorld.CreateAsync(app);
        await p.EnrollMenteeAsync(p.World.RepA);
        Task<Result<RemindersSent>> Remind() => app.InScopeAsync(s => s.Get<SendRatingReminders>().HandleAsync(p.Admin, p.ProgramId, default));

        var tooEarly = await ProgramWorld.Ok(Remind());
        app.Clock.Advance(TimeSpan.FromDays(4));
        var first = await ProgramWorld.Ok(Remind());
        var again = await ProgramWorld.Ok(Remind());

        Assert.Equal((0, 1, 0), (tooEarly.Sent, first.Sent, again.Sent));
        Assert.Equal("sup.a@world.test", await app.InScopeAsync(s => s.Db.Outbox.Where(m => m.Category == "rating-reminder").Select(m => m.ToAddress).SingleAsync()));
    }
}
