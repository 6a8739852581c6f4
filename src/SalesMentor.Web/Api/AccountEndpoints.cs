using Microsoft.AspNetCore.Identity;
using SalesMentor.App.Domain;

namespace SalesMentor.Web.Api;

/// <summary>Sign-out is a POST with the antiforgery token (from the layout's form), so no other site can sign people out.</summary>
public static class AccountEndpoints
{
    public static void MapAccountEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost("/account/logout", async (SignInManager<AppUser> signIn) =>
        {
            await signIn.SignOutAsync();
            return TypedResults.LocalRedirect("~/account/login");
        }).WithName("SignOut").ExcludeFromDescription();
    }
}
