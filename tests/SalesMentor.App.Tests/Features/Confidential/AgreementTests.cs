using Microsoft.EntityFrameworkCore;
using SalesMentor.App.Common;
using SalesMentor.App.Domain;
using SalesMentor.App.Features.Agreements;
using SalesMentor.App.Tests.Infrastructure;

namespace SalesMentor.App.Tests.Features.Confidential;

public class AgreementTests
{
    private static async Task<(ConfidentialWorld W, Guid Behaviour, Guid Value)> AgreeingAsync(TestApp app)
    {
        var w = await ConfidentialWorld.CreateAsync(app);
        await app.InScopeAsync(async s =>
        {
            var m = await s.Db.Mentorships.SingleAsync(x => x.Id == w.Current);
            m.Stage = MentorshipStage.Agreeing;
            return await s.Db.SaveChangesAsync();
        });
        var behaviour = await app.InScopeAsync(s => s.Db.Behaviours.OrderBy(b => b.SortOrder).Select(b => b.Id).FirstAsync());
        var value = await app.InScopeAsync(s => s.Db.CompanyValues.OrderBy(v => v.SortOrder).Select(v => v.Id).FirstAsync());
        return (w, behaviour, value);
    }

    private static AgreementRequest Request(Guid behaviour, Guid value, int version, params KpiGoalInput[] goals) =>
        new(goals, [new BehaviourGoalInput(null, behaviour, AdoptionLevel.Consistent)], [value], MeetingCadence.Fortnightly, "Between us.", version);

    private static Task<Result<AgreementView>> SaveAsync(ConfidentialWorld w, Actor actor, AgreementRequest request) =>
        w.App.InScopeAsync(s => s.Get<SaveAgreement>().HandleAsync(actor, w.Current, request, default));

    private static Task<Result<AgreementView>> SignAsync(ConfidentialWorld w, Actor actor, int version) =>
        w.App.InScopeAsync(s => s.Get<SignAgreement>().HandleAsync(actor, w.Current, new AgreementVersionRequest(version), default));

    [Theory, BothProviders]
    public async Task BothSign_TheMentorshipBecomesActive_TheBaselineIsCapturedFromKpisAndFrozen(Provider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var (w, behaviour, value) = await AgreeingAsync(app);

        // Rep A won 1,000 in February 2026 (TestWorld); today is 2026-06-15, so six whole months back cover December to May.
        var saved = await ConfidentialWorld.Ok(SaveAsync(w, w.Mentee, Request(behaviour, value, 0, new KpiGoalInput(null, "won-revenue", 5000m, new DateOnly(2026, 12, 31), 6))));
        var goal = saved.KpiGoals.Single();
        Assert.Equal(("won-revenue", "2025-12", "2026-05", 6), (goal.Kpi, goal.BaselineFrom, goal.BaselineTo, goal.BaselineMonths));
        Assert.NotNull(goal.Baseline);
        Assert.True(goal.Baseline > 0m && goal.Baseline <= 1000m, $"baseline {goal.Baseline}");
        Assert.Equal(("Won revenue", AdoptionLevel.Consistent, 1), (goal.KpiName, saved.BehaviourGoals.Single().Level, saved.Values.Count));

        // More won revenue arrives afterwards: the saved goal keeps its baseline; a new goal on the same KPI sees the new data.
        await app.SeedAsync(db => db.Opportunities.Add(new Opportunity
        {
            Source = "test", ExternalId = "late-win", OwnerId = w.World.RepA.Id, Name = "Late win", Account = "Acme", Amount = 90000m, Currency = "USD",
            CreatedOn = new DateOnly(2026, 3, 1), CloseDate = new DateOnly(2026, 5, 20), IsClosed = true, IsWon = true, ImportedAt = DateTime.UtcNow,
        }));
        await app.InScopeAsync(s => SalesMentor.App.Common.SalesDataStamp.BumpAsync(s.Db, default));
        var resaved = await ConfidentialWorld.Ok(SaveAsync(w, w.Mentor, Request(behaviour, value, saved.Version,
            new KpiGoalInput(goal.Id, "won-revenue", 6000m, new DateOnly(2026, 12, 31)), new KpiGoalInput(null, "won-revenue", 1m, new DateOnly(2026, 12, 31), 6))));
        Assert.Equal(goal.Baseline, resaved.KpiGoals[0].Baseline);
        Assert.Equal(6000m, resaved.KpiGoals[0].Target);
        Assert.True(resaved.KpiGoals[1].Baseline > goal.Baseline);

        var mentee = await ConfidentialWorld.Ok(SignAsync(w, w.Mentee, resaved.Version));
        Assert.Equal(MentorshipStage.Agreeing, mentee.Stage);
        var both = await ConfidentialWorld.Ok(SignAsync(w, w.Mentor, mentee.Version));
        Assert.True(both.BothSigned);
        Assert.Equal(MentorshipStage.Active, both.Stage);
        Assert.Equal([1], both.History.Select(h => h.Revision));
        Assert.Equal(MentorshipStage.Active, await app.InScopeAsync(s => s.Db.Mentorships.Where(m => m.Id == w.Current).Select(m => m.Stage).SingleAsync()));
    }

    [Theory, BothProviders]
    public async Task AChangeAfterSigning_NeedsBothSignaturesAgain_AndTheSignedRevisionIsKept(Provider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var (w, behaviour, value) = await AgreeingAsync(app);
        var v = await ConfidentialWorld.Ok(SaveAsync(w, w.Mentee, Request(behaviour, value, 0, new KpiGoalInput(null, "won-deals", 4m, new DateOnly(2026, 9, 30)))));
        v = await ConfidentialWorld.Ok(SignAsync(w, w.Mentee, v.Version));
        v = await ConfidentialWorld.Ok(SignAsync(w, w.Mentor, v.Version));
        var supervisor = TestApp.As(w.World.SupervisorA);
        v = await ConfidentialWorld.Ok(app.InScopeAsync(s => s.Get<AcknowledgeAgreement>().HandleAsync(supervisor, w.Current, new AgreementVersionRequest(v.Version), default)));
        Assert.Equal("Sam Supervisor", v.AcknowledgedBy?.Name);

        var same = await ConfidentialWorld.Ok(SaveAsync(w, w.Mentor, Request(behaviour, value, v.Version, new KpiGoalInput(v.KpiGoals[0].Id, "won-deals", 4m, new DateOnly(2026, 9, 30)))));
        Assert.True(same.BothSigned); // saving the same content changes nothing
        var changed = await ConfidentialWorld.Ok(SaveAsync(w, w.Mentor, Request(behaviour, value, same.Version, new KpiGoalInput(v.KpiGoals[0].Id, "won-deals", 6m, new DateOnly(2026, 9, 30)))));

        Assert.Equal((false, (DateTime?)null, (DateTime?)null, 2, (DateTime?)null), (changed.BothSigned, changed.MentorSignedAt, changed.MenteeSignedAt, changed.Revision, changed.AcknowledgedAt));
        Assert.Equal([1], changed.History.Select(h => h.Revision));
        Assert.Equal(MentorshipStage.Active, changed.Stage); // still running while they re-sign
        var stored = await app.InScopeAsync(s => s.Db.AgreementRevisions.SingleAsync());
        Assert.Contains("\"target\":4", stored.ContentJson, StringComparison.Ordinal);
        changed = await ConfidentialWorld.Ok(SignAsync(w, w.Mentor, changed.Version));
        changed = await ConfidentialWorld.Ok(SignAsync(w, w.Mentee, changed.Version));
        Assert.Equal([2, 1], changed.History.Select(h => h.Revision));
    }

    [Theory, BothProviders]
    public async Task TheSupervisorSeesAndAcknowledgesOnly_TheAdminOnlySees_OthersGet404(Provider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var (w, behaviour, value) = await AgreeingAsync(app);
        var saved = await ConfidentialWorld.Ok(SaveAsync(w, w.Mentee, Request(behaviour, value, 0, new KpiGoalInput(null, "won-deals", 4m, new DateOnly(2026, 9, 30)))));
        var supervisor = TestApp.As(w.World.SupervisorA);
        var admin = TestApp.As(w.World.Admin, admin: true);

        var seen = await ConfidentialWorld.Ok(app.InScopeAsync(s => s.Get<GetAgreement>().HandleAsync(supervisor, w.Current, default)));
        var write = await SaveAsync(w, supervisor, Request(behaviour, value, saved.Version));
        var sign = await SignAsync(w, admin, saved.Version);
        var earlyAck = await app.InScopeAsync(s => s.Get<AcknowledgeAgreement>().HandleAsync(supervisor, w.Current, new AgreementVersionRequest(saved.Version), default));
        var adminAck = await app.InScopeAsync(s => s.Get<AcknowledgeAgreement>().HandleAsync(admin, w.Current, new AgreementVersionRequest(saved.Version), default));
        var adminView = await ConfidentialWorld.Ok(app.InScopeAsync(s => s.Get<GetAgreement>().HandleAsync(admin, w.Current, default)));
        var teammate = await app.InScopeAsync(s => s.Get<GetAgreement>().HandleAsync(TestApp.As(w.World.RepB), w.Current, default));
        var formerMentor = await app.InScopeAsync(s => s.Get<GetAgreement>().HandleAsync(w.FormerMentor, w.Current, default));

        Assert.Equal((1, false, false, false), (seen.KpiGoals.Count, seen.CanEdit, seen.CanSign, seen.CanAcknowledge));
        Assert.Equal(("agreement.pair_only", "agreement.pair_only"), (write.Error?.Code, sign.Error?.Code));
        Assert.Equal(("agreement.unsigned", "agreement.supervisor_only"), (earlyAck.Error?.Code, adminAck.Error?.Code));
        Assert.Single(adminView.KpiGoals);
        Assert.Equal((ErrorKind.NotFound, ErrorKind.NotFound), (teammate.Error?.Kind, formerMentor.Error?.Kind));
    }

    [Theory, BothProviders]
    public async Task TwoSavesOfTheSameVersion_OneWins_TheOtherIsAConflict_AndBadInputIsRefused(Provider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var (w, behaviour, value) = await AgreeingAsync(app);
        var first = await Task.WhenAll(
            SaveAsync(w, w.Mentee, Request(behaviour, value, 0, new KpiGoalInput(null, "won-deals", 4m, new DateOnly(2026, 9, 30)))),
            SaveAsync(w, w.Mentor, Request(behaviour, value, 0, new KpiGoalInput(null, "won-deals", 9m, new DateOnly(2026, 9, 30)))));
        Assert.Single(first, r => r.IsSuccess);
        Assert.Single(first, r => r.Error?.Code == "concurrency.conflict");
        var winner = first.Single(r => r.IsSuccess).Value;
        var stale = await SaveAsync(w, w.Mentee, Request(behaviour, value, 0));
        Assert.Equal("concurrency.conflict", stale.Error?.Code);

        var bad = new[]
        {
            Request(behaviour, value, winner.Version, new KpiGoalInput(null, "no-such-kpi", 1m, new DateOnly(2026, 9, 30))),
            Request(behaviour, value, winner.Version, new KpiGoalInput(null, "won-deals", 1m, new DateOnly(2026, 9, 30), 13)),
            Request(Guid.NewGuid(), value, winner.Version),
            Request(behaviour, Guid.NewGuid(), winner.Version),
            Request(behaviour, value, winner.Version) with { Cadence = (MeetingCadence)9 },
            Request(behaviour, value, winner.Version) with { Terms = "  " },
        };
        var codes = new List<string?>();
        foreach (var request in bad) codes.Add((await SaveAsync(w, w.Mentee, request)).Error?.Code);
        Assert.Equal(["agreement.kpi", "agreement.baseline_months", "agreement.behaviour", "agreement.value", "agreement.cadence", "agreement.terms.required"], codes);

        var failures = new List<string>();
        var version = winner.Version;
        foreach (var text in NaughtyStrings.All.Concat(NaughtyStrings.RealNames).Append("a\0b"))
        {
            var saved = await SaveAsync(w, w.Mentee, Request(behaviour, value, version) with { Terms = text });
            if (saved.IsSuccess) version = saved.Value.Version;
            if (saved.IsSuccess && saved.Value.Terms != text.Trim()) failures.Add($"{text}: read back {saved.Value.Terms}");
            if (!saved.IsSuccess && (saved.Error!.Kind != ErrorKind.Validation || NaughtyStrings.RealNames.Contains(text))) failures.Add($"{text}: {saved.Error.Code}");
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }
}
