using Microsoft.EntityFrameworkCore;
using SalesMentor.App.Common;
using SalesMentor.App.Data;
using SalesMentor.App.Security;
using SalesMentor.Core.People;

namespace SalesMentor.App.Features.ManagerRoles;

/// <summary>
/// A manager's week (Monday to Sunday): their entries and minutes per role, and the reps they may log for.
/// For the manager, everyone above them, and admins; hidden (404) from everyone else.
/// </summary>
public sealed class GetManagerWeek(SalesMentorDb db, Access access, OrgClock clock)
{
    public async Task<Result<ManagerWeekView>> HandleAsync(Actor actor, PersonId? manager, DateOnly? dayInWeek, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if ((manager ?? actor.PersonId) is not { } who) return Error.Validation("interaction.manager", "Name the manager whose week to show.");
        var tree = await access.HierarchyAsync(ct);
        var person = await db.People.AsNoTracking().Where(p => p.Id == who).Select(p => new { p.Name }).SingleOrDefaultAsync(ct);
        if (person is null || !(actor.IsAdmin || actor.PersonId == who || (actor.PersonId is { } me && tree.IsAbove(me, who)))) return Error.NotFound("person");
        var day = dayInWeek ?? await clock.TodayAsync(ct);
        var monday = day.AddDays(-(((int)day.DayOfWeek + 6) % 7));
        var sunday = monday.AddDays(7);
        var entries = await db.ManagerInteractions.AsNoTracking().Where(i => i.ManagerId == who && i.Date >= monday && i.Date < sunday)
            .OrderBy(i => i.Date).ThenBy(i => i.CreatedAt).ToListAsync(ct);
        var below = tree.Below(who);
        var reps = await db.People.AsNoTracking().Where(p => below.Contains(p.Id) && (p.LeftOn == null || p.LeftOn > day))
            .Select(p => new RepChoice(p.Id, p.Name)).ToListAsync(ct);
        // Names: the manager's and their reps' are read already; only reps no longer below them (or gone) are looked up.
        var names = reps.ToDictionary(r => r.Id, r => r.Name);
        names[who] = person.Name;
        var unnamed = entries.Select(e => e.RepId).Where(id => !names.ContainsKey(id)).ToList();
        if (unnamed.Count > 0)
        {
            foreach (var (id, name) in await InteractionRules.NamesAsync(db, unnamed, ct)) names[id] = name;
        }

        var views = entries.Select(e => InteractionRules.View(actor, e, tree, names)).OfType<InteractionView>().ToList();
        var minutes = new int[4];
        foreach (var e in entries) minutes[(int)e.Role] += e.Minutes;
        return new ManagerWeekView(who, person.Name, monday, views, [.. reps.OrderBy(r => r.Name, StringComparer.CurrentCulture)], minutes);
    }
}
