using Microsoft.EntityFrameworkCore;
using SalesMentor.App.Common;
using SalesMentor.App.Data;

namespace SalesMentor.App.Features.People;

/// <param name="OrganizationName">The organization's name from its settings.</param>
/// <param name="ActivePeople">People who have not left (as of the organization's today), as the directory counts them.</param>
/// <param name="Teams">Every team, as the team list counts them.</param>
public sealed record HomeSummary(string OrganizationName, int ActivePeople, int Teams);

/// <summary>
/// The home page's figures in one scope: open to everyone signed in (no sales data). Counts only: the same
/// numbers as the directory's total of active people and the length of the team list, without reading a
/// page of people or sorting the teams.
/// </summary>
public sealed class GetHomeSummary(SalesMentorDb db, OrgClock orgClock, OrgUnitsCache units)
{
    public async Task<Result<HomeSummary>> HandleAsync(Actor actor, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var today = await orgClock.TodayAsync(ct);
        var name = await db.OrganizationSettings.AsNoTracking().Select(s => s.Name).SingleAsync(ct);
        var active = await db.People.CountAsync(p => p.LeftOn == null || p.LeftOn > today, ct);
        var teams = (await units.GetAsync(db, today, ct)).Teams.Count;
        return new HomeSummary(name, active, teams);
    }
}
