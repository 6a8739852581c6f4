using SalesMentor.App.Common;
using SalesMentor.App.Domain;
using SalesMentor.App.Features.Enrollments;
using SalesMentor.App.Features.Programs;
using SalesMentor.App.Features.Stars;
using SalesMentor.App.Tests.Features.Programs;
using SalesMentor.App.Tests.Infrastructure;
using SalesMentor.App.Tests.Kpis;

namespace SalesMentor.App.Tests.Features.Enrollments;

public class EligibilityTests
{
    [Theory, BothProviders]
    public async Task Mentors_ProvenStarIsEligible_OthersNeedAnOverrideWithAReason(Provider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var world = await KpiWorld.CreateAsync(app);
        var admin = TestApp.AdminActor;
        var rule = await ProgramWorld.Ok(app.InScopeAsync(s => s.Get<GetStarRule>().HandleAsync(admin, default)));
        // Won revenue over the last 4 quarters at or above p80, no minimum of deals: in KpiWorld only C.
        await ProgramWorld.Ok(app.InScopeAsync(s => s.Get<UpdateStarRule>().HandleAsync(admin, new StarRuleRequest("won-revenue", null, 75, 80, 4, 0, 0, "Everyone", rule.Version), default)));
        var program = await ProgramWorld.Ok(app.InScopeAsync(s => s.Get<CreateProgram>().HandleAsync(admin, new ProgramRequest("Stars only"), default)));
        await ProgramWorld.Ok(app.InScopeAsync(s => s.Get<SetProgramStatus>().HandleAsync(admin, program.Id, new ProgramStatusRequest(ProgramStatus.Enrolling, program.Version), default)));
        Task<Result<EnrollmentView>> Enroll(Person person) => app.InScopeAsync(s => s.Get<SaveEnrollment>().HandleAsync(TestApp.As(person), program.Id, EnrollmentSide.Mentor, new EnrollmentRequest(2), default));

        var c = await ProgramWorld.Ok(Enroll(world.RepC));
        var a = await ProgramWorld.Ok(Enroll(world.RepA));
        var form = await ProgramWorld.Ok(app.InScopeAsync(s => s.Get<GetEnrollmentForm>().HandleAsync(TestApp.As(world.RepC), program.Id, EnrollmentSide.Mentor, default)));
        var noReason = await app.InScopeAsync(s => s.Get<SetEligibilityOverride>().HandleAsync(admin, a.Id, new EligibilityRequest(true, "  ", a.Version), default));
        var byRep = await app.InScopeAsync(s => s.Get<SetEligibilityOverride>().HandleAsync(TestApp.As(world.RepA), a.Id, new EligibilityRequest(true, "I am great", a.Version), default));
        var overridden = await ProgramWorld.Ok(app.InScopeAsync(s => s.Get<SetEligibilityOverride>().HandleAsync(admin, a.Id, new EligibilityRequest(true, "Top closer last year", a.Version), default)));
        var own = await ProgramWorld.Ok(app.InScopeAsync(s => s.Get<GetEnrollment>().HandleAsync(TestApp.As(world.RepA), a.Id, default)));
        var roster = await ProgramWorld.Ok(app.InScopeAsync(s => s.Get<ListEnrollments>().HandleAsync(admin, program.Id, default)));

        Assert.True(c.Eligibility!.Eligible);
        Assert.StartsWith("A proven star: Star:", c.Eligibility.Reason, StringComparison.Ordinal);
        Assert.Equal(Core.Stars.StarStatus.Star, form.Star!.Status);
        Assert.False(a.Eligibility!.Eligible);
        Assert.StartsWith("Not a proven star", a.Eligibility.Reason, StringComparison.Ordinal);
        Assert.Equal("enrollment.override_reason.required", noReason.Error?.Code);
        Assert.Equal(ErrorKind.Forbidden, byRep.Error?.Kind);
        Assert.Equal((true, "Top closer last year"), (overridden.Eligibility!.Eligible, overridden.Eligibility.OverrideReason));
        Assert.Equal((true, null), (own.Eligibility!.Eligible, own.Eligibility.OverrideReason)); // the mentor sees the decision, not the manager's note
        Assert.All(roster, r => Assert.True(r.Eligibility!.Eligible));
    }
}
