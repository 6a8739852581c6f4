using System.Text.Json.Serialization;
using SalesMentor.Core.People;

namespace SalesMentor.App.Features.Accounts;

[JsonConverter(typeof(JsonStringEnumConverter<AccountState>))]
public enum AccountState
{
    /// <summary>The person has no account.</summary>
    None,

    /// <summary>Invited; no password set yet.</summary>
    Invited,
    Active,
    Disabled,
    LockedOut,
}

public sealed record AccountRow(PersonId PersonId, string Name, string? Email, AccountState State, bool IsAdmin, DateTime? CreatedAt);

/// <summary>
/// What an admin action on an account did. It deliberately carries no link or token: the link
/// goes to the person's own mailbox (or the server log), never to the admin's screen.
/// </summary>
public sealed record AccountActionResult(PersonId PersonId, AccountState State, string Message);
