using Microsoft.EntityFrameworkCore;
using SalesMentor.App.Common;
using SalesMentor.App.Domain;
using SalesMentor.App.Features.Closing;
using SalesMentor.App.Features.Confidential;
using SalesMentor.App.Features.Notes;
using SalesMentor.App.Tests.Features.Confidential;
using SalesMentor.App.Tests.Infrastructure;

namespace SalesMentor.App.Tests.Features.Closing;

/// <summary>Closing a mentorship: planned end, both reflections, goal outcomes, the close, the certificate, who sees what after.</summary>
public class ClosingTests
{
    private const string MenteeCanary = "CANARY-closing-reflection-of-the-mentee";
    private const string MentorCanary = "CANARY-closing-reflection-of-the-mentor";
    private static readonly DateOnly PlannedEnd = new(2026, 6, 30);

    [Theory, BothProviders]
    public async Task TheWholeClosingConversation_EndsInACertificateForBoth_AndTheFormerMentorKeepsOnlyTheirNotes(Provider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var c = await ClosingWorld.CreateAsync(app);
        var w = c.W;
        await ConfidentialWorld.Ok(w.RaiseAsync(c.Id, "CANARY-closing-concern"));
        await ConfidentialWorld.Ok(app.InScopeAsync(s => s.Get<AddPrivateNote>().HandleAsync(w.Mentor, c.Id, new PrivateNoteRequest("CANARY-closing-mentor-note"), default)));

        var planned = await ConfidentialWorld.Ok(c.PlanAsync(w.Mentor, PlannedEnd));
        Assert.Equal((MentorshipStage.Closing, PlannedEnd), (planned.Stage, planned.PlannedEndOn));
        Assert.Equal(["your reflection", "your mentee's reflection", "the outcome of each goal"], planned.Missing);
        var early = await c.CompleteAsync(w.Mentee);
        Assert.Equal("closing.incomplete", early.Error?.Code);

        var mine = await ConfidentialWorld.Ok(c.ReflectAsync(w.Mentee, MenteeCanary));
        await ConfidentialWorld.Ok(c.ReflectAsync(w.Mentee, MenteeCanary + " — and more", mine.MyReflection!.Version));
        await ConfidentialWorld.Ok(c.ReflectAsync(w.Mentor, MentorCanary));
        var recorded = await ConfidentialWorld.Ok(c.OutcomesAsync(w.Mentor));
        var kpi = recorded.Outcomes.Single(o => o.Kind == GoalKind.Kpi);
        // Recorded the day the baseline was captured, the measured value covers the same whole months, so it is the baseline.
        Assert.Equal((GoalAchievement.Partly, c.Agreement.KpiGoals[0].Baseline, c.Agreement.KpiGoals[0].BaselineFrom, c.Agreement.KpiGoals[0].BaselineTo),
            (kpi.Achievement, kpi.MeasuredValue, kpi.MeasuredFrom, kpi.MeasuredTo));
        Assert.NotNull(kpi.MeasuredValue);
        Assert.Equal(GoalAchievement.Achieved, recorded.Outcomes.Single(o => o.Kind == GoalKind.Behaviour).Achievement);
        Assert.Empty(recorded.Missing);

        var menteeView = await ConfidentialWorld.Ok(c.GetAsync(w.Mentee));
        Assert.Equal((MenteeCanary + " — and more", MentorCanary), (menteeView.MyReflection?.Text, menteeView.OtherReflection?.Text));
        var closed = await ConfidentialWorld.Ok(c.CompleteAsync(w.Mentee));
        Assert.Equal((MentorshipStage.Closed, MentorshipEnd.Completed, new DateOnly(2026, 6, 15)), (closed.Stage, closed.EndKind, closed.EndedOn));
        Assert.True(closed.CertificateAvailable);

        // Goals and outcomes for the supervisor chain and the admin; no reflection, no reason; the mentee keeps everything.
        foreach (var (who, actor) in new[] { ("supervisor", c.Supervisor), ("vp", TestApp.As(w.World.Vp)), ("admin", c.Admin) })
        {
            var seen = await ConfidentialWorld.Ok(c.GetAsync(actor));
            Assert.True((seen.MyReflection, seen.OtherReflection, seen.MySide, seen.CertificateAvailable) == (null, null, null, false), who);
            Assert.True(seen.Outcomes.All(o => o.Achievement is not null), who);
        }

        var after = await ConfidentialWorld.Ok(c.GetAsync(w.Mentee));
        Assert.Equal(MentorCanary, after.OtherReflection?.Text);

        // The former mentor: 404 on the closing, the confidential space and the mentorship; their own notes and certificate stay.
        Assert.Equal(ErrorKind.NotFound, (await c.GetAsync(w.Mentor)).Error?.Kind);
        Assert.Equal(ErrorKind.NotFound, (await w.ListAsync(w.Mentor, c.Id)).Error?.Kind);
        Assert.Equal(ErrorKind.NotFound, (await app.InScopeAsync(s => s.Get<App.Features.Mentorships.GetMentorship>().HandleAsync(w.Mentor, c.Id, default))).Error?.Kind);
        var notes = await ConfidentialWorld.Ok(app.InScopeAsync(s => s.Get<ListPrivateNotes>().HandleAsync(w.Mentor, c.Id, default)));
        Assert.Equal(["CANARY-closing-mentor-note"], notes.Notes.Select(n => n.Text));

        var menteeCertificate = await ConfidentialWorld.Ok(c.CertificateAsync(w.Mentee));
        var mentorCertificate = await ConfidentialWorld.Ok(c.CertificateAsync(w.Mentor));
        var menteeText = ClosingWorld.PdfText(menteeCertificate.Pdf);
        var mentorText = ClosingWorld.PdfText(mentorCertificate.Pdf);
        Assert.Contains("Zoë O'Brien", menteeText, StringComparison.Ordinal);
        Assert.Contains("as mentee, mentored by Stella Star", menteeText, StringComparison.Ordinal);
        Assert.Contains("as mentor of Zoë O'Brien", mentorText, StringComparison.Ordinal);
        Assert.Contains("from 1 June 2026 to 15 June 2026", mentorText, StringComparison.Ordinal);
        Assert.Equal("certificate-2026-06-15.pdf", mentorCertificate.FileName);
        foreach (var text in new[] { menteeText, mentorText }) Assert.DoesNotContain("CANARY", text, StringComparison.Ordinal);
        foreach (var (who, actor) in w.Outsiders.Where(o => o.Who != "former mentor"))
        {
            Assert.True((await c.CertificateAsync(actor)).Error?.Kind == ErrorKind.NotFound, who);
        }

        // Mail says it is complete and where the certificate is, nothing else; nothing confidential at rest, in the log or the audit.
        var mails = await app.InScopeAsync(s => s.Db.Outbox.AsNoTracking().Where(m => m.Category == "mentorship-completed").ToListAsync());
        Assert.Equal(["rep.a@world.test", "star@world.test"], mails.Select(m => m.ToAddress).Order(StringComparer.Ordinal));
        Assert.All(mails, m => Assert.DoesNotContain("CANARY", m.Subject + m.TextBody, StringComparison.Ordinal));
        Assert.DoesNotContain("CANARY", app.Logs.All, StringComparison.Ordinal);
        var audit = await app.InScopeAsync(s => s.Db.AuditEvents.AsNoTracking().ToListAsync());
        Assert.All(audit, e => Assert.DoesNotContain("CANARY", $"{e.Action} {e.ResourceType} {e.ResourceId} {e.Detail}", StringComparison.Ordinal));
        Assert.Contains(audit, e => e.Action == "reflection.read");
        var sealedTexts = await app.InScopeAsync(s => s.Db.Reflections.Select(r => r.SealedText).ToListAsync());
        Assert.Equal(2, sealedTexts.Count);
        Assert.All(sealedTexts, v => Assert.True(v.AsSpan().IndexOf("CANARY"u8) < 0));
        if (provider == Provider.Sqlite)
        {
            var file = app.Database.SqliteFile!;
            await app.InScopeAsync(s => s.Db.Database.ExecuteSqlRawAsync("PRAGMA wal_checkpoint(TRUNCATE)"));
            Assert.False(File.ReadAllBytes(file).AsSpan().IndexOf("CANARY-closing-reflection"u8) >= 0, "plain text in the SQLite file");
        }
    }

    [Theory, BothProviders]
    public async Task OnlyThePairHoldsTheConversation_InItsOrder_AndStaleOrBadInputChangesNothing(Provider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var c = await ClosingWorld.CreateAsync(app);
        var w = c.W;

        Assert.Equal("closing.not_started", (await c.ReflectAsync(w.Mentee, "too soon")).Error?.Code);
        Assert.Equal("closing.not_started", (await c.OutcomesAsync(w.Mentee)).Error?.Code);
        Assert.Equal("closing.pair_only", (await c.PlanAsync(c.Supervisor, PlannedEnd)).Error?.Code);
        Assert.Equal("closing.pair_only", (await c.PlanAsync(c.Admin, PlannedEnd)).Error?.Code);
        foreach (var (who, actor) in w.Outsiders.Where(o => o.Who is "teammate" or "former mentor"))
        {
            Assert.True((await c.PlanAsync(actor, PlannedEnd)).Error?.Kind == ErrorKind.NotFound, who);
            Assert.True((await c.GetAsync(actor)).Error?.Kind == ErrorKind.NotFound, who);
        }

        Assert.Equal("closing.planned_end", (await c.PlanAsync(w.Mentee, new DateOnly(2026, 6, 14))).Error?.Code);
        var stale = await c.VersionAsync();
        await ConfidentialWorld.Ok(c.PlanAsync(w.Mentee, PlannedEnd));
        Assert.Equal("concurrency.conflict", (await c.PlanAsync(w.Mentor, PlannedEnd.AddDays(7), stale)).Error?.Code);
        Assert.Equal(PlannedEnd, (await ConfidentialWorld.Ok(c.GetAsync(w.Mentor))).PlannedEndOn);

        // Outcomes: one per goal of the agreement, each a known value.
        var k = c.Agreement.KpiGoals[0].Id;
        var b = c.Agreement.BehaviourGoals[0].Id;
        Assert.Equal("closing.outcomes", (await c.OutcomesAsync(w.Mentee, [new(k, GoalAchievement.Achieved)])).Error?.Code);
        Assert.Equal("closing.outcomes", (await c.OutcomesAsync(w.Mentee, [new(k, GoalAchievement.Achieved), new(k, GoalAchievement.Partly)])).Error?.Code);
        Assert.Equal("closing.outcomes", (await c.OutcomesAsync(w.Mentee, [new(k, GoalAchievement.Achieved), new(Guid.NewGuid(), GoalAchievement.Partly)])).Error?.Code);
        Assert.Equal("closing.outcome", (await c.OutcomesAsync(w.Mentee, [new(k, (GoalAchievement)9), new(b, GoalAchievement.Partly)])).Error?.Code);
        Assert.Equal("closing.outcome", (await c.OutcomesAsync(w.Mentee, [null!, new(b, GoalAchievement.Partly)])).Error?.Code);
        Assert.Equal("closing.pair_only", (await c.OutcomesAsync(c.Supervisor)).Error?.Code);
        var before = await c.VersionAsync();
        await ConfidentialWorld.Ok(c.OutcomesAsync(w.Mentee));
        Assert.Equal("concurrency.conflict", (await c.OutcomesAsync(w.Mentor, [new(k, GoalAchievement.NotAchieved), new(b, GoalAchievement.NotAchieved)], before)).Error?.Code);
        Assert.All((await ConfidentialWorld.Ok(c.GetAsync(w.Mentee))).Outcomes, o => Assert.NotEqual(GoalAchievement.NotAchieved, o.Achievement));

        // Reflections: each side its own, with its version; bad text is refused with a clear error, real text in any script round-trips.
        Assert.Equal("reflection.text.required", (await c.ReflectAsync(w.Mentee, "   ")).Error?.Code);
        Assert.Equal("reflection.text.too_long", (await c.ReflectAsync(w.Mentee, new string('x', ClosingLimits.Reflection + 1))).Error?.Code);
        Assert.Equal("concurrency.conflict", (await c.ReflectAsync(w.Mentee, "a first one claiming a version", 3)).Error?.Code);
        var version = 0;
        foreach (var text in NaughtyStrings.All.Concat(NaughtyStrings.RealNames).Append("a\0b"))
        {
            var saved = await c.ReflectAsync(w.Mentee, text, version);
            if (saved.IsSuccess)
            {
                Assert.Equal(text.Trim(), saved.Value.MyReflection!.Text);
                version = saved.Value.MyReflection.Version;
            }
            else
            {
                Assert.Equal(ErrorKind.Validation, saved.Error!.Kind);
            }
        }

        var two = await Task.WhenAll(c.ReflectAsync(w.Mentee, "one", version), c.ReflectAsync(w.Mentee, "two", version));
        Assert.Single(two, r => r.IsSuccess);
        Assert.Single(two, r => r.Error?.Code == "concurrency.conflict");
    }

    [Theory, BothProviders]
    public async Task AnEarlyEnd_TakesAReason_ForThePairAndTheAdmin_NeverTheSupervisorOrTheMail(Provider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var c = await ClosingWorld.CreateAsync(app);
        var w = c.W;
        const string Why = "CANARY-early-end-reason: a new territory from July";

        Assert.Equal("closing.end_early", (await c.EndEarlyAsync(c.Supervisor, EarlyEndReason.Workload, "no")).Error?.Code);
        Assert.Equal(ErrorKind.NotFound, (await c.EndEarlyAsync(TestApp.As(w.World.RepB), EarlyEndReason.Workload, "no")).Error?.Kind);
        Assert.Equal("closing.reason", (await c.EndEarlyAsync(w.Mentee, (EarlyEndReason)42, "no")).Error?.Code);
        Assert.Equal("closing.reason_text.required", (await c.EndEarlyAsync(w.Mentee, EarlyEndReason.RoleChange, " ")).Error?.Code);
        Assert.Equal("concurrency.conflict", (await c.EndEarlyAsync(w.Mentee, EarlyEndReason.RoleChange, Why, version: 99)).Error?.Code);

        var ended = await ConfidentialWorld.Ok(c.EndEarlyAsync(w.Mentee, EarlyEndReason.RoleChange, Why));
        Assert.Equal((MentorshipStage.Closed, MentorshipEnd.EndedEarly, EarlyEndReason.RoleChange, Why), (ended.Stage, ended.EndKind, ended.EarlyEndReason, ended.EarlyEndText));
        Assert.False(ended.CertificateAvailable);
        Assert.Equal("certificate.not_available", (await c.CertificateAsync(w.Mentee)).Error?.Code);
        Assert.Equal("certificate.not_available", (await c.CertificateAsync(w.Mentor)).Error?.Code);

        var admin = await ConfidentialWorld.Ok(c.GetAsync(c.Admin));
        var supervisor = await ConfidentialWorld.Ok(c.GetAsync(c.Supervisor));
        Assert.Equal((EarlyEndReason.RoleChange, Why), (admin.EarlyEndReason, admin.EarlyEndText));
        Assert.Equal((MentorshipEnd.EndedEarly, (EarlyEndReason?)null, (string?)null), (supervisor.EndKind, supervisor.EarlyEndReason, supervisor.EarlyEndText));
        Assert.Equal("mentorship.ended", (await c.EndEarlyAsync(c.Admin, EarlyEndReason.Other, "again")).Error?.Code);
        Assert.Equal("mentorship.ended", (await c.PlanAsync(w.Mentee, PlannedEnd)).Error?.Code);

        var mails = await app.InScopeAsync(s => s.Db.Outbox.AsNoTracking().Where(m => m.Category == "mentorship-ended").ToListAsync());
        Assert.Equal(2, mails.Count);
        Assert.All(mails, m => Assert.DoesNotContain("CANARY", m.Subject + m.TextBody, StringComparison.Ordinal));
        Assert.DoesNotContain("CANARY", app.Logs.All, StringComparison.Ordinal);
    }

    [Theory, BothProviders]
    public async Task TheProgramAdminEndsEarly_AnAgreeingMentorshipCannotOpenItsClosing(Provider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var c = await ClosingWorld.CreateAsync(app);
        await app.InScopeAsync(async s =>
        {
            var m = await s.Db.Mentorships.SingleAsync(x => x.Id == c.Id);
            m.Stage = MentorshipStage.Agreeing;
            return await s.Db.SaveChangesAsync();
        });

        Assert.Equal("closing.not_active", (await c.PlanAsync(c.W.Mentor, PlannedEnd)).Error?.Code);
        var ended = await ConfidentialWorld.Ok(c.EndEarlyAsync(c.Admin, EarlyEndReason.NotAGoodFit, "They asked us to stop."));
        Assert.Equal((MentorshipEnd.EndedEarly, false, false), (ended.EndKind, ended.CanWrite, ended.CanEndEarly));
        var stored = await app.InScopeAsync(s => s.Db.Mentorships.AsNoTracking().SingleAsync(m => m.Id == c.Id));
        Assert.Equal((c.W.World.Admin.Id, new DateOnly(2026, 6, 15)), (stored.EndedById!.Value, stored.EndedOn!.Value));
    }
}
