using Microsoft.AspNetCore.Identity;
using SalesMentor.App.Common;
using SalesMentor.App.Data;
using SalesMentor.App.Domain;
using SalesMentor.App.Mail;
using SalesMentor.App.Security;
using SalesMentor.Core.People;

namespace SalesMentor.App.Features.Accounts;

/// <summary>
/// An admin invites a person: an account without a password is created and a one-time link to
/// choose one is mailed to the person (or written to the server log without a mail server).
/// Inviting someone already invited sends a fresh link.
/// </summary>
public sealed class InviteAccount(SalesMentorDb db, UserManager<AppUser> users, AccountLinks links, AuditLog audit, TimeProvider clock, MailOptions mail, SecurityOptions security)
{
    public async Task<Result<AccountActionResult>> HandleAsync(Actor actor, PersonId personId, string? baseUrl, CancellationToken ct)
    {
        var (person, user, error) = await AccountTarget.LoadAsync(db, actor, personId, needAccount: false, ct);
        if (error is not null) return error;
        if (!security.LocalPasswordsEnabled)
        {
            return Error.Conflict("account.local_passwords_off",
                $"Passwords are switched off here: {person!.Name} signs in with the company sign-in, and the account is made at the first sign-in.");
        }

        if (string.IsNullOrEmpty(person!.Email)) return Error.Validation("account.no_email", $"{person.Name} has no email address; add one before inviting them.");
        if (user is { PasswordHash: not null }) return Error.Conflict("account.exists", $"{person.Name} already has an account. Use a password reset instead.");

        // No transaction around this: the one-time link is made with Data Protection, whose key
        // store is this database, and on SQLite an open write transaction would lock it out.
        // A retry is safe: inviting someone already invited sends a fresh link.
        if (user is null)
        {
            user = new AppUser { UserName = person.Email, Email = person.Email, PersonId = person.Id, CreatedAt = clock.GetUtcNow().UtcDateTime };
            var created = await users.CreateAsync(user);
            if (!created.Succeeded) return Error.Validation("account.invalid", AccountTarget.Describe(created));
        }

        await links.SendAsync(user, person.Name, AccountMail.Invitation, baseUrl);
        audit.Record(actor, "account.invite", "person", person.Id.ToString());
        await db.SaveChangesAsync(ct);
        return new AccountActionResult(person.Id, AccountState.Invited, Delivery(mail, person.Name, "An invitation"));
    }

    internal static string Delivery(MailOptions mail, string name, string what) => mail.IsConfigured
        ? $"{what} was sent to {name}'s email address."
        : $"{what} for {name} was written to the server log (no mail server is configured); the operator can pass it on.";
}
