using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http.HttpResults;

namespace SalesMentor.Web.Api;

public static class ApiRouting
{
    /// <summary>
    /// All of <c>/api</c>: signed-in only, ProblemDetails for errors, and — for requests
    /// authenticated by the browser's cookie — an antiforgery token on every state-changing call,
    /// so another site cannot make a signed-in browser change anything.
    /// </summary>
    public static void MapSalesMentorApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api").RequireAuthorization().AddEndpointFilter(ValidateAntiforgeryAsync);
        api.MapGet("/antiforgery", GetToken).WithName("GetAntiforgeryToken")
            .WithSummary("A token for the X-CSRF-TOKEN header of state-changing calls made with the sign-in cookie.");
        api.MapPeopleEndpoints();
        api.MapTeamsEndpoints();
        api.MapSettingsEndpoints();
        api.MapImportsEndpoints();
        api.MapExchangeRatesEndpoints();
        api.MapAccountsEndpoints();
        api.MapAdminEndpoints();
        api.MapKpisEndpoints();
        api.MapCatalogsEndpoints();
        api.MapProgramsEndpoints();
        api.MapMatchingEndpoints();
        api.MapMentorshipsEndpoints();
        api.MapHealthEndpoints();
        api.MapClosingEndpoints();
        api.MapProgressEndpoints();
        api.MapApiTokensEndpoints();
        api.MapManagerRolesEndpoints();
        api.MapImpactEndpoints();
        api.MapProgramMetricsEndpoints();
    }

    private static ProblemHttpResult ReadOnlyToken() => TypedResults.Problem(
        detail: "This API token can only read. Use a read-write token for calls that change data.",
        statusCode: StatusCodes.Status403Forbidden, title: "Forbidden",
        extensions: new Dictionary<string, object?> { ["code"] = "token.read_only" });

    public sealed record AntiforgeryTokenView(string HeaderName, string Token);

    private static AntiforgeryTokenView GetToken(HttpContext context, IAntiforgery antiforgery)
    {
        var tokens = antiforgery.GetAndStoreTokens(context);
        return new AntiforgeryTokenView(tokens.HeaderName!, tokens.RequestToken!);
    }

    private static async ValueTask<object?> ValidateAntiforgeryAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var changes = !HttpMethods.IsGet(http.Request.Method) && !HttpMethods.IsHead(http.Request.Method) && !HttpMethods.IsOptions(http.Request.Method);
        if (Security.ApiTokenAuthentication.ScopeOf(http.User) is { } scope)
        {
            // A bearer token is not sent by browsers on their own, so it needs no antiforgery token; a read token changes nothing.
            if (changes && scope != App.Domain.ApiTokenScope.ReadWrite) return ReadOnlyToken();
            return await next(context);
        }

        if (changes)
        {
            var antiforgery = http.RequestServices.GetRequiredService<IAntiforgery>();
            if (!await antiforgery.IsRequestValidAsync(http))
            {
                return TypedResults.Problem(
                    detail: "This call changes data and needs the X-CSRF-TOKEN header from GET /api/antiforgery.",
                    statusCode: StatusCodes.Status400BadRequest, title: "Missing or invalid antiforgery token",
                    extensions: new Dictionary<string, object?> { ["code"] = "antiforgery.invalid" });
            }
        }

        return await next(context);
    }
}
