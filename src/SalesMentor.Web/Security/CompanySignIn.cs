using System.Net;
using System.Security.Claims;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using SalesMentor.App.Features.Accounts;

namespace SalesMentor.Web.Security;

/// <summary>
/// The optional company sign-in through any OpenID Connect provider (<c>Authentication:Oidc:*</c>).
/// Read from the configuration when first used, so a host (or a test host) may add the settings late.
/// </summary>
public sealed class CompanySignInSettings
{
    public const string Scheme = "oidc";

    public string? Authority { get; init; }
    public string? ClientId { get; init; }
    public string? ClientSecret { get; init; }

    /// <summary>The claim that carries the person's email (default <c>email</c>).</summary>
    public string EmailClaim { get; init; } = "email";

    /// <summary>The text of the button on the sign-in page.</summary>
    public string DisplayName { get; init; } = "Company sign-in";

    /// <summary>Off only for a provider on this machine (tests, development): the discovery document is then fetched over plain HTTP.</summary>
    public bool RequireHttpsMetadata { get; init; } = true;

    public bool IsConfigured => !string.IsNullOrWhiteSpace(Authority);

    public static CompanySignInSettings From(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var section = configuration.GetSection("Authentication:Oidc");
        var settings = new CompanySignInSettings
        {
            Authority = section["Authority"],
            ClientId = section["ClientId"],
            ClientSecret = section["ClientSecret"],
            EmailClaim = string.IsNullOrWhiteSpace(section["EmailClaim"]) ? "email" : section["EmailClaim"]!,
            DisplayName = string.IsNullOrWhiteSpace(section["DisplayName"]) ? "Company sign-in" : section["DisplayName"]!,
            RequireHttpsMetadata = section.GetValue("RequireHttpsMetadata", true),
        };
        settings.Check();
        return settings;
    }

    private void Check()
    {
        if (!IsConfigured) return;
        if (!Uri.TryCreate(Authority, UriKind.Absolute, out var authority))
        {
            throw new InvalidOperationException($"Authentication:Oidc:Authority holds '{Authority}', which is not an absolute URL like https://login.example.com/realms/sales.");
        }

        if (string.IsNullOrWhiteSpace(ClientId)) throw new InvalidOperationException("Authentication:Oidc:Authority is set but Authentication:Oidc:ClientId is not.");
        if (!RequireHttpsMetadata && !IsLoopback(authority))
        {
            throw new InvalidOperationException(
                $"Authentication:Oidc:RequireHttpsMetadata=false is allowed only for a provider on this machine (localhost, 127.0.0.1, ::1), not {authority.Host}.");
        }
    }

    private static bool IsLoopback(Uri uri) => uri.IsLoopback || (IPAddress.TryParse(uri.Host.Trim('[', ']'), out var address) && IPAddress.IsLoopback(address));
}

/// <summary>Registers the OpenID Connect handler (only when configured) and the endpoint that starts a company sign-in.</summary>
public static class CompanySignIn
{
    /// <summary>Where the provider sends the browser back to; register it at the provider as https://your.host/signin-oidc.</summary>
    public const string CallbackPath = "/signin-oidc";

    public static void AddCompanySignIn(this IServiceCollection services)
    {
        services.AddSingleton(sp => CompanySignInSettings.From(sp.GetRequiredService<IConfiguration>()));

        // The scheme exists only when configured; the options are read when first used (see CompanySignInSettings).
        services.AddOptions<AuthenticationOptions>().Configure<CompanySignInSettings>((o, settings) =>
        {
            if (settings.IsConfigured) o.AddScheme<OpenIdConnectHandler>(CompanySignInSettings.Scheme, settings.DisplayName);
        });
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IPostConfigureOptions<OpenIdConnectOptions>, OpenIdConnectPostConfigureOptions>());
        services.AddOptions<OpenIdConnectOptions>(CompanySignInSettings.Scheme)
            .Configure<CompanySignInSettings>(Configure)
            .Validate(o =>
            {
                o.Validate(CompanySignInSettings.Scheme);
                return true;
            });
    }

    private static void Configure(OpenIdConnectOptions o, CompanySignInSettings settings)
    {
        if (!settings.IsConfigured) return;
        o.SignInScheme = IdentityConstants.ExternalScheme;
        o.Authority = settings.Authority;
        o.ClientId = settings.ClientId;
        o.ClientSecret = settings.ClientSecret;
        o.RequireHttpsMetadata = settings.RequireHttpsMetadata;
        o.CallbackPath = CallbackPath;

        // Authorization code flow with PKCE; the code comes back in the query string of a top-level
        // GET, so the correlation and nonce cookies can be SameSite=Lax (a form_post from the
        // provider's site would need SameSite=None, which browsers refuse without HTTPS).
        o.ResponseType = OpenIdConnectResponseType.Code;
        o.ResponseMode = OpenIdConnectResponseMode.Query;
        o.UsePkce = true;
        o.Scope.Clear();
        o.Scope.Add("openid");
        o.Scope.Add("profile");
        o.Scope.Add("email");
        o.SaveTokens = false;
        o.MapInboundClaims = false;
        o.GetClaimsFromUserInfoEndpoint = true;
        o.ClaimActions.MapUniqueJsonKey("email_verified", "email_verified");
        o.ClaimActions.MapUniqueJsonKey(settings.EmailClaim, settings.EmailClaim);
        o.TokenValidationParameters.NameClaimType = "name";
        foreach (var cookie in new[] { o.CorrelationCookie, o.NonceCookie })
        {
            cookie.SameSite = SameSiteMode.Lax;
            cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            cookie.HttpOnly = true;
        }

        // The person cancelled at the provider, or the answer did not check out: back to the sign-in page with a message, not an error page.
        o.Events.OnRemoteFailure = context =>
        {
            context.Response.Redirect(context.Request.PathBase + "/account/login?company=failed");
            context.HandleResponse();
            return Task.CompletedTask;
        };
    }

    /// <summary>The button on the sign-in page posts here (with the antiforgery token); the answer is the redirect to the provider.</summary>
    public static void MapCompanySignIn(this IEndpointRouteBuilder app)
    {
        app.MapPost("/account/external-login", async Task<IResult> (HttpContext context, IAntiforgery antiforgery, CompanySignInSettings settings) =>
        {
            if (!settings.IsConfigured) return TypedResults.NotFound();
            if (!await antiforgery.IsRequestValidAsync(context)) return TypedResults.BadRequest();
            var form = await context.Request.ReadFormAsync(context.RequestAborted);
            var returnUrl = SafeReturnUrl(form["ReturnUrl"]);
            var properties = new AuthenticationProperties
            {
                RedirectUri = "/account/login?company=done&ReturnUrl=" + Uri.EscapeDataString(returnUrl),
            };
            return TypedResults.Challenge(properties, [CompanySignInSettings.Scheme]);
        }).WithName("CompanySignIn").ExcludeFromDescription();
    }

    /// <summary>Only paths on this site: never send a signed-in person to another host.</summary>
    public static string SafeReturnUrl(string? url) =>
        !string.IsNullOrEmpty(url) && url.StartsWith('/') && !url.StartsWith("//", StringComparison.Ordinal) && !url.StartsWith("/\\", StringComparison.Ordinal)
            ? url : "/";

    /// <summary>What the provider said, read from the external sign-in cookie the handler wrote.</summary>
    public static ExternalSignIn? Read(ClaimsPrincipal? principal, CompanySignInSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (principal?.Identity is not { IsAuthenticated: true }) return null;
        var subject = principal.FindFirst("sub")?.Value ?? "";
        var email = principal.FindFirst(settings.EmailClaim)?.Value;
        var verifiedText = principal.FindFirst("email_verified")?.Value;
        bool? verified = bool.TryParse(verifiedText, out var parsed) ? parsed : null;
        return new ExternalSignIn(CompanySignInSettings.Scheme, settings.DisplayName, subject, email, verified);
    }
}
