using Microsoft.EntityFrameworkCore;
using SalesMentor.App.Common;
using SalesMentor.App.Data;
using SalesMentor.App.Security;
using SalesMentor.Core.Impact;
using SalesMentor.Core.Kpis;
using SalesMentor.Core.People;

namespace SalesMentor.App.Features.ManagerRoles;

/// <summary>What role balance to show: period kind (month, quarter, year), how many periods up to today, and N for "no coaching in N weeks".</summary>
public sealed record RoleBalanceRequest(string? Period = "month", int Count = 6, int NoCoachingWeeks = 4);

/// <summary>
/// Role balance (<see cref="ComputeRoleBalance"/>) per manager and in total over the last periods, against the admin's target
/// mix, and the reps with no coaching in N weeks. Admins see every manager and the organization; a manager sees themselves
/// and the managers below them, and the total of that group. Notes are never read.
/// </summary>
public sealed class GetRoleBalance(SalesMentorDb db, Access access, OrgClock clock)
{
    public async Task<Result<RoleBalanceView>> HandleAsync(Actor actor, RoleBalanceRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(request);
        PeriodKind? kind = (request.Period ?? "month").Trim().ToUpperInvariant() switch
        {
            "MONTH" => PeriodKind.Month,
            "QUARTER" => PeriodKind.FiscalQuarter,
            "YEAR" => PeriodKind.FiscalYear,
            _ => null,
        };
        if (kind is null) return Error.Validation("role_balance.period", "The period is month, quarter or year.");
        if (request.Count is < 1 or > 36) return Error.Validation("role_balance.count", "Show 1 to 36 periods.");
        if (request.NoCoachingWeeks is < 1 or > 104) return Error.Validation("role_balance.weeks", "N weeks is from 1 to 104.");
        if (!actor.IsAdmin && actor.PersonId is null) return Error.NotFound("role balance");

        var settings = await db.OrganizationSettings.AsNoTracking().SingleAsync(ct);
        var target = new RoleTargetMixView(settings.TargetSupervisorPercent, settings.TargetCoachPercent, settings.TargetTrainerPercent, settings.TargetMentorPercent, settings.Version);
        var today = await clock.TodayAsync(ct);
        var calendar = new FiscalCalendar(settings.FiscalYearStartMonth);
        var periods = new List<Period> { calendar.PeriodOf(kind.Value, today) };
        while (periods.Count < request.Count) periods.Insert(0, calendar.PeriodOf(kind.Value, periods[0].Start.AddDays(-1)));

        var tree = await access.HierarchyAsync(ct);
        HashSet<PersonId>? scope = actor.IsAdmin ? null : new HashSet<PersonId>(tree.Below(actor.PersonId!.Value)) { actor.PersonId!.Value };
        var from = new[] { periods[0].Start, today.AddDays(-7 * request.NoCoachingWeeks) }.Min();
        var rows = await db.ManagerInteractions.AsNoTracking().Where(i => i.Date >= from)
            .Select(i => new { i.ManagerId, i.RepId, i.Role, i.Date, i.Minutes }).ToListAsync(ct);
        if (scope is not null) rows = [.. rows.Where(r => scope.Contains(r.ManagerId))];

        var index = new Dictionary<PersonId, int>();
        var ids = new List<PersonId>();
        int Of(PersonId id)
        {
            if (index.TryGetValue(id, out var n)) return n;
            index[id] = ids.Count;
            ids.Add(id);
            return ids.Count - 1;
        }

        var interactions = rows.Select(r => new RoleInteraction(Of(r.ManagerId), Of(r.RepId), r.Role, r.Date, r.Minutes)).ToList();
        var mixes = ComputeRoleBalance.Run(interactions, periods, target.ToShares());

        // Reps: active people with a manager and no reports of their own, in the actor's scope.
        var people = await db.People.AsNoTracking().Select(p => new { p.Id, p.Name, p.ManagerId, p.LeftOn }).ToListAsync(ct);
        var names = people.ToDictionary(p => p.Id, p => p.Name);
        var reps = people.Where(p => p.ManagerId is not null && (p.LeftOn is null || p.LeftOn > today) && tree.ReportsOf(p.Id).Count == 0
            && (scope is null || (scope.Contains(p.Id) && p.Id != actor.PersonId))).OrderBy(p => p.Name, StringComparer.CurrentCulture).ToList();
        var without = ComputeRoleBalance.FindRepsWithout(interactions, reps.Select(r => Of(r.Id)), today.AddDays(1), request.NoCoachingWeeks);
        var lastCoached = rows.Where(r => r.Role == ManagerRole.Coach && r.Minutes > 0).GroupBy(r => r.RepId).ToDictionary(g => g.Key, g => g.Max(r => r.Date));
        var noCoaching = without.Select(n => ids[n]).Select(id =>
        {
            var manager = tree.ManagerOf(id);
            return new RepWithoutRole(id, names.GetValueOrDefault(id, ""), manager, manager is { } m ? names.GetValueOrDefault(m) : null,
                lastCoached.TryGetValue(id, out var d) ? d : null);
        }).ToList();

        RoleMixRow Row(RoleMix m) => new(m.Period.Label, m.Period.Start, m.Period.End, m.Minutes, m.Shares, m.GapToTarget, m.TotalMinutes);
        var managers = mixes.Where(m => m.Manager is not null).GroupBy(m => m.Manager!.Value)
            .Select(g => new ManagerRoleBalance(ids[g.Key], names.GetValueOrDefault(ids[g.Key], ""), [.. g.Select(Row)]))
            .OrderBy(m => m.Name, StringComparer.CurrentCulture).ToList();
        var total = new ManagerRoleBalance(null, actor.IsAdmin ? "Organization" : "You and the managers below you", [.. mixes.Where(m => m.Manager is null).Select(Row)]);
        return new RoleBalanceView(target, today, kind.Value.ToString(), total, managers, request.NoCoachingWeeks, noCoaching);
    }
}
