using Microsoft.AspNetCore.Identity;
using SalesMentor.App.Common;
using SalesMentor.App.Data;
using SalesMentor.App.Domain;
using SalesMentor.App.Security;
using SalesMentor.Core.People;

namespace SalesMentor.App.Features.Accounts;

/// <summary>
/// An admin disables or re-enables an account. Disabling changes the security stamp, so every
/// signed-in session of that account ends at its next stamp check (within a minute).
/// </summary>
public sealed class SetAccountDisabled(SalesMentorDb db, UserManager<AppUser> users, AccountLinks links, AuditLog audit, TimeProvider clock)
{
    public async Task<Result<AccountActionResult>> HandleAsync(Actor actor, PersonId personId, bool disabled, CancellationToken ct)
    {
        var (person, user, error) = await AccountTarget.LoadAsync(db, actor, personId, needAccount: true, ct);
        if (error is not null) return error;
        if (disabled && actor.PersonId == personId) return Error.Validation("account.self", "You cannot disable your own account.");
        if (user!.IsDisabled == disabled)
        {
            return new AccountActionResult(person!.Id, ListAccounts.StateOf(user, clock.GetUtcNow()), disabled ? "The account was already disabled." : "The account was already enabled.");
        }

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        user.IsDisabled = disabled;
        if (!disabled) user.LockoutEnd = null;
        await users.UpdateSecurityStampAsync(user);
        links.Notify(user, person!.Name, disabled ? "Your SalesMentor account was disabled" : "Your SalesMentor account was enabled again", actor.Name);
        audit.Record(actor, disabled ? "account.disable" : "account.enable", "person", person.Id.ToString());
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return new AccountActionResult(person.Id, ListAccounts.StateOf(user, clock.GetUtcNow()),
            disabled ? $"{person.Name}'s account is disabled; their sessions end within a minute." : $"{person.Name}'s account is enabled.");
    }
}

/// <summary>An admin grants or removes the admin role; the person is told by mail.</summary>
public sealed class SetAccountAdmin(SalesMentorDb db, UserManager<AppUser> users, AccountLinks links, AuditLog audit, TimeProvider clock)
{
    public async Task<Result<AccountActionResult>> HandleAsync(Actor actor, PersonId personId, bool admin, CancellationToken ct)
    {
        var (person, user, error) = await AccountTarget.LoadAsync(db, actor, personId, needAccount: true, ct);
        if (error is not null) return error;
        if (!admin && actor.PersonId == personId) return Error.Validation("account.self", "You cannot remove your own admin role; ask another admin.");
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var result = admin ? await users.AddToRoleAsync(user!, Roles.Admin) : await users.RemoveFromRoleAsync(user!, Roles.Admin);
        if (!result.Succeeded && result.Errors.All(e => e.Code is not ("UserAlreadyInRole" or "UserNotInRole")))
        {
            return Error.Validation("account.role", AccountTarget.Describe(result));
        }

        await users.UpdateSecurityStampAsync(user!);
        links.Notify(user!, person!.Name, admin ? "You were made a SalesMentor admin" : "Your SalesMentor admin role was removed", actor.Name);
        audit.Record(actor, admin ? "account.grant_admin" : "account.revoke_admin", "person", person.Id.ToString());
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return new AccountActionResult(person.Id, ListAccounts.StateOf(user!, clock.GetUtcNow()), admin ? $"{person.Name} is now an admin." : $"{person.Name} is no longer an admin.");
    }
}
