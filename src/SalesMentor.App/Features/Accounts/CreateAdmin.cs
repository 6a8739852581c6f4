using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using SalesMentor.App.Common;
using SalesMentor.App.Data;
using SalesMentor.App.Domain;
using SalesMentor.App.Features.People;
using SalesMentor.App.Security;

namespace SalesMentor.App.Features.Accounts;

/// <param name="Name">Needed only when no person has this email yet; one is then created.</param>
/// <param name="Password">Required while local passwords are on; refused when they are off (the admin then signs in through the company sign-in).</param>
public sealed record CreateAdminRequest(string? Email, string? Name, string? Password);

/// <summary>
/// The first admin of a real install (<c>salesmentor admin create</c> or the one-time setup page).
/// Links to the person with that email, or creates them. With local passwords switched off the account has no password:
/// its first company sign-in with that email links to it.
/// </summary>
public sealed class CreateAdmin(SalesMentorDb db, UserManager<AppUser> users, AuditLog audit, TimeProvider clock, SecurityOptions security)
{
    public async Task<Result<AccountActionResult>> HandleAsync(Actor actor, CreateAdminRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!Access.CanAdminister(actor)) return Error.Forbidden("accounts.admin_only", "Only an admin can create admins.");
        var email = PersonRules.Email(request.Email, out var emailProblem);
        if (email is null) return Error.Validation("admin.email", emailProblem is null ? "An email address is required." : char.ToUpperInvariant(emailProblem[0]) + emailProblem[1..] + ".");
        if (!security.LocalPasswordsEnabled && !string.IsNullOrEmpty(request.Password))
        {
            return Error.Validation("admin.password", PasswordsOff);
        }

        var validation = security.LocalPasswordsEnabled ? await ValidatePasswordAsync(request.Password) : null;
        if (validation is not null) return validation;

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var person = await db.People.SingleOrDefaultAsync(p => p.Email == email, ct);
        if (person is null)
        {
            var name = PersonRules.Name(request.Name, out var nameProblem);
            if (name is null) return Error.Validation("admin.name", $"No person has the email {email}; give a name to create one ({nameProblem}).");
            person = new Person { Name = name, Email = email, CreatedAt = now, UpdatedAt = now };
            person.RefreshKeys();
            db.People.Add(person);
            await db.SaveChangesAsync(ct);
        }
        else if (await db.Users.AnyAsync(u => u.PersonId == person.Id, ct))
        {
            return Error.Conflict("admin.exists", $"{person.Name} already has an account; an admin can give it the admin role on the Accounts page.");
        }

        var user = new AppUser { UserName = email, Email = email, EmailConfirmed = true, PersonId = person.Id, CreatedAt = now };
        var created = security.LocalPasswordsEnabled ? await users.CreateAsync(user, request.Password!) : await users.CreateAsync(user);
        if (!created.Succeeded) return Error.Validation("admin.invalid", AccountTarget.Describe(created));
        var role = await users.AddToRoleAsync(user, Roles.Admin);
        if (!role.Succeeded) return Error.Validation("admin.role", AccountTarget.Describe(role));
        audit.Record(actor, "account.create_admin", "person", person.Id.ToString());
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        var how = security.LocalPasswordsEnabled ? "can sign in" : "signs in with the company sign-in (the first sign-in with this email links to this account)";
        return new AccountActionResult(person.Id, AccountState.Active, $"{person.Name} ({email}) is an admin and {how}.");
    }

    /// <summary>The refusal of a password while local passwords are off.</summary>
    public const string PasswordsOff = "Passwords are switched off here (Authentication:LocalPasswords:Enabled=false): the admin gets no password and signs in with the company sign-in. Leave the password out.";

    private async Task<Error?> ValidatePasswordAsync(string? password)
    {
        var probe = new AppUser();
        foreach (var validator in users.PasswordValidators)
        {
            var result = await validator.ValidateAsync(users, probe, password ?? "");
            if (!result.Succeeded) return Error.Validation("admin.password", AccountTarget.Describe(result));
        }

        return null;
    }
}
