using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using SalesMentor.App.Domain;
using SalesMentor.App.Security;

namespace SalesMentor.Web.Security;

/// <summary>
/// Personal access tokens on the JSON API: <c>Authorization: Bearer smt_…</c>. Beside the sign-in
/// cookie, not instead of it: a policy scheme sends <c>/api</c> calls that carry a bearer token to
/// this handler and everything else to the cookie. Pages never accept a token.
/// </summary>
public static class ApiTokenAuthentication
{
    public const string Scheme = "ApiToken";
    public const string PolicyScheme = "CookieOrToken";
    public const string ScopeClaim = "sm:token-scope";
    public const string TokenClaim = "sm:token";

    public static AuthenticationBuilder AddSalesMentorSchemes(this AuthenticationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder
            .AddPolicyScheme(PolicyScheme, "Sign-in cookie, or a bearer token on the API", o => o.ForwardDefaultSelector = SelectScheme)
            .AddScheme<AuthenticationSchemeOptions, ApiTokenHandler>(Scheme, "Personal access token", null);
    }

    /// <summary>The scheme of a request: a bearer token on <c>/api</c>, else the cookie.</summary>
    public static string SelectScheme(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.Request.Path.StartsWithSegments("/api") && BearerOf(context.Request) is not null ? Scheme : IdentityConstants.ApplicationScheme;
    }

    /// <summary>The scope of the token the caller used, or null when they came with the sign-in cookie.</summary>
    public static ApiTokenScope? ScopeOf(ClaimsPrincipal? user) =>
        user?.Identity is { IsAuthenticated: true, AuthenticationType: Scheme } && Enum.TryParse<ApiTokenScope>(user.FindFirstValue(ScopeClaim), out var scope)
            ? scope : null;

    internal static string? BearerOf(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString().Trim();
        if (header.Equals("Bearer", StringComparison.OrdinalIgnoreCase)) return "";
        return header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? header["Bearer ".Length..].Trim() : null;
    }
}

/// <summary>Checks the token against the database on every call (see <see cref="ApiTokenValidator"/>).</summary>
public sealed class ApiTokenHandler(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, ApiTokenValidator validator)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    private ApiTokenRefusal? _refusal;

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var secret = ApiTokenAuthentication.BearerOf(Request);
        if (secret is null) return AuthenticateResult.NoResult();
        var (identity, refusal) = await validator.ValidateAsync(secret, Context.RequestAborted);
        if (identity is null)
        {
            _refusal = refusal;
            return AuthenticateResult.Fail($"API token refused: {refusal}");
        }

        List<Claim> claims =
        [
            new(ClaimTypes.NameIdentifier, identity.UserId.ToString()),
            new(Actors.PersonClaim, identity.PersonId.ToString()),
            new(ClaimTypes.GivenName, identity.PersonName),
            new(ApiTokenAuthentication.ScopeClaim, identity.Scope.ToString()),
            new(ApiTokenAuthentication.TokenClaim, identity.TokenId.ToString()),
        ];
        if (identity.IsAdmin) claims.Add(new Claim(ClaimTypes.Role, Roles.Admin));
        var principal = new ClaimsPrincipal(new ClaimsIdentity(claims, ApiTokenAuthentication.Scheme, ClaimTypes.NameIdentifier, ClaimTypes.Role));
        return AuthenticateResult.Success(new AuthenticationTicket(principal, ApiTokenAuthentication.Scheme));
    }

    /// <summary>401 as ProblemDetails that says why: unknown, expired or revoked token, or a disabled account.</summary>
    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = "Bearer error=\"invalid_token\"";
        var (code, detail) = _refusal switch
        {
            ApiTokenRefusal.Expired => ("token.expired", "This API token has expired. Create a new one on the API tokens page."),
            ApiTokenRefusal.Revoked => ("token.revoked", "This API token was revoked."),
            ApiTokenRefusal.AccountDisabled => ("token.account_disabled", "The account this API token belongs to is disabled."),
            ApiTokenRefusal.PersonLeft => ("token.person_left", "The person this API token belongs to has left the organization."),
            _ => ("token.invalid", "This is not a valid API token. Send it as 'Authorization: Bearer smt_…'."),
        };
        await TypedResults.Problem(detail: detail, statusCode: StatusCodes.Status401Unauthorized, title: "Unauthorized",
            extensions: new Dictionary<string, object?> { ["code"] = code }).ExecuteAsync(Context);
    }
}
