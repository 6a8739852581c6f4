using SalesMentor.App.Common;
using SalesMentor.App.Data;
using SalesMentor.App.Mail;
using SalesMentor.App.Security;
using SalesMentor.Core.People;

namespace SalesMentor.App.Features.Accounts;

/// <summary>
/// An admin triggers a password reset: the link goes to the person's own mailbox, so the admin
/// can never take over the account. The current password keeps working until the link is used.
/// </summary>
public sealed class ResetAccountPassword(SalesMentorDb db, AccountLinks links, AuditLog audit, MailOptions mail, TimeProvider clock, SecurityOptions security)
{
    public async Task<Result<AccountActionResult>> HandleAsync(Actor actor, PersonId personId, string? baseUrl, CancellationToken ct)
    {
        var (person, user, error) = await AccountTarget.LoadAsync(db, actor, personId, needAccount: true, ct);
        if (error is not null) return error;
        if (!security.LocalPasswordsEnabled) return Error.Conflict("account.local_passwords_off", SecurityOptions.LocalPasswordsOff);
        if (user!.IsDisabled) return Error.Validation("account.disabled", $"{person!.Name}'s account is disabled; enable it first.");
        await links.SendAsync(user, person!.Name, AccountMail.PasswordReset, baseUrl);
        audit.Record(actor, "account.reset_password", "person", person.Id.ToString());
        await db.SaveChangesAsync(ct);
        return new AccountActionResult(person.Id, ListAccounts.StateOf(user, clock.GetUtcNow()), InviteAccount.Delivery(mail, person.Name, "A password reset link"));
    }
}
