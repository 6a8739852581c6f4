using SalesMentor.App.Domain;
using SalesMentor.App.Features.Agreements;
using SalesMentor.App.Features.Programs;
using SalesMentor.App.Tests.Infrastructure;

namespace SalesMentor.App.Tests.Features.Confidential;

/// <summary>The program's default confidentiality terms: edited by its managers, prefilled into its new agreements.</summary>
public class DefaultTermsTests
{
    [Theory, BothProviders]
    public async Task ANewAgreementStartsWithItsProgramsTerms_AndEmptyGoesBackToTheBuiltInText(Provider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var w = await ConfidentialWorld.CreateAsync(app);
        var program = await ConfidentialWorld.Ok(app.InScopeAsync(s => s.Get<CreateProgram>().HandleAsync(TestApp.AdminActor,
            new ProgramRequest("Spring", DefaultTerms: "We keep it between us, 'quoted' <b>and</b> ünïcode."), default)));
        var now = app.Clock.GetUtcNow().UtcDateTime;
        var mentorship = new Mentorship { ProgramId = program.Id, MentorId = w.World.Star.Id, MenteeId = w.World.RepB.Id, Stage = MentorshipStage.Agreeing, StartedOn = new DateOnly(2026, 6, 1), Source = "matched", CreatedAt = now };
        await app.SeedAsync(db => db.Mentorships.Add(mentorship));

        var draft = await ConfidentialWorld.Ok(app.InScopeAsync(s => s.Get<GetAgreement>().HandleAsync(TestApp.As(w.World.RepB), mentorship.Id, default)));
        var imported = await ConfidentialWorld.Ok(app.InScopeAsync(s => s.Get<GetAgreement>().HandleAsync(w.Mentee, w.Current, default)));
        var kept = await ConfidentialWorld.Ok(app.InScopeAsync(s => s.Get<UpdateProgram>().HandleAsync(TestApp.AdminActor, program.Id,
            new ProgramRequest("Spring renamed", Version: program.Version), default)));
        var reset = await ConfidentialWorld.Ok(app.InScopeAsync(s => s.Get<UpdateProgram>().HandleAsync(TestApp.AdminActor, program.Id,
            new ProgramRequest("Spring", Version: kept.Version, DefaultTerms: ""), default)));
        var tooLong = await app.InScopeAsync(s => s.Get<UpdateProgram>().HandleAsync(TestApp.AdminActor, program.Id,
            new ProgramRequest("Spring", Version: reset.Version, DefaultTerms: new string('x', 2001)), default));

        Assert.Equal("We keep it between us, 'quoted' <b>and</b> ünïcode.", draft.Terms);
        Assert.Equal(program.DefaultTerms, draft.Terms);
        Assert.Equal(reset.DefaultTerms, imported.Terms);   // no program: the built-in text
        Assert.Equal(draft.Terms, kept.DefaultTerms);        // not sent: kept
        Assert.StartsWith("What we say to each other stays between us.", reset.DefaultTerms, StringComparison.Ordinal);
        Assert.Equal("program.default_terms.too_long", tooLong.Error?.Code);
    }
}
