using System.Security.Claims;
using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using static OpenIddict.Abstractions.OpenIddictConstants;
using static OpenIddict.Server.OpenIddictServerEvents;

namespace SalesMentor.Web.Tests.Infrastructure;

/// <summary>The person the test provider signs in: its <c>sub</c>, email and whether it calls the email verified.</summary>
public sealed record TestOidcUser(string Subject, string Email, bool EmailVerified = true, string Name = "Company Person");

/// <summary>
/// A real OpenID Connect provider on a loopback port, built on the OpenIddict server: discovery,
/// keys (ephemeral), an authorization endpoint that approves at once as <see cref="User"/>, the
/// token endpoint (authorization code with PKCE, client secret checked) and userinfo. One client
/// is known: <see cref="ClientId"/> with <see cref="ClientSecret"/>, redirected only to
/// <see cref="AllowRedirectsTo"/>.
/// </summary>
public sealed class TestOidcProvider : IAsyncDisposable
{
    public const string ClientId = "salesmentor-tests";
    public const string ClientSecret = "a-test-client-secret-of-some-length";

    private readonly WebApplication _app;
    private string? _redirectUri;

    private TestOidcProvider(WebApplication app, Uri authority)
    {
        _app = app;
        Authority = authority;
    }

    /// <summary>The issuer and discovery base, e.g. http://127.0.0.1:40123/.</summary>
    public Uri Authority { get; }

    /// <summary>Who the next sign-in at this provider is; change it between sign-ins.</summary>
    public TestOidcUser User { get; set; } = new("subject-1", "nobody@example.test");

    /// <summary>How many codes the token endpoint redeemed (so a test sees the real round trip happened).</summary>
    public int CodesRedeemed { get; private set; }

    public static async Task<TestOidcProvider> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        TestOidcProvider? provider = null;
        builder.Services.AddOpenIddict().AddServer(o =>
        {
            o.SetAuthorizationEndpointUris("connect/authorize")
                .SetTokenEndpointUris("connect/token")
                .SetUserInfoEndpointUris("connect/userinfo");
            o.AllowAuthorizationCodeFlow().RequireProofKeyForCodeExchange();
            o.RegisterScopes(Scopes.Email, Scopes.Profile);
            o.AddEphemeralEncryptionKey().AddEphemeralSigningKey();

            // No database of clients and tokens: the one client is checked here instead.
            o.EnableDegradedMode();
            o.AddEventHandler<ValidateAuthorizationRequestContext>(handler => handler.UseInlineHandler(context =>
            {
                if (context.ClientId != ClientId) context.Reject(Errors.InvalidClient, "Unknown client_id.");
                else if (provider!._redirectUri is null || context.RedirectUri != provider._redirectUri) context.Reject(Errors.InvalidRequest, "This redirect_uri is not registered.");
                return default;
            }));
            o.AddEventHandler<ValidateTokenRequestContext>(handler => handler.UseInlineHandler(context =>
            {
                if (context.ClientId != ClientId || context.ClientSecret != ClientSecret) context.Reject(Errors.InvalidClient, "Wrong client credentials.");
                return default;
            }));

            o.UseAspNetCore()
                .EnableAuthorizationEndpointPassthrough()
                .EnableTokenEndpointPassthrough()
                .EnableUserInfoEndpointPassthrough()
                .DisableTransportSecurityRequirement();
        });

        var app = builder.Build();
        app.UseAuthentication();
        app.MapMethods("/connect/authorize", ["GET", "POST"], (HttpContext context) =>
        {
            var request = context.GetOpenIddictServerRequest() ?? throw new InvalidOperationException("Not an OpenID Connect request.");
            var user = provider!.User;
            var identity = new ClaimsIdentity(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme, Claims.Name, Claims.Role);
            identity.AddClaim(new Claim(Claims.Subject, user.Subject));
            identity.AddClaim(new Claim(Claims.Name, user.Name));
            identity.AddClaim(new Claim(Claims.Email, user.Email));
            identity.AddClaim(new Claim(Claims.EmailVerified, user.EmailVerified ? "true" : "false", ClaimValueTypes.Boolean));
            identity.SetScopes(request.GetScopes());
            identity.SetDestinations(_ => [Destinations.AccessToken, Destinations.IdentityToken]);
            return Results.SignIn(new ClaimsPrincipal(identity), authenticationScheme: OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
        });
        app.MapPost("/connect/token", async (HttpContext context) =>
        {
            var request = context.GetOpenIddictServerRequest() ?? throw new InvalidOperationException("Not an OpenID Connect request.");
            if (!request.IsAuthorizationCodeGrantType()) return Results.BadRequest();
            var code = await context.AuthenticateAsync(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
            if (!code.Succeeded) return Results.Forbid(authenticationSchemes: [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);
            provider!.CodesRedeemed++;
            return Results.SignIn(code.Principal, authenticationScheme: OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
        });
        app.MapMethods("/connect/userinfo", ["GET", "POST"], async (HttpContext context) =>
        {
            var token = await context.AuthenticateAsync(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
            if (!token.Succeeded) return Results.Challenge(authenticationSchemes: [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);
            var principal = token.Principal;
            return Results.Json(new Dictionary<string, object?>
            {
                [Claims.Subject] = principal.GetClaim(Claims.Subject),
                [Claims.Name] = principal.GetClaim(Claims.Name),
                [Claims.Email] = principal.GetClaim(Claims.Email),
                [Claims.EmailVerified] = bool.Parse(principal.GetClaim(Claims.EmailVerified) ?? "false"),
            });
        });

        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        provider = new TestOidcProvider(app, new Uri(address.TrimEnd('/') + "/"));
        return provider;
    }

    /// <summary>Registers the app's callback (<c>/signin-oidc</c> on <paramref name="app"/>) as the client's only redirect URI.</summary>
    public void AllowRedirectsTo(Uri app)
    {
        ArgumentNullException.ThrowIfNull(app);
        _redirectUri = new Uri(app, "/signin-oidc").ToString();
    }

    /// <summary>The app's settings that point its company sign-in at this provider.</summary>
    public Dictionary<string, string?> AppSettings(bool localPasswords = true) => new()
    {
        ["Authentication:Oidc:Authority"] = Authority.ToString(),
        ["Authentication:Oidc:ClientId"] = ClientId,
        ["Authentication:Oidc:ClientSecret"] = ClientSecret,
        ["Authentication:Oidc:DisplayName"] = "Sign in with Test Company",
        ["Authentication:Oidc:RequireHttpsMetadata"] = "false",
        ["Authentication:LocalPasswords:Enabled"] = localPasswords ? "true" : "false",
    };

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
