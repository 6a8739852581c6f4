using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using SalesMentor.App.Common;
using SalesMentor.App.Data;
using SalesMentor.App.Domain;
using SalesMentor.App.Security;
using SalesMentor.Core.Text;

namespace SalesMentor.App.Features.Accounts;

public sealed record ListAccountsRequest(string? Search = null, PageRequest Paging = default);

/// <summary>Admins see who has an account and in what state; never a password or a link.</summary>
public sealed class ListAccounts(SalesMentorDb db, TimeProvider clock)
{
    public async Task<Result<Paged<AccountRow>>> HandleAsync(Actor actor, ListAccountsRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!Access.CanAdminister(actor)) return Error.Forbidden("accounts.admin_only", "Only an admin can manage accounts.");
        var query = db.People.AsNoTracking();
        var folded = TextFold.ForSearch(request.Search);
        if (folded.Length > 0) query = query.Where(p => p.SearchKey.Contains(folded));
        var total = await query.CountAsync(ct);
        var adminRoleId = await db.Roles.Where(r => r.Name == Roles.Admin).Select(r => r.Id).FirstOrDefaultAsync(ct);
        var rows = await query.OrderBy(p => p.SearchKey).ThenBy(p => p.Id)
            .Skip(request.Paging.Skip).Take(request.Paging.SafeSize)
            .Select(p => new
            {
                p.Id, p.Name, p.Email,
                User = db.Users.Where(u => u.PersonId == p.Id)
                    .Select(u => new { u.Id, u.IsDisabled, u.PasswordHash, u.LockoutEnd, u.CreatedAt }).FirstOrDefault(),
            })
            .ToListAsync(ct);
        var userIds = rows.Where(r => r.User != null).Select(r => r.User!.Id).ToList();
        var admins = await db.UserRoles.Where(ur => ur.RoleId == adminRoleId && userIds.Contains(ur.UserId)).Select(ur => ur.UserId).ToListAsync(ct);
        var now = clock.GetUtcNow();
        return new Paged<AccountRow>(
            rows.Select(r => new AccountRow(r.Id, r.Name, r.Email,
                r.User is null ? AccountState.None : StateOf(r.User.IsDisabled, r.User.PasswordHash, r.User.LockoutEnd, now),
                r.User is not null && admins.Contains(r.User.Id), r.User?.CreatedAt)).ToList(),
            total, request.Paging.SafePage, request.Paging.SafeSize);
    }

    internal static AccountState StateOf(bool disabled, string? passwordHash, DateTimeOffset? lockoutEnd, DateTimeOffset now) =>
        disabled ? AccountState.Disabled
        : lockoutEnd > now ? AccountState.LockedOut
        : passwordHash is null ? AccountState.Invited
        : AccountState.Active;

    internal static AccountState StateOf(AppUser user, DateTimeOffset now) => StateOf(user.IsDisabled, user.PasswordHash, user.LockoutEnd, now);
}

/// <summary>Loads the person and account an admin action is about, with the checks every such action shares.</summary>
internal static class AccountTarget
{
    public static async Task<(Person? Person, AppUser? User, Error? Error)> LoadAsync(
        SalesMentorDb db, Actor actor, Core.People.PersonId personId, bool needAccount, CancellationToken ct)
    {
        if (!Access.CanAdminister(actor)) return (null, null, Error.Forbidden("accounts.admin_only", "Only an admin can manage accounts."));
        var person = await db.People.SingleOrDefaultAsync(p => p.Id == personId, ct);
        if (person is null) return (null, null, Error.NotFound("person"));
        var user = await db.Users.SingleOrDefaultAsync(u => u.PersonId == personId, ct);
        if (needAccount && user is null) return (person, null, Error.Validation("account.none", $"{person.Name} has no account yet; invite them first."));
        return (person, user, null);
    }

    public static string Describe(IdentityResult result) => string.Join(" ", result.Errors.Select(e => e.Description));
}
