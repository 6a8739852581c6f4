using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server.Circuits;
using Microsoft.AspNetCore.Identity;
using MudBlazor.Services;
using SalesMentor.App.Data;
using SalesMentor.App.Domain;
using SalesMentor.App.Mail;
using SalesMentor.App.Security;
using SalesMentor.Web.Api;
using SalesMentor.Web.Components;
using SalesMentor.Web.Security;

namespace SalesMentor.Web.Hosting;

public static class WebServices
{
    public const string AuthCookieName = "SalesMentor.Auth";

    public static void AddSalesMentorWeb(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;

        services.AddRazorComponents().AddInteractiveServerComponents();
        services.AddMudServices();
        services.AddCascadingAuthenticationState();
        services.AddScoped<AuthenticationStateProvider, RevalidatingStateProvider>();
        services.AddScoped<CircuitHandler, LiveSessionRevalidation>();
        services.AddHttpContextAccessor();

        services.AddAuthentication(o =>
            {
                o.DefaultScheme = ApiTokenAuthentication.PolicyScheme;
                o.DefaultSignInScheme = IdentityConstants.ExternalScheme;
            })
            .AddSalesMentorSchemes()
            .AddIdentityCookies();
        services.AddCompanySignIn();
        services.AddIdentityCore<AppUser>()
            .AddSignInManager<AppSignInManager>()
            .AddClaimsPrincipalFactory<AppClaimsFactory>();
        services.AddSingleton<KeptStampChecks>();
        services.AddScoped<ISecurityStampValidator, KeptSecurityStampValidator>();
        services.ConfigureApplicationCookie(o =>
        {
            o.Cookie.Name = AuthCookieName;
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.CookieManager = new HostPrefixCookieManager();
            o.LoginPath = "/account/login";
            o.LogoutPath = "/account/logout";
            o.AccessDeniedPath = "/account/login";
            o.ExpireTimeSpan = TimeSpan.FromHours(12);
            o.SlidingExpiration = true;
            o.Events.OnRedirectToLogin = ApiAware(o.Events.OnRedirectToLogin, StatusCodes.Status401Unauthorized);
            o.Events.OnRedirectToAccessDenied = ApiAware(o.Events.OnRedirectToAccessDenied, StatusCodes.Status403Forbidden);
        });
        services.AddOptions<SecurityStampValidatorOptions>().Configure<SecurityOptions>((o, security) => o.ValidationInterval = TimeSpan.FromSeconds(security.SecurityStampCheckSeconds));
        services.AddAuthorization();
        services.AddAntiforgery(o =>
        {
            o.Cookie.Name = "SalesMentor.Antiforgery";
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.HeaderName = "X-CSRF-TOKEN";
        });

        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
                IsSignInAttempt(context.Request)
                    ? RateLimitPartition.GetFixedWindowLimiter(
                        context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                        _ => LoginLimit(context.RequestServices.GetRequiredService<SecurityOptions>()))
                    : RateLimitPartition.GetNoLimiter("other"));
            o.OnRejected = async (context, ct) =>
            {
                context.HttpContext.Response.ContentType = "text/plain; charset=utf-8";
                await context.HttpContext.Response.WriteAsync("Too many sign-in attempts from this address. Wait a minute and try again.", ct);
            };
        });

        services.AddProblemDetails();
        services.AddOpenApi(o => o.AddSchemaTransformer((schema, context, _) =>
        {
            // A person id is written as its GUID string (PersonIdJsonConverter); say so in the document.
            var type = context.JsonTypeInfo.Type;
            if (type == typeof(Core.People.PersonId) || type == typeof(Core.People.PersonId?))
            {
                schema.Type = Microsoft.OpenApi.JsonSchemaType.String;
                schema.Format = "uuid";
                schema.Properties?.Clear();
                schema.Required?.Clear();
            }

            return Task.CompletedTask;
        }));
        services.AddHealthChecks().AddDbContextCheck<SalesMentorDb>("database", tags: [Observability.ReadyTag]);
        builder.AddSalesMentorObservability();
        builder.AddSalesMentorProxy();
        services.AddSingleton<OutboxSender>();
        services.AddHostedService(sp => sp.GetRequiredService<OutboxSender>());
        SalesMentor.App.Jobs.JobRegistry.AddSalesMentorJobs(services);
        services.AddSingleton<SetupCode>();
    }

    public static void UseSalesMentorWeb(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseSalesMentorProxy();
        app.UseInstanceHeader();
        app.UseSalesMentorErrors();

        app.UseStatusCodePages(async context =>
        {
            if (context.HttpContext.Request.Path.StartsWithSegments("/api"))
            {
                // Refused before any handler ran (not signed in, unreadable body, unknown route): still ProblemDetails with a code.
                await ApiResults.BareStatus(context.HttpContext.Response.StatusCode).ExecuteAsync(context.HttpContext);
                return;
            }

            context.HttpContext.Response.ContentType = "text/plain; charset=utf-8";
            await context.HttpContext.Response.WriteAsync($"{context.HttpContext.Response.StatusCode}: {ReasonPhrase(context.HttpContext.Response.StatusCode)}");
        });
        app.UseRateLimiter();
        app.UseAuthentication();
        app.UsePersonLogScope();
        app.UseAuthorization();
        app.UseAntiforgery();

        app.MapStaticAssets();
        app.MapSalesMentorApi();
        app.MapAccountEndpoints();
        app.MapCompanySignIn();
        app.MapSalesMentorProbes();
        app.MapOpenApi().AllowAnonymous();
        app.MapApiReference();
        app.MapRazorComponents<Components.App>().AddInteractiveServerRenderMode();
    }

    private static FixedWindowRateLimiterOptions LoginLimit(SecurityOptions security) => new()
    {
        PermitLimit = security.LoginRatePermitLimit,
        Window = TimeSpan.FromSeconds(security.LoginRateWindowSeconds),
        QueueLimit = 0,
    };

    /// <summary>POSTs of the sign-in form: the only requests the login rate limit counts.</summary>
    internal static bool IsSignInAttempt(HttpRequest request) =>
        HttpMethods.IsPost(request.Method) && request.Path.Equals("/account/login", StringComparison.OrdinalIgnoreCase);

    /// <summary>The API answers 401/403; pages are redirected to the sign-in page.</summary>
    private static Func<Microsoft.AspNetCore.Authentication.RedirectContext<CookieAuthenticationOptions>, Task> ApiAware(
        Func<Microsoft.AspNetCore.Authentication.RedirectContext<CookieAuthenticationOptions>, Task> redirect, int status) => context =>
    {
        if (context.Request.Path.StartsWithSegments("/api"))
        {
            context.Response.StatusCode = status;
            return Task.CompletedTask;
        }

        return redirect(context);
    };

    private static string ReasonPhrase(int status) => Microsoft.AspNetCore.WebUtilities.ReasonPhrases.GetReasonPhrase(status);
}
