using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SalesMentor.App.Data;
using SalesMentor.App.Domain;
using SalesMentor.App.Features.Accounts;
using SalesMentor.App.Security;

namespace SalesMentor.Web.Security;

/// <summary>Adds the person behind the account to the sign-in cookie: their id and display name.</summary>
public sealed class AppClaimsFactory(UserManager<AppUser> users, RoleManager<IdentityRole<Guid>> roles, IOptions<IdentityOptions> options, SalesMentorDb db)
    : UserClaimsPrincipalFactory<AppUser, IdentityRole<Guid>>(users, roles, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(AppUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        var identity = await base.GenerateClaimsAsync(user);
        var name = await db.People.Where(p => p.Id == user.PersonId).Select(p => p.Name).SingleAsync();
        identity.AddClaim(new Claim(Actors.PersonClaim, user.PersonId.ToString()));
        identity.AddClaim(new Claim(ClaimTypes.GivenName, name));
        return identity;
    }
}

/// <summary>
/// A disabled account, or one whose person has left the organization (<see cref="Leavers"/>), cannot sign in, whatever
/// its password, and its cookies stop at the next security-stamp check.
/// </summary>
public sealed class AppSignInManager(
    UserManager<AppUser> users, IHttpContextAccessor context, IUserClaimsPrincipalFactory<AppUser> claims,
    IOptions<IdentityOptions> options, ILogger<SignInManager<AppUser>> logger,
    Microsoft.AspNetCore.Authentication.IAuthenticationSchemeProvider schemes, IUserConfirmation<AppUser> confirmation, SecurityOptions security,
    Leavers leavers)
    : SignInManager<AppUser>(users, context, claims, options, logger, schemes, confirmation)
{
    /// <summary>With local passwords switched off no password signs anyone in, whichever form or endpoint it came through.</summary>
    public override Task<SignInResult> CheckPasswordSignInAsync(AppUser user, string password, bool lockoutOnFailure) =>
        security.LocalPasswordsEnabled ? base.CheckPasswordSignInAsync(user, password, lockoutOnFailure) : Task.FromResult(SignInResult.NotAllowed);

    public override async Task<bool> CanSignInAsync(AppUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return !user.IsDisabled && await leavers.LeftAsync(user.PersonId, default) is null && await base.CanSignInAsync(user);
    }

    public override async Task<AppUser?> ValidateSecurityStampAsync(ClaimsPrincipal? principal)
    {
        var user = await base.ValidateSecurityStampAsync(principal);
        return user is { IsDisabled: false } && await leavers.LeftAsync(user.PersonId, default) is null ? user : null;
    }
}
