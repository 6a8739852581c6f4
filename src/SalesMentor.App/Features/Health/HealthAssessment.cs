using Microsoft.EntityFrameworkCore;
using SalesMentor.App.Data;
using SalesMentor.App.Domain;
using SalesMentor.App.Kpis;
using SalesMentor.App.Security;
using SalesMentor.Core.Health;
using SalesMentor.Core.Kpis;

namespace SalesMentor.App.Features.Health;

/// <summary>
/// Gathers what the health rules need for running mentorships — last held session, overdue action items, whether any
/// goal moved, each side's pulses (opened here, never returned) — and asks <see cref="HealthRules"/> for the flags.
/// </summary>
internal static class HealthAssessment
{
    public static async Task<Dictionary<Guid, HealthAlerts>> AssessAsync(
        SalesMentorDb db, ConfidentialCipher cipher, KpiCache kpis, IReadOnlyList<Mentorship> mentorships, IReadOnlyDictionary<Guid, PulseSchedule> schedules,
        DateOnly today, CancellationToken ct)
    {
        var ids = mentorships.Select(m => m.Id).ToList();
        var sessions = await db.Sessions.AsNoTracking().Where(s => ids.Contains(s.MentorshipId)).ToListAsync(ct);
        var pulses = await db.Pulses.AsNoTracking().Where(p => ids.Contains(p.MentorshipId)).ToListAsync(ct);
        var checks = await db.AdoptionChecks.AsNoTracking().Where(c => ids.Contains(c.MentorshipId)).ToListAsync(ct);
        var agreements = await db.Agreements.AsNoTracking().Where(a => ids.Contains(a.MentorshipId)).ToDictionaryAsync(a => a.MentorshipId, ct);
        KpiSnapshot? snapshot = null;
        var result = new Dictionary<Guid, HealthAlerts>();
        foreach (var m in mentorships)
        {
            var schedule = schedules[m.Id];
            var mine = sessions.Where(s => s.MentorshipId == m.Id).ToList();
            var lastHeld = mine.Where(s => s.Status == SessionStatus.Held).Select(s => (DateOnly?)DateOnly.FromDateTime(s.StartsAt)).Max();
            var overdue = mine.Where(s => s.Status != SessionStatus.Cancelled).SelectMany(s => s.ActionItems).Count(a => !a.Done && a.DueOn < today);
            var bySide = pulses.Where(p => p.MentorshipId == m.Id).GroupBy(p => p.RespondentId)
                .Select(g => (IReadOnlyList<PulseScores>)[.. g.OrderBy(p => p.Round).Select(p => PulseContent.Open(cipher, p).Scores)]).ToList();
            var moving = AdoptionMoved(checks.Where(c => c.MentorshipId == m.Id));
            var pastMidTerm = HealthRules.MidTerm(m.StartedOn, schedule.PlannedEnd) is { } mid && today >= mid;
            if (!moving && pastMidTerm && agreements.TryGetValue(m.Id, out var agreement) && agreement.KpiGoals.Count > 0)
            {
                snapshot ??= await kpis.GetAsync(ct);
                moving = KpisMoved(snapshot, m, agreement.KpiGoals);
            }

            result[m.Id] = HealthRules.Evaluate(new HealthInput(today, m.StartedOn, schedule.PlannedEnd, lastHeld, schedule.NoSessionWeeks, overdue, moving, bySide));
        }

        return result;
    }

    /// <summary>A behaviour goal moved when a later rating of it (either side's) is above its first rating.</summary>
    private static bool AdoptionMoved(IEnumerable<AdoptionCheck> checks) =>
        checks.GroupBy(c => c.BehaviourGoalId).Any(g =>
        {
            var ordered = g.OrderBy(c => c.ObservedOn).ThenBy(c => c.CreatedAt).ToList();
            return ordered.Skip(1).Any(c => c.Level > ordered[0].Level);
        });

    /// <summary>A KPI goal moved when a whole month after its baseline months is past the baseline in the direction of the target.</summary>
    private static bool KpisMoved(KpiSnapshot snapshot, Mentorship m, IEnumerable<KpiGoal> goals)
    {
        var person = snapshot.IndexOf(m.MenteeId);
        if (person < 0) return false;
        var table = snapshot.TableOf(PeriodKind.Month);
        foreach (var goal in goals)
        {
            if (goal.Baseline is not { } baseline || goal.Target == baseline || KpiCatalog.FromId(goal.Kpi) is not { } kpi) continue;
            if (!DateOnly.TryParseExact(goal.BaselineTo + "-01", "yyyy-MM-dd", out var baselineMonth)) continue;
            for (var p = 0; p < table.Periods.Count; p++)
            {
                if (table.Periods[p].Start <= baselineMonth || table.Table.Value(person, p, kpi) is not { } value) continue;
                if (goal.Target > baseline ? value > baseline : value < baseline) return true;
            }
        }

        return false;
    }
}
