using Microsoft.EntityFrameworkCore;
using SalesMentor.App.Common;
using SalesMentor.App.Domain;
using SalesMentor.App.Features.Enrollments;
using SalesMentor.App.Tests.Features.Programs;
using SalesMentor.App.Tests.Infrastructure;

namespace SalesMentor.App.Tests.Features.Enrollments;

public class EnrollmentTests
{
    [Theory, BothProviders]
    public async Task EnrollMentee_FirstTime_InvitesTheSupervisorByMailWithoutTheGaps(Provider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var p = await ProgramWorld.CreateAsync(app);
        var values = await app.InScopeAsync(s => s.Db.CompanyValues.OrderBy(v => v.SortOrder).Select(v => v.Id).Take(2).ToListAsync());

        var view = await ProgramWorld.Ok(p.EnrollAsync(p.World.RepA, EnrollmentSide.Mentee, new EnrollmentRequest(
            Skills: [new("closing", 4, Visibility: GapVisibility.ShareForMatching), new("negotiating", 5, Visibility: GapVisibility.MentorOnly)],
            Values: values, Statement: "I want to close bigger deals", TimeZone: "Europe/Berlin",
            SelfRatings: [new("teachable", 5), new("become-star", 4)], Preferences: [p.World.Star.Id], Avoid: [p.World.RepC.Id])));

        Assert.Equal(["Negotiating", "Closing"], view.Skills.Select(s => s.Name));
        Assert.Equal(["Desire to be a star performer", "Teachable"], view.SelfRatings.Select(r => r.Name));
        Assert.Equal(("Stella Star", "Ahmed Al-Farsi"), (view.Preferences.Single().Name, view.Avoid.Single().Name));
        var invitation = Assert.Single(await p.InvitationsAsync(view.Id));
        Assert.Equal((p.World.SupervisorA.Id, RaterRelation.Supervisor), (invitation.RaterId, invitation.Relation));
        var mail = await app.InScopeAsync(s => s.Db.Outbox.SingleAsync());
        Assert.Equal("sup.a@world.test", mail.ToAddress);
        Assert.Contains("Zoë O'Brien", mail.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain("losing", mail.TextBody, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("egotiat", mail.TextBody, StringComparison.OrdinalIgnoreCase);
    }

    [Theory, BothProviders]
    public async Task EnrollmentForm_TimeZone_StartsWithThePersonsAndThenKeepsTheEnrollments(Provider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var p = await ProgramWorld.CreateAsync(app);
        await app.InScopeAsync(async s =>
        {
            var star = await s.Db.People.SingleAsync(x => x.Id == p.World.Star.Id);
            star.TimeZone = "America/New_York";
            return await s.Db.SaveChangesAsync();
        });
        Task<EnrollmentForm> FormAsync(Person who, EnrollmentSide side) =>
            ProgramWorld.Ok(app.InScopeAsync(s => s.Get<GetEnrollmentForm>().HandleAsync(TestApp.As(who), p.ProgramId, side, default)));

        var newMentor = await FormAsync(p.World.Star, EnrollmentSide.Mentor);
        var newMentee = await FormAsync(p.World.RepA, EnrollmentSide.Mentee);
        await ProgramWorld.Ok(p.EnrollAsync(p.World.RepA, EnrollmentSide.Mentee, new EnrollmentRequest(TimeZone: "Asia/Tokyo")));
        await ProgramWorld.Ok(p.EnrollAsync(p.World.Star, EnrollmentSide.Mentor, new EnrollmentRequest(1)));
        var savedMentee = await FormAsync(p.World.RepA, EnrollmentSide.Mentee);
        var savedMentor = await FormAsync(p.World.Star, EnrollmentSide.Mentor);

        Assert.Equal(("America/New_York", "Europe/Berlin"), (newMentor.TimeZone, newMentee.TimeZone));
        Assert.Equal(("Asia/Tokyo", null), (savedMentee.TimeZone, savedMentor.TimeZone));
    }

    [Theory, BothProviders]
    public async Task SaveEnrollment_StaleVersion_Is409(Provider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var p = await ProgramWorld.CreateAsync(app);
        var first = await p.EnrollMentorAsync(p.World.Star, 2, ("closing", 5));

        var edit = await p.EnrollAsync(p.World.Star, EnrollmentSide.Mentor, new EnrollmentRequest(3, Version: first.Version));
        var stale = await p.EnrollAsync(p.World.Star, EnrollmentSide.Mentor, new EnrollmentRequest(1, Version: first.Version));

        Assert.Equal(3, edit.Value.Capacity);
        Assert.Empty(edit.Value.Skills);
        Assert.Equal(ErrorKind.Conflict, stale.Error?.Kind);
    }

    [Theory]
    [InlineData(ProgramStatus.Draft, ErrorKind.NotFound)]
    [InlineData(ProgramStatus.Active, ErrorKind.Conflict)]
    public async Task SaveEnrollment_ProgramNotEnrolling_IsRefused(ProgramStatus status, ErrorKind kind)
    {
        await using var app = await TestApp.StartAsync(Provider.Sqlite);
        var p = await ProgramWorld.CreateAsync(app, status: status);

        var result = await p.EnrollAsync(p.World.RepA, EnrollmentSide.Mentee, new EnrollmentRequest());

        Assert.Equal(kind, result.Error?.Kind);
    }

    public static TheoryData<string, EnrollmentSide, EnrollmentRequest> BadRequests => new()
    {
        { "enrollment.capacity", EnrollmentSide.Mentor, new EnrollmentRequest(0) },
        { "enrollment.capacity", EnrollmentSide.Mentor, new EnrollmentRequest(11) },
        { "enrollment.skills", EnrollmentSide.Mentee, new EnrollmentRequest(Skills: [new("juggling", 3)]) },
        { "enrollment.skills", EnrollmentSide.Mentee, new EnrollmentRequest(Skills: [new("closing", 3), new("closing", 2)]) },
        { "enrollment.skill_level", EnrollmentSide.Mentee, new EnrollmentRequest(Skills: [new("closing", 6)]) },
        { "enrollment.visibility", EnrollmentSide.Mentor, new EnrollmentRequest(2, Skills: [new("closing", 3, Visibility: GapVisibility.MentorOnly)]) },
        { "enrollment.skill_source", EnrollmentSide.Mentee, new EnrollmentRequest(Skills: [new("closing", 3, SkillSource.Kpi)]) },
        { "enrollment.skill_source", EnrollmentSide.Mentee, new EnrollmentRequest(Skills: [new("closing", 3, SkillSource.Supervisor)]) },
        { "enrollment.values", EnrollmentSide.Mentee, new EnrollmentRequest(Values: [Guid.NewGuid()]) },
        { "enrollment.time_zone", EnrollmentSide.Mentee, new EnrollmentRequest(TimeZone: "Mars/Olympus") },
        { "enrollment.attribute", EnrollmentSide.Mentee, new EnrollmentRequest(SelfRatings: [new("sincerity", 3)]) },
        { "enrollment.attribute_score", EnrollmentSide.Mentee, new EnrollmentRequest(SelfRatings: [new("teachable", 0)]) },
        { "enrollment.reflection", EnrollmentSide.Mentor, new EnrollmentRequest(2, Reflection: [new("My grandmother", ["teachable"])]) },
        { "enrollment.reflection.required", EnrollmentSide.Mentor, new EnrollmentRequest(2, Reflection: [new(" ", ["sincerity"])]) },
        { "enrollment.people", EnrollmentSide.Mentee, new EnrollmentRequest(Avoid: [Core.People.PersonId.New()]) },
        { "enrollment.statement.too_long", EnrollmentSide.Mentee, new EnrollmentRequest(Statement: new string('x', 2001)) },
    };

    [Theory]
    [MemberData(nameof(BadRequests))]
    public async Task SaveEnrollment_BadInput_IsAValidationErrorAndSavesNothing(string code, EnrollmentSide side, EnrollmentRequest request)
    {
        await using var app = await TestApp.StartAsync(Provider.Sqlite);
        var p = await ProgramWorld.CreateAsync(app);

        var result = await p.EnrollAsync(p.World.RepA, side, request);

        Assert.Equal((code, ErrorKind.Validation), (result.Error?.Code, result.Error?.Kind));
        Assert.Equal(0, await app.InScopeAsync(s => s.Db.Enrollments.CountAsync()));
    }

    [Fact]
    public async Task SaveEnrollment_ListsThemselves_IsRefused()
    {
        await using var app = await TestApp.StartAsync(Provider.Sqlite);
        var p = await ProgramWorld.CreateAsync(app);

        var result = await p.EnrollAsync(p.World.RepA, EnrollmentSide.Mentee, new EnrollmentRequest(Preferences: [p.World.RepA.Id]));

        Assert.Equal("enrollment.people", result.Error?.Code);
    }

    [Theory, BothProviders]
    public async Task SaveEnrollment_NaughtyTextInEveryField_RoundTripsOrIsRefusedCleanly(Provider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var p = await ProgramWorld.CreateAsync(app);
        var corpus = (provider == Provider.Sqlite ? NaughtyStrings.All : NaughtyStrings.All.Where(s => s.Any(c => c is < ' ' or > '~')).ToList())
            .Concat(NaughtyStrings.RealNames).Append("a\0b").Append("\uD800").ToList();
        var failures = new List<string>();
        var version = 0;
        foreach (var text in corpus)
        {
            var result = await p.EnrollAsync(p.World.Star, EnrollmentSide.Mentor, new EnrollmentRequest(
                2, Statement: text, Availability: text.Length > 500 ? text[..500] : text, Reflection: [new(text, ["sincerity"])], Version: version));
            if (result.IsSuccess)
            {
                version = result.Value.Version;
                var read = result.Value;
                if (read.Statement != text.Trim() || read.Reflection.Single().Answer != text.Trim()) failures.Add($"{text}: read back '{read.Statement}'");
            }
            else if (result.Error!.Kind != ErrorKind.Validation || NaughtyStrings.RealNames.Contains(text))
            {
                failures.Add($"{text}: {result.Error.Code}");
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [Fact]
    public async Task Withdraw_ByTheMentee_LeavesThePoolAndANonPartyGets404()
    {
        await using var app = await TestApp.StartAsync(Provider.Sqlite);
        var p = await ProgramWorld.CreateAsync(app);
        var mentee = await p.EnrollMenteeAsync(p.World.RepA);

        var other = await app.InScopeAsync(s => s.Get<WithdrawEnrollment>().HandleAsync(TestApp.As(p.World.RepB), mentee.Id, mentee.Version, default));
        var own = await app.InScopeAsync(s => s.Get<WithdrawEnrollment>().HandleAsync(TestApp.As(p.World.RepA), mentee.Id, mentee.Version, default));
        var stale = await app.InScopeAsync(s => s.Get<WithdrawEnrollment>().HandleAsync(TestApp.As(p.World.RepA), mentee.Id, mentee.Version, default));

        Assert.Equal(ErrorKind.NotFound, other.Error?.Kind);
        Assert.True(own.Value.Withdrawn);
        Assert.Equal(ErrorKind.Conflict, stale.Error?.Kind);
    }
}
