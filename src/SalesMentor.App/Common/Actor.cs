using SalesMentor.Core.People;

namespace SalesMentor.App.Common;

public enum ActorKind { User, CommandLine, System }

/// <summary>
/// Who is asking. Every use case takes one; access is decided from it and the record, never
/// from the host. The command line acts as itself (an operator who holds the database anyway)
/// or, with <c>--as EMAIL</c>, as that person.
/// </summary>
public sealed record Actor(ActorKind Kind, PersonId? PersonId, string Name, bool IsAdmin)
{
    /// <summary>Set when the request came with a personal access token rather than a signed-in session.</summary>
    public Domain.ApiTokenScope? TokenScope { get; init; }

    public static Actor CommandLine { get; } = new(ActorKind.CommandLine, null, "command line", IsAdmin: true);

    public static Actor System { get; } = new(ActorKind.System, null, "system", IsAdmin: true);

    public static Actor User(PersonId personId, string name, bool isAdmin) => new(ActorKind.User, personId, name, isAdmin);

    /// <summary>The label written to the audit log.</summary>
    public string KindLabel => Kind switch
    {
        ActorKind.User => "user",
        ActorKind.CommandLine => "command line",
        _ => "system",
    };
}
