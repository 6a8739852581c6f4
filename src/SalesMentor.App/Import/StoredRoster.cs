using Microsoft.EntityFrameworkCore;
using SalesMentor.App.Data;
using SalesMentor.App.Domain;
using SalesMentor.Core.People;
using SalesMentor.Core.Text;

namespace SalesMentor.App.Import;

/// <summary>
/// Everyone and everything a roster import compares against, loaded once (without tracking) into
/// dictionaries so no row costs a query.
/// </summary>
internal sealed class StoredRoster
{
    private StoredRoster(List<Person> people, List<CrmOwnerLink> links, List<Team> teams, List<Region> regions)
    {
        People = people;
        ById = people.ToDictionary(p => p.Id);
        foreach (var person in people)
        {
            if (person.ExternalId is { } x) ByExternalId.TryAdd(x, person);
            if (person.Email is { } e) ByEmail.TryAdd(e, person);
            var key = TextFold.NameKey(person.Name);
            if (!ByNameKey.TryGetValue(key, out var named)) ByNameKey[key] = named = [];
            named.Add(person);
        }

        foreach (var link in links)
        {
            Links[link.OwnerId] = link;
            if (!LinksOf.TryGetValue(link.PersonId, out var owned)) LinksOf[link.PersonId] = owned = [];
            owned.Add(link.OwnerId);
        }

        foreach (var team in teams.OrderBy(t => t.Name, StringComparer.Ordinal)) Teams.TryAdd(TextFold.NameKey(team.Name), team);
        foreach (var region in regions.OrderBy(r => r.Name, StringComparer.Ordinal)) Regions.TryAdd(TextFold.NameKey(region.Name), region);
    }

    public List<Person> People { get; }
    public Dictionary<PersonId, Person> ById { get; }
    public Dictionary<string, Person> ByExternalId { get; } = new(StringComparer.Ordinal);
    public Dictionary<string, Person> ByEmail { get; } = new(StringComparer.Ordinal);

    /// <summary>Everyone by <see cref="TextFold.NameKey"/> (names are not unique).</summary>
    public Dictionary<string, List<Person>> ByNameKey { get; } = new(StringComparer.Ordinal);

    /// <summary>CRM owner id → its link (owner ids are unique across people).</summary>
    public Dictionary<string, CrmOwnerLink> Links { get; } = new(StringComparer.Ordinal);
    public Dictionary<PersonId, List<string>> LinksOf { get; } = [];

    /// <summary>Teams and regions by folded name: "sales east" finds "Sales East".</summary>
    public Dictionary<string, Team> Teams { get; } = new(StringComparer.Ordinal);
    public Dictionary<string, Region> Regions { get; } = new(StringComparer.Ordinal);

    public IReadOnlyList<string> CrmIdsOf(PersonId person) => LinksOf.TryGetValue(person, out var ids) ? ids : [];

    public static async Task<StoredRoster> LoadAsync(SalesMentorDb db, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var people = await db.People.AsNoTracking().ToListAsync(ct);
        var links = await db.CrmOwnerLinks.AsNoTracking().ToListAsync(ct);
        var teams = await db.Teams.AsNoTracking().ToListAsync(ct);
        var regions = await db.Regions.AsNoTracking().ToListAsync(ct);
        return new StoredRoster(people, links, teams, regions);
    }
}
