using Microsoft.EntityFrameworkCore;
using SalesMentor.App.Common;
using SalesMentor.App.Data;
using SalesMentor.App.Domain;
using SalesMentor.Core.People;
using SalesMentor.Core.Text;

namespace SalesMentor.App.Features.People;

public enum PeopleSort { Name, Title, Team, Region, Manager, HireDate }

/// <param name="Search">Part of a name or email; case and accents are ignored ("zoe" finds "Zoë").</param>
/// <param name="Active">True: only active people; false: only people who left; null: everyone.</param>
public sealed record SearchPeopleRequest(
    string? Search = null, Guid? TeamId = null, Guid? RegionId = null, PersonId? ManagerId = null, bool? Active = null,
    PeopleSort Sort = PeopleSort.Name, bool Descending = false, PageRequest Paging = default);

/// <summary>
/// The people directory: open to everyone signed in (it shows no sales data), so a page is the same whoever asks and is
/// kept per instance until People, Teams or Regions change (<see cref="DirectoryPages"/>).
/// </summary>
public sealed class SearchPeople(SalesMentorDb db, OrgClock orgClock, DirectoryPages pages)
{
    public async Task<Result<Paged<PersonRow>>> HandleAsync(Actor actor, SearchPeopleRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(request);
        if (request.Search is { Length: > 200 }) return Error.Validation("search.too_long", "Search for at most 200 characters.");
        var today = await orgClock.TodayAsync(ct);
        return await pages.GetAsync(db, request, today, () => ReadAsync(request, today, ct), ct);
    }

    private async Task<Paged<PersonRow>> ReadAsync(SearchPeopleRequest request, DateOnly today, CancellationToken ct)
    {
        var query = db.People.AsNoTracking();
        var folded = TextFold.ForSearch(request.Search);
        if (folded.Length > 0) query = query.Where(p => p.SearchKey.Contains(folded));
        if (request.TeamId is { } team) query = query.Where(p => p.TeamId == team);
        if (request.RegionId is { } region) query = query.Where(p => p.RegionId == region);
        if (request.ManagerId is { } manager) query = query.Where(p => p.ManagerId == manager);
        if (request.Active == true) query = query.Where(p => p.LeftOn == null || p.LeftOn > today);
        if (request.Active == false) query = query.Where(p => p.LeftOn != null && p.LeftOn <= today);

        var total = await query.CountAsync(ct);
        var paging = request.Paging;
        var rows = await Sorted(query, request.Sort, request.Descending)
            .Skip(paging.Skip).Take(paging.SafeSize)
            .Select(p => new PersonRow(
                p.Id, p.Name, p.Email, p.Title, p.Team!.Name, p.Region!.Name, p.ManagerId, p.Manager!.Name,
                p.HireDate, p.LeftOn, p.LeftOn == null || p.LeftOn > today))
            .ToListAsync(ct);
        return new Paged<PersonRow>(rows, total, paging.SafePage, paging.SafeSize);
    }

    private static IQueryable<Person> Sorted(IQueryable<Person> query, PeopleSort sort, bool descending)
    {
        var ordered = (sort, descending) switch
        {
            (PeopleSort.Title, false) => query.OrderBy(p => p.Title),
            (PeopleSort.Title, true) => query.OrderByDescending(p => p.Title),
            (PeopleSort.Team, false) => query.OrderBy(p => p.Team!.Name),
            (PeopleSort.Team, true) => query.OrderByDescending(p => p.Team!.Name),
            (PeopleSort.Region, false) => query.OrderBy(p => p.Region!.Name),
            (PeopleSort.Region, true) => query.OrderByDescending(p => p.Region!.Name),
            (PeopleSort.Manager, false) => query.OrderBy(p => p.Manager!.Name),
            (PeopleSort.Manager, true) => query.OrderByDescending(p => p.Manager!.Name),
            (PeopleSort.HireDate, false) => query.OrderBy(p => p.HireDate),
            (PeopleSort.HireDate, true) => query.OrderByDescending(p => p.HireDate),
            (_, true) => query.OrderByDescending(p => p.SearchKey),
            _ => query.OrderBy(p => p.SearchKey),
        };
        return ordered.ThenBy(p => p.Id);
    }
}
