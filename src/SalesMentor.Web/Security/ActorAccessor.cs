using System.Security.Claims;
using SalesMentor.App.Common;
using SalesMentor.App.Domain;
using SalesMentor.Core.People;

namespace SalesMentor.Web.Security;

/// <summary>Turns the signed-in principal into the <see cref="Actor"/> every use case takes.</summary>
public static class Actors
{
    public const string PersonClaim = "sm:person";

    /// <summary>The actor, or null when nobody (or a principal without a person) is signed in.</summary>
    public static Actor? From(ClaimsPrincipal? principal)
    {
        if (principal?.Identity?.IsAuthenticated != true) return null;
        if (!PersonId.TryParse(principal.FindFirstValue(PersonClaim), out var person)) return null;
        return Actor.User(person, principal.FindFirstValue(ClaimTypes.GivenName) ?? principal.Identity.Name ?? "someone", principal.IsInRole(Roles.Admin))
            with { TokenScope = ApiTokenAuthentication.ScopeOf(principal) };
    }
}
