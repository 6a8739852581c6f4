using SalesMentor.App.Domain;
using SalesMentor.Core.People;

namespace SalesMentor.App.Import;

/// <summary>How a manager cell is matched: the single <c>manager</c> column tries each in turn.</summary>
internal enum ManagerMatch { Any, ExternalId, Email, Name }

internal sealed record ManagerRef(ManagerMatch Match, string Value);

/// <summary>A problem with one line of the file (or the whole file when <see cref="Column"/> is null).</summary>
public sealed record ImportProblem(int Line, string? Column, string Reason);

/// <summary>
/// One data row of a roster file, its values cleaned and checked on their own, and — once planned
/// — the person it becomes. A value that broke its rule is null here and the row is <see cref="Bad"/>.
/// </summary>
internal sealed class RosterRow
{
    public int Line { get; init; }
    public string? ExternalId { get; init; }
    public string? Name { get; init; }
    public string NameKey { get; init; } = "";
    public string? Email { get; init; }
    public string? Title { get; init; }
    public string? Team { get; init; }
    public string? Region { get; init; }

    /// <summary>The manager the row names; null for "no manager" (or when the file has no manager column).</summary>
    public ManagerRef? Manager { get; init; }
    public DateOnly? HireDate { get; init; }
    public DateOnly? LeftOn { get; init; }
    public string? TimeZone { get; init; }

    /// <summary>The CRM owner ids, distinct, in the file's order; empty when the cell is empty.</summary>
    public IReadOnlyList<string> CrmOwnerIds { get; init; } = [];

    /// <summary>False when a value that identifies the person (external id, email, name) broke its rule.</summary>
    public bool HasKey { get; init; }

    /// <summary>The row has at least one problem and is not imported.</summary>
    public bool Bad { get; set; }

    /// <summary>The stored person the row updates; null for a new person.</summary>
    public Person? Target { get; set; }

    /// <summary>The person's id after the import: the stored one, or a new one.</summary>
    public PersonId Id { get; set; }

    /// <summary>The resolved manager, when the file names one and it was found.</summary>
    public PersonId? ManagerId { get; set; }

    /// <summary>The team and region the row names, found or to be created.</summary>
    public Guid? TeamId { get; set; }
    public Guid? RegionId { get; set; }

    /// <summary>What a row for this key is called in messages.</summary>
    public string Label => $"{Name ?? "(no name)"} (line {Line})";
}
