using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using SalesMentor.App.Common;
using SalesMentor.App.Data;
using SalesMentor.App.Domain;
using SalesMentor.App.Security;

namespace SalesMentor.App.Features.Accounts;

public sealed record SetPasswordRequest(Guid UserId, string? Token, string? Password, string? ConfirmPassword);

/// <summary>
/// The person follows the one-time link from their invitation or reset mail and chooses a
/// password. The link works once (the security stamp changes) and only for that account.
/// </summary>
public sealed class SetPassword(SalesMentorDb db, UserManager<AppUser> users, AuditLog audit, SecurityOptions security)
{
    public async Task<Result<Done>> HandleAsync(SetPasswordRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!security.LocalPasswordsEnabled) return Error.Forbidden("password.local_passwords_off", SecurityOptions.LocalPasswordsOff);
        const string badLink = "This link is not valid any more: it was used already, it expired, or it was cut short. Ask for a new one.";
        if (request.Password != request.ConfirmPassword) return Error.Validation("password.mismatch", "The two passwords differ.");
        var token = AccountLinks.DecodeToken(request.Token);
        var user = await users.FindByIdAsync(request.UserId.ToString());
        if (token is null || user is null) return Error.Validation("password.link", badLink);
        if (user.IsDisabled) return Error.Validation("password.disabled", "This account is disabled. Contact your SalesMentor admin.");

        var result = await users.ResetPasswordAsync(user, token, request.Password ?? "");
        if (!result.Succeeded)
        {
            return result.Errors.Any(e => e.Code == "InvalidToken")
                ? Error.Validation("password.link", badLink)
                : Error.Validation("password.weak", AccountTarget.Describe(result));
        }

        user.EmailConfirmed = true;
        user.LockoutEnd = null;
        await users.ResetAccessFailedCountAsync(user);
        await users.UpdateAsync(user);
        var person = await db.People.AsNoTracking().SingleAsync(p => p.Id == user.PersonId, ct);
        audit.Record(Actor.User(person.Id, person.Name, isAdmin: false), "account.set_password", "person", person.Id.ToString());
        await db.SaveChangesAsync(ct);
        return Done.Value;
    }
}

/// <summary>
/// "Forgot password" from the sign-in page. Answers the same whether or not the address has an
/// account, so it cannot be used to find out who has one.
/// </summary>
public sealed class RequestPasswordReset(SalesMentorDb db, UserManager<AppUser> users, AccountLinks links, AuditLog audit, SecurityOptions security)
{
    public const string Answer = "If that address belongs to an account, a link to choose a new password is on its way to it.";

    public async Task<Result<string>> HandleAsync(string? email, string? baseUrl, CancellationToken ct)
    {
        if (!security.LocalPasswordsEnabled) return Error.Forbidden("password.local_passwords_off", SecurityOptions.LocalPasswordsOff);
        var address = email?.Trim() ?? "";
        if (address.Length is 0 or > People.PersonRules.MaxEmail) return Error.Validation("email.required", "Enter the email address of your account.");
        var user = await users.FindByEmailAsync(address);
        if (user is null || user.IsDisabled) return Answer;
        var person = await db.People.AsNoTracking().SingleAsync(p => p.Id == user.PersonId, ct);
        await links.SendAsync(user, person.Name, AccountMail.PasswordReset, baseUrl);
        audit.Record(Actor.User(person.Id, person.Name, isAdmin: false), "account.forgot_password", "person", person.Id.ToString());
        await db.SaveChangesAsync(ct);
        return Answer;
    }
}
