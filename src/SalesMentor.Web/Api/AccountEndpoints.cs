using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using SalesMentor.App.Domain;

namespace SalesMentor.Web.Api;

/// <summary>Sign-out is a POST with the antiforgery token (from the layout's form), so no other site can sign people out.</summary>
public static class AccountEndpoints
{
    public static void MapAccountEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost("/account/logout", async Task<Results<RedirectHttpResult, BadRequest>> (HttpContext context, IAntiforgery antiforgery, SignInManager<AppUser> signIn) =>
        {
            // A minimal-API endpoint that binds no form gets no automatic antiforgery check: validate here.
            if (!await antiforgery.IsRequestValidAsync(context)) return TypedResults.BadRequest();
            await signIn.SignOutAsync();
            return TypedResults.LocalRedirect("~/account/login");
        }).WithName("SignOut").ExcludeFromDescription();
    }
}
