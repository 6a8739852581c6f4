using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using SalesMentor.App.Common;
using SalesMentor.App.Data;
using SalesMentor.App.Domain;
using SalesMentor.App.Features.People;
using SalesMentor.App.Security;

namespace SalesMentor.App.Features.Accounts;

/// <summary>What the company sign-in (OpenID Connect) said about the person signing in.</summary>
/// <param name="Provider">The sign-in scheme, e.g. <c>oidc</c>.</param>
/// <param name="Subject">The provider's stable id of the person (<c>sub</c>).</param>
/// <param name="Email">The email claim, as the provider sent it.</param>
/// <param name="EmailVerified">The provider's <c>email_verified</c>; null when it says nothing.</param>
public sealed record ExternalSignIn(string Provider, string ProviderDisplayName, string Subject, string? Email, bool? EmailVerified);

/// <summary>
/// Finds the account a company sign-in belongs to. Later sign-ins go by the stored link
/// (provider + <c>sub</c>), so a changed email does not matter. The first sign-in links to the
/// person with the same email (case does not matter), making their account if they have none;
/// an unverified email, an unknown email, a disabled account, or an account already linked to
/// another company identity is refused with a message for the sign-in page.
/// </summary>
public sealed class LinkExternalSignIn(SalesMentorDb db, UserManager<AppUser> users, AuditLog audit, TimeProvider clock, Leavers leavers)
{
    private const string Disabled = "This SalesMentor account is disabled. Contact your SalesMentor admin.";

    public async Task<Result<AppUser>> HandleAsync(ExternalSignIn login, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(login);
        if (string.IsNullOrWhiteSpace(login.Subject)) return Error.Validation("external.no_subject", "The company sign-in did not say who you are (no 'sub' claim).");

        var linked = await users.FindByLoginAsync(login.Provider, login.Subject);
        if (linked is not null)
        {
            if (linked.IsDisabled) return Error.Forbidden("external.disabled", Disabled);
            return await leavers.LeftAsync(linked.PersonId, ct) is null ? linked : Error.Forbidden("external.left", Leavers.Message);
        }

        var email = PersonRules.Email(login.Email, out _);
        if (email is null)
        {
            return Error.Validation("external.no_email",
                "The company sign-in did not give an email address, so SalesMentor cannot tell whose account this is. Ask your administrator.");
        }

        if (login.EmailVerified == false)
        {
            return Error.Forbidden("external.unverified",
                $"The company sign-in says the email {email} is not verified, so it cannot be used to sign in to SalesMentor. Verify it with your company account first, or ask your administrator.");
        }

        var person = await db.People.AsNoTracking().SingleOrDefaultAsync(p => p.Email == email, ct);
        if (person is null) return Error.Validation("external.unknown", $"No SalesMentor account uses the email {email}; ask your administrator.");
        if (await leavers.LeftAsync(person.Id, ct) is not null) return Error.Forbidden("external.left", Leavers.Message);

        var user = await db.Users.SingleOrDefaultAsync(u => u.PersonId == person.Id, ct);
        if (user is { IsDisabled: true }) return Error.Forbidden("external.disabled", Disabled);
        if (user is not null && (await users.GetLoginsAsync(user)).Any(l => l.LoginProvider == login.Provider))
        {
            return Error.Conflict("external.linked_elsewhere",
                $"The SalesMentor account of {email} is already linked to another company account. Ask your administrator.");
        }

        if (user is null)
        {
            user = new AppUser { UserName = email, Email = email, EmailConfirmed = true, PersonId = person.Id, CreatedAt = clock.GetUtcNow().UtcDateTime };
            var created = await users.CreateAsync(user);
            if (!created.Succeeded) return Error.Validation("external.invalid", AccountTarget.Describe(created));
        }

        var added = await users.AddLoginAsync(user, new UserLoginInfo(login.Provider, login.Subject, login.ProviderDisplayName));
        if (!added.Succeeded) return Error.Conflict("external.link_failed", AccountTarget.Describe(added));
        audit.Record(Actor.User(person.Id, person.Name, isAdmin: false), "account.link_external", "person", person.Id.ToString(), login.Provider);
        await db.SaveChangesAsync(ct);
        return user;
    }
}
