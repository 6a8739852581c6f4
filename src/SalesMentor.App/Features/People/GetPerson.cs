using Microsoft.EntityFrameworkCore;
using SalesMentor.App.Common;
using SalesMentor.App.Data;
using SalesMentor.App.Domain;
using SalesMentor.App.Security;
using SalesMentor.Core.People;

namespace SalesMentor.App.Features.People;

/// <summary>
/// A person's page: who they are, where they sit in the tree, whether their sales data is visible, and the running
/// mentorships of theirs (as mentee) the caller may open.
/// </summary>
public sealed class GetPerson(SalesMentorDb db, Access access, OrgClock orgClock)
{
    public async Task<Result<PersonDetails>> HandleAsync(Actor actor, PersonId id, CancellationToken ct)
    {
        if (!await access.CanSeePersonAsync(actor, id, ct)) return Error.NotFound("person");
        var person = await db.People.AsNoTracking()
            .Include(p => p.Team).Include(p => p.Region).Include(p => p.CrmOwnerIds)
            .SingleAsync(p => p.Id == id, ct);
        var hierarchy = await access.HierarchyAsync(ct);
        var related = hierarchy.ChainOf(id).Concat(hierarchy.ReportsOf(id)).ToList();
        var today = await orgClock.TodayAsync(ct);
        var relatedPeople = await db.People.AsNoTracking().Where(p => related.Contains(p.Id))
            .Select(p => new { Ref = new PersonRef(p.Id, p.Name, p.Title), Active = p.LeftOn == null || p.LeftOn > today })
            .ToDictionaryAsync(p => p.Ref.Id, ct);
        var reports = hierarchy.ReportsOf(id).Select(r => relatedPeople[r]).OrderBy(r => r.Ref.Name, StringComparer.CurrentCulture).ToList();
        return new PersonDetails(
            person.Id, person.ExternalId, person.Name, person.Email, person.Title,
            person.TeamId, person.Team?.Name, person.RegionId, person.Region?.Name,
            hierarchy.ChainOf(id).Select(m => relatedPeople[m].Ref).ToList(),
            reports.Where(r => r.Active).Select(r => r.Ref).ToList(),
            reports.Where(r => !r.Active).Select(r => r.Ref).ToList(),
            person.HireDate, person.LeftOn, person.TimeZone,
            person.CrmOwnerIds.Select(l => l.OwnerId).Order(StringComparer.Ordinal).ToList(),
            person.IsActiveOn(today), await access.CanSeeSalesDataAsync(actor, id, ct), person.Version,
            await MentorshipsAsync(actor, id, ct));
    }

    /// <summary>The person's running mentorships as mentee that <paramref name="actor"/> sees (the pair, the chain above, the program's managers).</summary>
    private async Task<List<PersonMentorshipView>> MentorshipsAsync(Actor actor, PersonId id, CancellationToken ct)
    {
        var views = new List<PersonMentorshipView>();
        var running = await db.Mentorships.AsNoTracking().Where(m => m.MenteeId == id && m.Stage != MentorshipStage.Closed).OrderBy(m => m.StartedOn).ToListAsync(ct);
        foreach (var m in running)
        {
            if (!await access.CanSeeMentorshipAsync(actor, m, ct)) continue;
            var mentor = await db.People.AsNoTracking().Where(p => p.Id == m.MentorId).Select(p => new PersonRef(p.Id, p.Name, p.Title)).SingleAsync(ct);
            views.Add(new PersonMentorshipView(m.Id, mentor, m.Stage));
        }

        return views;
    }
}
