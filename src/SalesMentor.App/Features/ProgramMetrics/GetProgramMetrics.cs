using Microsoft.EntityFrameworkCore;
using SalesMentor.App.Common;
using SalesMentor.App.Data;
using SalesMentor.App.Domain;
using SalesMentor.App.Export;
using SalesMentor.App.Features.Agreements;
using SalesMentor.App.Features.Health;
using SalesMentor.App.Kpis;
using SalesMentor.App.Security;
using SalesMentor.Core.Kpis;

namespace SalesMentor.App.Features.ProgramMetrics;

/// <summary>One month of a program's life: pairs running at its end, pairs with a held session in it, sessions held.</summary>
public sealed record ProgramMonthView(string Month, int RunningPairs, int ActivePairs, int SessionsHeld);

/// <summary>
/// Program health in numbers (issue "program health"): enrollment, matching, activity, goals and mentor load, and the last
/// 12 months. <see cref="ProgramId"/> is null for the overall view across every program. No confidential record is read.
/// </summary>
/// <param name="ActivePairs">Running pairs with a session held in the last 30 days.</param>
/// <param name="SessionsPerPairMonth">Held sessions per pair and month of running, over every pair's life so far.</param>
/// <param name="GoalsOnTrack">KPI goals of running pairs whose current value (same months as the baseline, up to last month) is at or past the straight line from baseline to target.</param>
/// <param name="GoalsMeasured">KPI goals with a baseline and a current value.</param>
/// <param name="BehaviourGoals">Behaviour goals in the agreements.</param>
/// <param name="AdoptionRate">Share of behaviour goals whose latest check-in or observation is "consistent" or "habit".</param>
/// <param name="PairsAtRisk">Running pairs with a health flag (the reasons are on the health page).</param>
/// <param name="LatestPulse">The latest pulse round released for everyone (≥ 5 respondents, the differencing rule); per program only.</param>
public sealed record ProgramMetricsView(
    Guid? ProgramId,
    string Name,
    DateOnly AsOf,
    int MentorsEnrolled,
    int MenteesEnrolled,
    int MenteesMatched,
    double? MatchRate,
    int RunningPairs,
    int ActivePairs,
    double? SessionsPerPairMonth,
    int GoalsOnTrack,
    int GoalsMeasured,
    int BehaviourGoals,
    double? AdoptionRate,
    int PairsAtRisk,
    PulseAggregateView? LatestPulse,
    double? AverageMentorLoad,
    int MaxMentorLoad,
    int MentorsOverCapacity,
    IReadOnlyList<ProgramMonthView> Months)
{
    /// <summary>The summary and the months as a spreadsheet (CSV or XLSX): one row per month, the summary in the first rows.</summary>
    public ExportFile ToFile(string format)
    {
        string[] headers = ["measure", "value"];
        var rows = new List<object?[]>
        {
            new object?[] { "program", Name }, new object?[] { "as of", AsOf.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) },
            new object?[] { "mentors enrolled", MentorsEnrolled }, new object?[] { "mentees enrolled", MenteesEnrolled },
            new object?[] { "mentees matched", MenteesMatched }, new object?[] { "match rate", MatchRate },
            new object?[] { "running pairs", RunningPairs }, new object?[] { "active pairs (session in 30 days)", ActivePairs },
            new object?[] { "sessions per pair per month", SessionsPerPairMonth }, new object?[] { "goals on track", GoalsOnTrack },
            new object?[] { "goals measured", GoalsMeasured }, new object?[] { "behaviour goals", BehaviourGoals },
            new object?[] { "adoption rate (consistent or above)", AdoptionRate }, new object?[] { "pairs at risk", PairsAtRisk },
            new object?[] { "latest pulse: respondents", LatestPulse?.Respondents }, new object?[] { "latest pulse: trust", LatestPulse?.Trust },
            new object?[] { "latest pulse: safety", LatestPulse?.Safety }, new object?[] { "latest pulse: value", LatestPulse?.Value },
            new object?[] { "latest pulse: commitment", LatestPulse?.Commitment }, new object?[] { "average mentor load", AverageMentorLoad },
            new object?[] { "largest mentor load", MaxMentorLoad }, new object?[] { "mentors over capacity", MentorsOverCapacity },
        };
        rows.AddRange(Months.SelectMany(m => new[]
        {
            new object?[] { $"{m.Month} running pairs", m.RunningPairs }, new object?[] { $"{m.Month} active pairs", m.ActivePairs },
            new object?[] { $"{m.Month} sessions held", m.SessionsHeld },
        }));
        return TableExport.Write(format, $"program-metrics-{AsOf:yyyy-MM-dd}", headers, rows);
    }
}

/// <summary>
/// Program health numbers for a program's managers (admins and coordinators; 403 for others who see the program, 404
/// when hidden), or across every program for admins (<c>programId</c> null). Reads enrollments, mentorships, held
/// sessions, agreements' KPI goals and the KPI table — never notes, concerns or pulse answers.
/// </summary>
public sealed class GetProgramMetrics(SalesMentorDb db, Access access, KpiCache kpis, OrgClock clock, GetProgramHealth health)
{
    public async Task<Result<ProgramMetricsView>> HandleAsync(Actor actor, Guid? programId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(actor);
        string name;
        if (programId is { } id)
        {
            var program = await access.LoadProgramAsync(actor, id, ct);
            if (program is null) return Error.NotFound("program");
            if (!await access.IsProgramManagerAsync(actor, id, ct)) return Error.Forbidden("program.not_manager", "Only the program's admins and coordinators see its numbers.");
            name = program.Name;
        }
        else
        {
            if (!actor.IsAdmin) return Error.Forbidden("metrics.admin_only", "Only admins see the numbers of every program together.");
            name = "All programs";
        }

        var today = await clock.TodayAsync(ct);
        var enrollments = await db.Enrollments.AsNoTracking().Where(e => !e.Withdrawn && (programId == null || e.ProgramId == programId))
            .Select(e => new { e.ProgramId, e.PersonId, e.Side, e.Capacity }).ToListAsync(ct);
        var mentorships = await db.Mentorships.AsNoTracking().Where(m => m.ProgramId != null && (programId == null || m.ProgramId == programId)).ToListAsync(ct);
        var ids = mentorships.Select(m => m.Id).ToList();
        var held = await db.Sessions.AsNoTracking().Where(s => ids.Contains(s.MentorshipId) && s.Status == SessionStatus.Held)
            .Select(s => new { s.MentorshipId, s.StartsAt }).ToListAsync(ct);
        var running = mentorships.Where(m => m.Stage != MentorshipStage.Closed && m.StartedOn <= today).ToList();
        var since = today.AddDays(-30).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        var recent = held.Where(s => s.StartsAt >= since).Select(s => s.MentorshipId).ToHashSet();

        var menteesEnrolled = enrollments.Where(e => e.Side == EnrollmentSide.Mentee).Select(e => (e.ProgramId, e.PersonId)).Distinct().Count();
        var matched = mentorships.Select(m => (m.ProgramId, m.MenteeId)).Distinct().Count();
        var pairMonths = mentorships.Sum(m => Math.Max(0, ((m.EndedOn is { } e && e < today ? e : today).DayNumber - m.StartedOn.DayNumber) / 30.44));
        var load = running.GroupBy(m => (m.ProgramId, m.MentorId)).Select(g => (g.Key, Count: g.Count())).ToList();
        var capacity = enrollments.Where(e => e.Side == EnrollmentSide.Mentor).GroupBy(e => ((Guid?)e.ProgramId, e.PersonId)).ToDictionary(g => g.Key, g => g.Max(e => e.Capacity));
        var (onTrack, measured) = await GoalsAsync(running, today, ct);
        var (behaviourGoals, adopted) = await AdoptionAsync(ids, ct);
        var (atRisk, pulse) = await HealthAsync(actor, programId, ct);

        return new ProgramMetricsView(
            programId, name, today,
            enrollments.Where(e => e.Side == EnrollmentSide.Mentor).Select(e => (e.ProgramId, e.PersonId)).Distinct().Count(), menteesEnrolled, matched,
            menteesEnrolled == 0 ? null : Math.Min(1, (double)matched / menteesEnrolled),
            running.Count, running.Count(m => recent.Contains(m.Id)),
            pairMonths < 0.5 ? null : Math.Round(held.Count / pairMonths, 2),
            onTrack, measured, behaviourGoals, behaviourGoals == 0 ? null : (double)adopted / behaviourGoals, atRisk, pulse,
            load.Count == 0 ? null : Math.Round(load.Average(l => l.Count), 2), load.Count == 0 ? 0 : load.Max(l => l.Count),
            load.Count(l => capacity.TryGetValue(l.Key, out var c) && l.Count > c),
            Months(mentorships, held.Select(h => (h.MentorshipId, DateOnly.FromDateTime(h.StartsAt))).ToList(), today));
    }

    private static List<ProgramMonthView> Months(List<Mentorship> mentorships, List<(Guid Pair, DateOnly Day)> held, DateOnly today)
    {
        var months = new List<ProgramMonthView>();
        var first = new DateOnly(today.Year, today.Month, 1).AddMonths(-11);
        for (var start = first; start <= today; start = start.AddMonths(1))
        {
            var end = start.AddMonths(1).AddDays(-1);
            var inMonth = held.Where(h => h.Day >= start && h.Day <= end).ToList();
            var last = end < today ? end : today;
            months.Add(new ProgramMonthView($"{start:yyyy-MM}",
                mentorships.Count(m => m.StartedOn <= last && (m.EndedOn is null || m.EndedOn >= last)),
                inMonth.Select(h => h.Pair).Distinct().Count(), inMonth.Count));
        }

        return months;
    }

    /// <summary>Behaviour goals of the agreements, and how many have their latest rating (either side) at "consistent" or above.</summary>
    private async Task<(int Goals, int Adopted)> AdoptionAsync(List<Guid> mentorships, CancellationToken ct)
    {
        var goals = (await db.Agreements.AsNoTracking().Where(a => mentorships.Contains(a.MentorshipId)).Select(a => new { a.MentorshipId, a.BehaviourGoals }).ToListAsync(ct))
            .SelectMany(a => a.BehaviourGoals.Select(g => (a.MentorshipId, g.Id))).ToHashSet();
        if (goals.Count == 0) return (0, 0);
        var checks = await db.AdoptionChecks.AsNoTracking().Where(c => mentorships.Contains(c.MentorshipId))
            .Select(c => new { c.MentorshipId, c.BehaviourGoalId, c.Level, c.ObservedOn, c.CreatedAt }).ToListAsync(ct);
        var adopted = checks.Where(c => goals.Contains((c.MentorshipId, c.BehaviourGoalId)))
            .GroupBy(c => (c.MentorshipId, c.BehaviourGoalId))
            .Count(g => g.OrderBy(c => c.ObservedOn).ThenBy(c => c.CreatedAt).Last().Level >= AdoptionLevel.Consistent);
        return (goals.Count, adopted);
    }

    /// <summary>Pairs at risk and the latest released pulse round, through the health page's own use case (same access and aggregate rules).</summary>
    private async Task<(int AtRisk, PulseAggregateView? Pulse)> HealthAsync(Actor actor, Guid? programId, CancellationToken ct)
    {
        if (programId is { } id)
        {
            var one = await health.HandleAsync(actor, id, ct);
            return one.IsSuccess ? (one.Value.AtRisk.Count, one.Value.Aggregates.Where(a => a.Group == "everyone").MaxBy(a => a.Round)) : (0, null);
        }

        var atRisk = 0;
        foreach (var program in await db.Programs.AsNoTracking().Where(p => p.Status != ProgramStatus.Draft).Select(p => p.Id).ToListAsync(ct))
        {
            var each = await health.HandleAsync(actor, program, ct);
            if (each.IsSuccess) atRisk += each.Value.AtRisk.Count;
        }

        return (atRisk, null);
    }

    /// <summary>Each KPI goal with a baseline: current value over the same number of whole months up to last month, against the straight line from baseline (at the start) to target (at the target date).</summary>
    private async Task<(int OnTrack, int Measured)> GoalsAsync(List<Mentorship> running, DateOnly today, CancellationToken ct)
    {
        var ids = running.Select(m => m.Id).ToList();
        var agreements = await db.Agreements.AsNoTracking().Where(a => ids.Contains(a.MentorshipId)).ToListAsync(ct);
        if (agreements.Count == 0) return (0, 0);
        var byId = running.ToDictionary(m => m.Id);
        var snapshot = await kpis.GetAsync(ct);
        var (onTrack, measured) = (0, 0);
        foreach (var agreement in agreements)
        {
            var m = byId[agreement.MentorshipId];
            foreach (var goal in agreement.KpiGoals.Where(g => g.Baseline is not null))
            {
                if (KpiCatalog.FromId(goal.Kpi) is not { } kpi) continue;
                var (current, _, _) = KpiBaseline.Capture(snapshot, m.MenteeId, kpi, today, goal.BaselineMonths);
                if (current is not { } now) continue;
                measured++;
                var span = Math.Max(1, goal.TargetDate.DayNumber - m.StartedOn.DayNumber);
                var share = Math.Clamp((today.DayNumber - m.StartedOn.DayNumber) / (decimal)span, 0, 1);
                var expected = goal.Baseline!.Value + ((goal.Target - goal.Baseline.Value) * share);
                var lowerIsBetter = KpiCatalog.Of(kpi).Direction == KpiDirection.LowerIsBetter;
                if (lowerIsBetter ? now <= expected : now >= expected) onTrack++;
            }
        }

        return (onTrack, measured);
    }
}
