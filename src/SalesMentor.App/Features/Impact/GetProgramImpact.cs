using Microsoft.EntityFrameworkCore;
using SalesMentor.App.Common;
using SalesMentor.App.Data;
using SalesMentor.App.Domain;
using SalesMentor.App.Features.Kpis;
using SalesMentor.App.Kpis;
using SalesMentor.App.Security;
using SalesMentor.Core.Impact;
using SalesMentor.Core.Kpis;
using SalesMentor.Core.People;

namespace SalesMentor.App.Features.Impact;

/// <summary>
/// The impact page's answer: <see cref="EstimateImpact"/> on the monthly KPI table, the program's mentees against reps
/// never mentored (or not yet). Admins and the program's coordinators see the program; a manager sees the estimate for
/// the program's mentees among their own people only, and only when there are at least <see cref="MinimumGroup"/>;
/// everyone else gets 404. Mentor value-added is computed for admins only; individual lifts are never returned.
/// </summary>
public sealed class GetProgramImpact(SalesMentorDb db, Access access, KpiCache cache, OrgClock clock)
{
    /// <summary>Fewest people in a manager's group before its aggregate is shown.</summary>
    public const int MinimumGroup = 5;

    /// <summary>Win rates are read over this many months ending with each month: one month holds too few closed deals.</summary>
    public const int TrailingMonths = 3;

    /// <summary>The KPI estimated when the request names none.</summary>
    public const string DefaultKpi = "win-rate-by-count";

    public async Task<Result<ProgramImpactView>> HandleAsync(Actor actor, ProgramImpactRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(request);
        var program = await access.LoadProgramAsync(actor, request.ProgramId, ct);
        if (program is null) return Error.NotFound("program");
        var kpiId = string.IsNullOrWhiteSpace(request.Kpi) ? DefaultKpi : request.Kpi.Trim().ToLowerInvariant();
        if (KpiCatalog.FromId(kpiId) is not { } kpi || !KpiCatalog.Of(kpi).IsRanked)
        {
            return Error.Validation("impact.kpi", $"'{request.Kpi}' is not a KPI the impact can be estimated on; use an id from docs/kpis.md such as {DefaultKpi} or won-revenue.");
        }

        HashSet<PersonId>? team = null;
        if (!await access.IsProgramManagerAsync(actor, program.Id, ct))
        {
            if (actor.PersonId is not { } me) return Error.NotFound("program impact");
            var below = (await access.HierarchyAsync(ct)).Below(me);
            if (below.Count == 0) return Error.NotFound("program impact");
            team = [.. below];
        }

        var mentorships = await db.Mentorships.AsNoTracking()
            .Select(m => new { m.ProgramId, m.MentorId, m.MenteeId, m.StartedOn }).ToListAsync(ct);
        var ours = mentorships.Where(m => m.ProgramId == program.Id && (team is null || team.Contains(m.MenteeId)))
            .GroupBy(m => m.MenteeId).ToDictionary(g => g.Key, g => g.OrderBy(m => m.StartedOn).First());
        if (team is not null && ours.Count < MinimumGroup)
        {
            return Error.Forbidden("impact.group_too_small",
                $"{ours.Count} of your people are mentees in this program; the impact is shown for groups of {MinimumGroup} or more, so that no one's numbers can be singled out.");
        }

        // Anyone else who was ever a mentee (another program, an imported mentorship, or this program outside the
        // manager's group) is neither a mentee of this estimate nor a clean comparison rep: left out.
        var otherMentees = mentorships.Select(m => m.MenteeId).Where(id => !ours.ContainsKey(id)).ToHashSet();
        var snapshot = await cache.GetAsync(ct);
        var months = snapshot.TableOf(PeriodKind.Month);
        var today = await clock.TodayAsync(ct);
        var whole = months.Periods.Count(p => p.End < today);
        var definition = KpiDefinitionView.Of(kpi);
        var (scale, unit) = ScaleOf(KpiCatalog.Of(kpi), snapshot.Currency);
        if (whole < 2)
        {
            return Error.Validation("impact.no_data", "There are not yet two whole months of sales data to compare; import CRM history first.");
        }

        var hires = await db.People.AsNoTracking().Where(p => p.HireDate != null)
            .Select(p => new { p.Id, p.HireDate }).ToDictionaryAsync(p => p.Id, p => p.HireDate!.Value, ct);
        var rows = new List<int>();
        var starts = new List<int>();
        var tenure = new List<double>();
        var teams = new List<int>();
        var teamCodes = new Dictionary<Guid, int>();
        var first = months.Periods[0].Start;
        for (var i = 0; i < snapshot.People.Count; i++)
        {
            var person = snapshot.People[i];
            if (!person.IsRep || otherMentees.Contains(person.Id)) continue;
            var start = ImpactInput.NotMentored;
            if (ours.TryGetValue(person.Id, out var m))
            {
                start = months.IndexOf(m.StartedOn);
                if (start < 0 || start >= whole) continue; // started outside the data: nothing to measure, not a comparison rep either
            }

            rows.Add(i);
            starts.Add(start);
            tenure.Add(hires.TryGetValue(person.Id, out var hired)
                ? ((first.Year - hired.Year) * 12) + first.Month - hired.Month
                : -FirstActive(months.Table, i, whole));
            teams.Add(person.TeamId is { } t ? (teamCodes.TryGetValue(t, out var code) ? code : teamCodes[t] = teamCodes.Count) : -1);
        }

        var trailing = kpi is Kpi.WinRateByCount or Kpi.WinRateByValue;
        var input = trailing
            ? BuildImpactInput.TrailingWinRate(months.Table, kpi, TrailingMonths, scale, rows, whole, [.. tenure], [.. teams], [.. starts])
            : BuildImpactInput.FromKpis(months.Table, kpi, scale, rows, whole, [.. tenure], [.. teams], [.. starts]);
        var options = new ImpactOptions();
        var name = KpiCatalog.Of(kpi).Name.ToLowerInvariant();
        var measure = trailing ? $"{name}, each month over the trailing {TrailingMonths} months" : $"{name} per month";
        var result = await Task.Run(() => EstimateImpact.Run(input, options, name, " " + unit), ct);

        IReadOnlyList<MentorValueAddedRow>? valueAdded = null;
        if (actor.IsAdmin && team is null && result.Status == ImpactStatus.Estimated)
        {
            valueAdded = await MentorValueAddedAsync(result, rows, snapshot, ours.ToDictionary(p => p.Key, p => p.Value.MentorId), ct);
        }

        var adoption = result.Status == ImpactStatus.Estimated
            ? await AdoptionOutcomeAsync(result, rows, snapshot, program.Id, ct)
            : null;
        return new ProgramImpactView(
            program.Id, program.Name, team is null ? "program" : "team", definition, measure, unit,
            months.Periods[0].Label, months.Periods[whole - 1].Label,
            result.Status == ImpactStatus.Estimated ? "estimated" : "cant_tell", ReasonId(result.Reason), result.Verdict,
            result.Effect is { } e ? new ImpactEffectView(e.Effect, e.Low, e.High, e.StandardError) : null,
            result.EventStudy, result.Balance, result.PreTrend, result.Counts, options.PrePeriods, options.PostPeriods, valueAdded, adoption);
    }

    /// <summary>
    /// Adoption → outcome: for the matched mentees, the rise in adoption of their behaviour goals that have a CRM signal
    /// (latest rating minus first, in steps of the scale, averaged over their goals) against their own lift on the KPI.
    /// A correlation with its interval — an aggregate; the individual values are never returned.
    /// </summary>
    private async Task<AdoptionCorrelation> AdoptionOutcomeAsync(ImpactResult result, List<int> rows, KpiSnapshot snapshot, Guid programId, CancellationToken ct)
    {
        var measured = await db.Behaviours.AsNoTracking().Where(b => b.Signal != CrmSignal.None).Select(b => b.Id).ToListAsync(ct);
        var checks = await (from c in db.AdoptionChecks.AsNoTracking()
                            join m in db.Mentorships.AsNoTracking() on c.MentorshipId equals m.Id
                            where m.ProgramId == programId && measured.Contains(c.BehaviourId)
                            select new { m.MenteeId, c.BehaviourGoalId, c.Level, c.ObservedOn, c.CreatedAt }).ToListAsync(ct);
        var rise = checks.GroupBy(c => c.MenteeId).ToDictionary(g => g.Key, g => g.GroupBy(c => c.BehaviourGoalId).Average(goal =>
        {
            var ordered = goal.OrderBy(c => c.ObservedOn).ThenBy(c => c.CreatedAt).ToList();
            return (double)(ordered[^1].Level - ordered[0].Level);
        }));
        var adoption = new List<double>();
        var lifts = new List<double>();
        foreach (var lift in result.MenteeLifts)
        {
            if (!rise.TryGetValue(snapshot.People[rows[lift.Rep]].Id, out var r)) continue;
            adoption.Add(r);
            lifts.Add(lift.Lift);
        }

        return CorrelateAdoption.Run(adoption, lifts);
    }

    /// <summary>Rates are read in percentage points; money in the corporate currency; counts and days as they are.</summary>
    internal static (double Scale, string Unit) ScaleOf(KpiDefinition d, string currency) => d.Unit switch
    {
        "ratio" => (100, "points"),
        "currency" => (1, currency),
        _ => (1, d.Unit),
    };

    /// <summary>A stable id for the reason, e.g. "too_few_mentees"; empty when estimated.</summary>
    internal static string ReasonId(CantTellReason reason) => reason switch
    {
        CantTellReason.None => "",
        CantTellReason.TooFewMentees => "too_few_mentees",
        CantTellReason.TooFewComparisonReps => "too_few_comparison_reps",
        CantTellReason.WindowTooShort => "window_too_short",
        CantTellReason.PreTrendsDiverge => "pre_trends_diverge",
        CantTellReason.NoVariation => "no_variation",
        _ => reason.ToString(),
    };

    private static int FirstActive(KpiTable table, int person, int periods)
    {
        for (var p = 0; p < periods; p++)
        {
            if (table.IsActive(person, p)) return p;
        }

        return 0;
    }

    private async Task<IReadOnlyList<MentorValueAddedRow>> MentorValueAddedAsync(
        ImpactResult result, List<int> rows, KpiSnapshot snapshot, Dictionary<PersonId, PersonId> mentorOfMentee, CancellationToken ct)
    {
        var mentors = mentorOfMentee.Values.Distinct().ToList();
        var mentorIndex = mentors.Select((id, i) => (id, i)).ToDictionary(x => x.id, x => x.i);
        var added = EstimateMentorValueAdded.Run(result.MenteeLifts,
            rep => mentorOfMentee.TryGetValue(snapshot.People[rows[rep]].Id, out var mentor) ? mentorIndex[mentor] : -1);
        var names = await db.People.AsNoTracking().Where(p => mentors.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.Name, ct);
        return [.. added.Mentors.Select(m => new MentorValueAddedRow(mentors[m.Mentor], names.GetValueOrDefault(mentors[m.Mentor], ""), m.Mentees, m.RawLift, m.ShrunkLift, m.Reliability))
            .OrderByDescending(r => r.ShrunkLift)];
    }
}
