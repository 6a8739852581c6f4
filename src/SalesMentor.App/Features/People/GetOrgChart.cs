using Microsoft.EntityFrameworkCore;
using SalesMentor.App.Common;
using SalesMentor.App.Data;
using SalesMentor.App.Security;
using SalesMentor.Core.People;

namespace SalesMentor.App.Features.People;

/// <summary>A node of the org chart: a person and, under them, their direct reports.</summary>
public sealed record OrgChartNode(PersonId Id, string Name, string? Title, string? Team, bool IsActive, int TotalBelow, IReadOnlyList<OrgChartNode> Reports);

/// <param name="IncludeInactive">Show people who have left (greyed out) as well.</param>
public sealed record GetOrgChartRequest(bool IncludeInactive = false);

/// <summary>The manager tree from its roots down; open to everyone signed in, like the directory.</summary>
public sealed class GetOrgChart(SalesMentorDb db, Access access, OrgClock orgClock)
{
    public async Task<Result<IReadOnlyList<OrgChartNode>>> HandleAsync(Actor actor, GetOrgChartRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(request);
        var today = await orgClock.TodayAsync(ct);
        var people = await db.People.AsNoTracking()
            .Select(p => new { p.Id, p.Name, p.Title, Team = p.Team!.Name, p.LeftOn })
            .ToDictionaryAsync(p => p.Id, ct);
        var hierarchy = await access.HierarchyAsync(ct);

        OrgChartNode? Build(PersonId id)
        {
            var p = people[id];
            var active = p.LeftOn is null || p.LeftOn > today;
            var reports = hierarchy.ReportsOf(id).Select(Build).OfType<OrgChartNode>()
                .OrderByDescending(r => r.TotalBelow > 0).ThenBy(r => r.Name, StringComparer.CurrentCulture).ToList();
            if (!active && !request.IncludeInactive && reports.Count == 0) return null;
            return new OrgChartNode(id, p.Name, p.Title, p.Team, active, reports.Sum(r => 1 + r.TotalBelow), reports);
        }

        var roots = hierarchy.Roots.Where(people.ContainsKey).Select(Build).OfType<OrgChartNode>()
            .OrderByDescending(r => r.TotalBelow).ThenBy(r => r.Name, StringComparer.CurrentCulture).ToList();
        return roots;
    }
}
