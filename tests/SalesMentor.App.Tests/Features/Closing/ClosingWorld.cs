using Microsoft.EntityFrameworkCore;
using SalesMentor.App.Common;
using SalesMentor.App.Domain;
using SalesMentor.App.Features.Agreements;
using SalesMentor.App.Features.Closing;
using SalesMentor.App.Tests.Features.Confidential;
using SalesMentor.App.Tests.Infrastructure;

namespace SalesMentor.App.Tests.Features.Closing;

/// <summary>
/// <see cref="ConfidentialWorld"/>'s current mentorship (the star mentors rep A) with an agreement of one KPI goal and
/// one behaviour goal, and the closing use cases as one-liners. TestApp's clock stands at 2026-06-15.
/// </summary>
internal sealed class ClosingWorld
{
    public required ConfidentialWorld W { get; init; }
    public required AgreementView Agreement { get; init; }

    public TestApp App => W.App;
    public Guid Id => W.Current;
    public Actor Admin => TestApp.As(W.World.Admin, admin: true);
    public Actor Supervisor => TestApp.As(W.World.SupervisorA);

    public static async Task<ClosingWorld> CreateAsync(TestApp app)
    {
        var w = await ConfidentialWorld.CreateAsync(app);
        var behaviour = await app.InScopeAsync(s => s.Db.Behaviours.OrderBy(b => b.SortOrder).Select(b => b.Id).FirstAsync());
        var agreement = await ConfidentialWorld.Ok(app.InScopeAsync(s => s.Get<SaveAgreement>().HandleAsync(w.Mentee, w.Current,
            new AgreementRequest([new KpiGoalInput(null, "won-revenue", 5000m, new DateOnly(2026, 12, 31), 6)], [new BehaviourGoalInput(null, behaviour, AdoptionLevel.Consistent)], [],
                MeetingCadence.Fortnightly, "Between us.", 0), default)));
        return new ClosingWorld { W = w, Agreement = agreement };
    }

    public Task<Result<ClosingView>> GetAsync(Actor actor, Guid? id = null) => App.InScopeAsync(s => s.Get<GetClosing>().HandleAsync(actor, id ?? Id, default));

    public async Task<int> VersionAsync() => await App.InScopeAsync(s => s.Db.Mentorships.Where(m => m.Id == Id).Select(m => m.Version).SingleAsync());

    public async Task<Result<ClosingView>> PlanAsync(Actor actor, DateOnly day, int? version = null) =>
        await App.InScopeAsync(async s => await s.Get<PlanClosing>().HandleAsync(actor, Id, new PlanClosingRequest(day, version ?? await VersionAsync()), default));

    public Task<Result<ClosingView>> ReflectAsync(Actor actor, string? text, int version = 0) =>
        App.InScopeAsync(s => s.Get<WriteReflection>().HandleAsync(actor, Id, new ReflectionRequest(text, version), default));

    public async Task<Result<ClosingView>> OutcomesAsync(Actor actor, IReadOnlyList<GoalOutcomeInput>? outcomes = null, int? version = null)
    {
        outcomes ??= [new(Agreement.KpiGoals[0].Id, GoalAchievement.Partly), new(Agreement.BehaviourGoals[0].Id, GoalAchievement.Achieved)];
        var v = version ?? await VersionAsync();
        return await App.InScopeAsync(s => s.Get<RecordOutcomes>().HandleAsync(actor, Id, new OutcomesRequest(outcomes, v), default));
    }

    public async Task<Result<ClosingView>> CompleteAsync(Actor actor, int? version = null)
    {
        var v = version ?? await VersionAsync();
        return await App.InScopeAsync(s => s.Get<CompleteMentorship>().HandleAsync(actor, Id, new ClosingVersionRequest(v), default));
    }

    public async Task<Result<ClosingView>> EndEarlyAsync(Actor actor, EarlyEndReason reason, string? text, int? version = null)
    {
        var v = version ?? await VersionAsync();
        return await App.InScopeAsync(s => s.Get<EndMentorshipEarly>().HandleAsync(actor, Id, new EndEarlyRequest(reason, text, v), default));
    }

    public Task<Result<CertificateFile>> CertificateAsync(Actor actor) => App.InScopeAsync(s => s.Get<GetCertificate>().HandleAsync(actor, Id, default));

    /// <summary>The text of a PDF, page by page, as a reader extracts it.</summary>
    public static string PdfText(byte[] pdf)
    {
        using var document = UglyToad.PdfPig.PdfDocument.Open(pdf);
        return string.Join("\n", document.GetPages().Select(p => string.Join(" ", p.GetWords().Select(w => w.Text))));
    }
}
