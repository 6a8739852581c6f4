using SalesMentor.Core.People;
using SalesMentor.Core.Text;

namespace SalesMentor.App.Domain;

/// <summary>
/// Someone in the sales organization. Keyed for imports by <see cref="ExternalId"/>, else
/// <see cref="Email"/>, else <see cref="Name"/>. A person with a <see cref="LeftOn"/> date on
/// or before today is inactive; their history stays.
/// </summary>
public sealed class Person : IVersioned
{
    public PersonId Id { get; init; } = PersonId.New();
    public string? ExternalId { get; set; }
    public required string Name { get; set; }

    /// <summary>Case-folded, trimmed <see cref="Name"/> used to match rows keyed by name.</summary>
    public string NameKey { get; set; } = "";

    /// <summary>Name and email folded for search (upper case, accents removed); see <c>TextFold</c>.</summary>
    public string SearchKey { get; set; } = "";
    public string? Email { get; set; }
    public string? Title { get; set; }
    public Guid? TeamId { get; set; }
    public Team? Team { get; set; }
    public Guid? RegionId { get; set; }
    public Region? Region { get; set; }
    public PersonId? ManagerId { get; set; }
    public Person? Manager { get; set; }
    public DateOnly? HireDate { get; set; }
    public DateOnly? LeftOn { get; set; }

    /// <summary>IANA time zone id, e.g. <c>Europe/Berlin</c>.</summary>
    public string? TimeZone { get; set; }
    public List<CrmOwnerLink> CrmOwnerIds { get; } = [];
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    public int Version { get; set; }

    /// <summary>Active on <paramref name="day"/>: not yet left (left-on is the first day away).</summary>
    public bool IsActiveOn(DateOnly day) => LeftOn is null || LeftOn > day;

    /// <summary>Recomputes the derived lookup keys after the name or email changed.</summary>
    public void RefreshKeys()
    {
        NameKey = TextFold.NameKey(Name);
        SearchKey = $"{TextFold.ForSearch(Name)} {TextFold.ForSearch(Email)}".TrimEnd();
    }
}

/// <summary>A CRM user id (Salesforce OwnerId, HubSpot owner, …) that belongs to one person.</summary>
public sealed class CrmOwnerLink
{
    public required string OwnerId { get; init; }
    public PersonId PersonId { get; set; }
}
