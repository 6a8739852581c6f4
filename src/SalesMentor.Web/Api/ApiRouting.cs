using Microsoft.AspNetCore.Antiforgery;

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
    }

    public sealed record AntiforgeryTokenView(string HeaderName, string Token);

    private static AntiforgeryTokenView GetToken(HttpContext context, IAntiforgery antiforgery)
    {
        var tokens = antiforgery.GetAndStoreTokens(context);
        return new AntiforgeryTokenView(tokens.HeaderName!, tokens.RequestToken!);
    }

    private static async ValueTask<object?> ValidateAntiforgeryAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        if (!HttpMethods.IsGet(http.Request.Method) && !HttpMethods.IsHead(http.Request.Method) && !HttpMethods.IsOptions(http.Request.Method))
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
