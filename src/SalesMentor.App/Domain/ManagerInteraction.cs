using SalesMentor.Core.Impact;
using SalesMentor.Core.People;

namespace SalesMentor.App.Domain;

/// <summary>
/// One interaction of a manager with a rep, logged under the role the manager played (supervisor, coach,
/// trainer, mentor). The rep sees role, date and topic; the manager and their chain and admins see the entry;
/// <see cref="PrivateNote"/> is readable by its author only (DESIGN.md access table).
/// </summary>
public sealed class ManagerInteraction : IVersioned
{
    public Guid Id { get; init; } = Guid.NewGuid();

    /// <summary>The manager who played the role (the subject of role balance).</summary>
    public PersonId ManagerId { get; set; }
    public PersonId RepId { get; set; }

    /// <summary>Who wrote the entry (the manager, or an admin logging for them); the only reader of the note.</summary>
    public PersonId? AuthorId { get; set; }
    public DateOnly Date { get; set; }
    public ManagerRole Role { get; set; }
    public int Minutes { get; set; }
    public string Topic { get; set; } = "";

    /// <summary>Readable by <see cref="AuthorId"/> only; never an input to any number.</summary>
    public string? PrivateNote { get; set; }
    public DateTime CreatedAt { get; set; }
    public int Version { get; set; }
}
