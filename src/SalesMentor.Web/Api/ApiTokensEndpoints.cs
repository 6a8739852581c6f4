using Microsoft.AspNetCore.Http.HttpResults;
using SalesMentor.App.Features.ApiTokens;

namespace SalesMentor.Web.Api;

/// <summary>The caller's own personal access tokens. Creating one needs the sign-in cookie, not a token.</summary>
public static class ApiTokensEndpoints
{
    public static void MapApiTokensEndpoints(this RouteGroupBuilder api)
    {
        var tokens = api.MapGroup("/tokens").WithTags("API tokens");
        tokens.MapGet("/", List).WithName("ListApiTokens").WithSummary("Your API tokens, newest first; never their secrets.");
        tokens.MapPost("/", Create).WithName("CreateApiToken")
            .WithSummary("Creates a token (scope Read or ReadWrite, 1–366 days). The secret is in this answer only. Needs a signed-in session.");
        tokens.MapDelete("/{id:guid}", Revoke).WithName("RevokeApiToken").WithSummary("Revokes one of your tokens; it stops working at once.");
    }

    private static async Task<Results<Ok<IReadOnlyList<ApiTokenRow>>, ProblemHttpResult>> List(HttpContext http, ListApiTokens useCase, CancellationToken ct) =>
        (await useCase.HandleAsync(http.Actor(), ct)).ToHttp();

    private static async Task<Results<Ok<CreatedApiToken>, ProblemHttpResult>> Create(
        HttpContext http, CreateApiToken useCase, CreateApiTokenRequest request, CancellationToken ct) =>
        (await useCase.HandleAsync(http.Actor(), request, ct)).ToHttp();

    private static async Task<Results<Ok<ApiTokenRow>, ProblemHttpResult>> Revoke(HttpContext http, RevokeApiToken useCase, Guid id, CancellationToken ct) =>
        (await useCase.HandleAsync(http.Actor(), id, ct)).ToHttp();
}
