using Microsoft.EntityFrameworkCore;
using SalesMentor.App.Common;
using SalesMentor.App.Data;
using SalesMentor.App.Domain;
using SalesMentor.App.Features.Health;
using SalesMentor.App.Features.Programs;
using SalesMentor.App.Kpis;
using SalesMentor.App.Security;
using SalesMentor.Core.Health;

namespace SalesMentor.App.Features.Progress;

/// <summary>
/// The mentoring home of the caller. As a mentor: each running mentorship they mentor, with what needs attention —
/// overdue actions, sessions without a log, no session in N weeks, goals not moving, their own pulse due — and the next
/// session; never the confidential space, private notes, the mentee's pulse answers or "cohesion low" (which would tell
/// the mentor how the mentee answered). As a supervisor: the running mentorships of the people below them, goals and
/// progress only (no sessions, notes, action items or pulses). Everyone signed in gets their own (maybe empty) home.
/// </summary>
public sealed class GetMentoringHome(SalesMentorDb db, Access access, ConfidentialCipher cipher, KpiCache kpis, OrgClock clock, TimeProvider time)
{
    public async Task<Result<MentoringHomeView>> HandleAsync(Actor actor, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var today = await clock.TodayAsync(ct);
        if (actor.Kind != ActorKind.User || actor.PersonId is not { } me) return new MentoringHomeView(today, [], [], []);
        var below = (await access.HierarchyAsync(ct)).Below(me).ToList();
        var running = await db.Mentorships.AsNoTracking()
            .Where(m => m.Stage != MentorshipStage.Closed && (m.MentorId == me || below.Contains(m.MenteeId))).ToListAsync(ct);
        var mine = running.Where(m => m.MentorId == me).OrderBy(m => m.StartedOn).ToList();
        var reports = running.Where(m => m.MentorId != me && m.MenteeId != me && below.Contains(m.MenteeId)).OrderBy(m => m.StartedOn).ToList();
        if (mine.Count == 0 && reports.Count == 0) return new MentoringHomeView(today, [], [], []);

        var ids = mine.Concat(reports).Select(m => m.Id).ToList();
        var people = mine.Concat(reports).SelectMany(m => new[] { m.MentorId, m.MenteeId }).Distinct().ToList();
        var names = await db.People.AsNoTracking().Where(p => people.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.Name, ct);
        var programIds = mine.Concat(reports).Where(m => m.ProgramId != null).Select(m => m.ProgramId!.Value).Distinct().ToList();
        var programs = await db.Programs.AsNoTracking().Where(p => programIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, ct);
        var goals = await db.Agreements.AsNoTracking().Where(a => ids.Contains(a.MentorshipId)).ToDictionaryAsync(a => a.MentorshipId, a => a.KpiGoals, ct);
        var snapshot = await kpis.GetAsync(ct);
        var progress = new KpiGoalProgress(snapshot, today);
        PersonRef Who(Core.People.PersonId id) => new(id, names.GetValueOrDefault(id, "someone"));
        string? ProgramName(Mentorship m) => m.ProgramId is { } p && programs.TryGetValue(p, out var program) ? program.Name : null;

        var mentees = new List<MenteeAtAGlanceView>();
        if (mine.Count > 0)
        {
            var schedules = mine.ToDictionary(m => m.Id, m => PulseSchedule.Of(m, m.ProgramId is { } p ? programs.GetValueOrDefault(p) : null));
            // "Cohesion low" mixes both sides' pulse answers: shown to the mentor it would tell them how the mentee answered.
            var flags = await HealthAssessment.AssessAsync(db, cipher, kpis, mine, schedules, today, ct);
            var mineIds = mine.Select(m => m.Id).ToList();
            var sessions = await db.Sessions.AsNoTracking().Where(s => mineIds.Contains(s.MentorshipId)).ToListAsync(ct);
            var answered = await db.Pulses.AsNoTracking().Where(p => mineIds.Contains(p.MentorshipId) && p.RespondentId == me)
                .Select(p => new { p.MentorshipId, p.Round }).ToListAsync(ct);
            var now = time.GetUtcNow().UtcDateTime;
            foreach (var m in mine)
            {
                var schedule = schedules[m.Id];
                var summary = SessionProgress.Of([.. sessions.Where(s => s.MentorshipId == m.Id)], now, today);
                var round = schedule.Round(today);
                var pulseDue = !answered.Any(a => a.MentorshipId == m.Id && a.Round == round);
                var shown = HealthRules.Reasons(flags[m.Id] & ~HealthAlerts.CohesionLow, schedule.NoSessionWeeks);
                var kpiGoals = Goals(progress, goals, m, mentorShown: true);
                var attention = new List<string>();
                if (summary.OverdueActions > 0) attention.Add(summary.OverdueActions == 1 ? "1 action overdue" : $"{summary.OverdueActions} actions overdue");
                if (summary.WithoutLog > 0) attention.Add(summary.WithoutLog == 1 ? "1 session to log" : $"{summary.WithoutLog} sessions to log");
                if (summary.NextSession is null) attention.Add("no session scheduled");
                attention.AddRange(shown.Where(f => f != "actions overdue"));
                if (pulseDue) attention.Add("your pulse check-in is due");
                if (m.Stage == MentorshipStage.Agreeing) attention.Add("the agreement is not signed by both yet");
                mentees.Add(new MenteeAtAGlanceView(
                    m.Id, Who(m.MenteeId), ProgramName(m), m.Stage, summary.NextSession, summary.LastHeld, summary.OverdueActions, summary.OpenActions,
                    summary.WithoutLog, pulseDue, shown, attention, kpiGoals.Count, kpiGoals.Count(g => g.SurpassedMentor)));
            }
        }

        var reportViews = new List<ReportMentorshipView>();
        foreach (var m in reports)
        {
            var mentorShown = await access.CanSeeSalesDataAsync(actor, m.MentorId, ct);
            reportViews.Add(new ReportMentorshipView(m.Id, Who(m.MenteeId), Who(m.MentorId), m.ProgramId, ProgramName(m), m.Stage, Goals(progress, goals, m, mentorShown)));
        }

        var teamPulse = new List<TeamPulseLinkView>();
        foreach (var program in reports.Select(m => m.ProgramId).OfType<Guid>().Distinct().Select(programs.GetValueOrDefault).OfType<MentorshipProgram>())
        {
            if (await access.SeesProgramAsync(actor, program, ct)) teamPulse.Add(new TeamPulseLinkView(program.Id, program.Name));
        }

        return new MentoringHomeView(
            today, mentees, [.. reportViews.OrderBy(r => r.Mentee.Name, StringComparer.CurrentCulture)],
            [.. teamPulse.OrderBy(p => p.ProgramName, StringComparer.CurrentCulture)]);
    }

    private static List<KpiGoalProgressView> Goals(KpiGoalProgress progress, Dictionary<Guid, List<KpiGoal>> goals, Mentorship m, bool mentorShown) =>
        [.. (goals.GetValueOrDefault(m.Id) ?? []).Select(g => progress.Of(g, m.MenteeId, m.MentorId, mentorShown)).OfType<KpiGoalProgressView>()];
}
