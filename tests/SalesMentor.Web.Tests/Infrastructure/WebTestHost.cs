using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using SalesMentor.App.Data;
using SalesMentor.App.Tests.Infrastructure;

namespace SalesMentor.Web.Tests.Infrastructure;

/// <summary>
/// The real web app on a real loopback port (so a browser can reach it), on a database of the
/// test's own, sending mail to a real in-process SMTP server, with every log line kept.
/// </summary>
public sealed partial class WebTestHost : IAsyncDisposable
{
    private readonly Factory _factory;

    private WebTestHost(TestDatabase database, TestSmtpServer smtp, Factory factory, CapturingLoggerProvider logs)
    {
        Database = database;
        Smtp = smtp;
        _factory = factory;
        Logs = logs;
    }

    public TestDatabase Database { get; }
    public TestSmtpServer Smtp { get; }
    public CapturingLoggerProvider Logs { get; }
    public IServiceProvider Services => _factory.Services;
    public Uri BaseAddress => _factory.ClientOptions.BaseAddress;

    public static async Task<WebTestHost> StartAsync(Provider provider = Provider.Sqlite, IDictionary<string, string?>? settings = null) =>
        await StartOnAsync(await TestDatabase.CreateAsync(provider), settings);

    /// <summary>The app on a database made before (the host owns it from now on and drops it at the end).</summary>
    public static async Task<WebTestHost> StartOnAsync(TestDatabase database, IDictionary<string, string?>? settings = null)
    {
        ArgumentNullException.ThrowIfNull(database);
        var smtp = await TestSmtpServer.StartAsync();
        var values = database.Settings;
        values["Demo:Enabled"] = "false";
        values["Mail:Host"] = "127.0.0.1";
        values["Mail:Port"] = smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        values["Mail:Security"] = "None";
        values["Mail:PollSeconds"] = "0.2";
        values["Security:LoginRatePermitLimit"] = "1000";
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>()) values[key] = value;
        var logs = new CapturingLoggerProvider();
        var factory = new Factory(values, logs);
        factory.UseKestrel(0);
        factory.StartServer();
        return new WebTestHost(database, smtp, factory, logs);
    }

    /// <summary>A browser-like client: keeps cookies, does not follow redirects (tests look at them).</summary>
    public HttpClient CreateClient(CookieContainer? cookies = null) => new(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = true, CookieContainer = cookies ?? new CookieContainer() })
    {
        BaseAddress = BaseAddress,
    };

    public Task<TestWorld> CreateWorldAsync() => TestWorld.CreateAsync(Services, DateTime.UtcNow);

    /// <summary>Signs in through the real sign-in form; returns the response (302 on success).</summary>
    public static async Task<HttpResponseMessage> SignInAsync(HttpClient client, string email, string password)
    {
        ArgumentNullException.ThrowIfNull(client);
        var form = await client.GetStringAsync("/account/login");
        var token = AntiforgeryField().Match(form).Groups[1].Value;
        var fields = new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["_handler"] = "login",
            ["Input.Email"] = email,
            ["Input.Password"] = password,
        };
        return await client.PostAsync("/account/login", new FormUrlEncodedContent(fields));
    }

    /// <summary>A client signed in as <paramref name="email"/>, with the API's antiforgery header set.</summary>
    public async Task<HttpClient> SignedInClientAsync(string email, string password = TestWorld.Password)
    {
        var client = CreateClient();
        var response = await SignInAsync(client, email, password);
        if (response.StatusCode != HttpStatusCode.Redirect) throw new InvalidOperationException($"Sign-in as {email} failed: {(int)response.StatusCode}");
        var token = await client.GetFromJsonAsync<AntiforgeryToken>("/api/antiforgery");
        client.DefaultRequestHeaders.Add(token!.HeaderName, token.Token);
        return client;
    }

    public async ValueTask DisposeAsync()
    {
        await _factory.DisposeAsync();
        await Smtp.DisposeAsync();
        await Database.DisposeAsync();
    }

    private sealed record AntiforgeryToken(string HeaderName, string Token);

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();

    private sealed class Factory(IDictionary<string, string?> settings, CapturingLoggerProvider logs) : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Testing");
            // Outside Development the framework's and MudBlazor's files (_framework/, _content/) are only
            // found through the static web assets manifest; browsers need them.
            builder.UseStaticWebAssets();
            builder.ConfigureAppConfiguration(config => config.AddInMemoryCollection(settings));
            builder.ConfigureLogging(logging => logging.AddProvider(logs).SetMinimumLevel(LogLevel.Information));
        }
    }
}
