using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using SalesMentor.App.Common;
using SalesMentor.App.Data;
using SalesMentor.Web.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace SalesMentor.Web.Tests.Browser;

/// <summary>
/// Base of the browser tests: a fresh browser context per signed-in person, closed after the
/// test; when a test fails, every open page is saved as a screenshot and HTML under
/// <see cref="ArtifactsFolder"/> before the exception goes on.
/// </summary>
[Collection(BrowserTestGroup.Name)]
public abstract partial class BrowserTest(BrowserFixture fixture) : IAsyncLifetime
{
    private readonly List<IBrowserContext> _contexts = [];
    private WebTestHost? _host;
    private string? _demoFolder;

    public static string ArtifactsFolder => Path.Combine(Path.GetTempPath(), "salesmentor-browser-tests");

    /// <summary>Starts the app for this test; it is stopped when the test ends.</summary>
    protected async Task<WebTestHost> StartHostAsync(IDictionary<string, string?>? settings = null)
    {
        _host = await WebTestHost.StartAsync(settings: settings);
        return _host;
    }

    /// <summary>A new browser context (its own cookies: one person) with one page on the app.</summary>
    protected async Task<IPage> NewPageAsync(WebTestHost host)
    {
        ArgumentNullException.ThrowIfNull(host);
        var context = await fixture.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = host.BaseAddress.ToString(),
            ViewportSize = new ViewportSize { Width = 1440, Height = 1000 },
            Locale = "en-US",
        });
        context.SetDefaultTimeout(BrowserFixture.TimeoutMs);
        context.SetDefaultNavigationTimeout(BrowserFixture.TimeoutMs);
        _contexts.Add(context);
        return await context.NewPageAsync();
    }

    /// <summary>A new context signed in through the form as <paramref name="email"/>, on the home page.</summary>
    protected async Task<IPage> SignedInPageAsync(WebTestHost host, string email, string password)
    {
        var page = await NewPageAsync(host);
        await SignInAsync(page, email, password);
        return page;
    }

    /// <summary>Runs the test body; on failure saves what every page showed, then rethrows.</summary>
    protected async Task RunAsync(Func<Task> test, [CallerMemberName] string name = "")
    {
        ArgumentNullException.ThrowIfNull(test);
        try
        {
            await test();
        }
        catch (Exception)
        {
            await SaveArtifactsAsync(name);
            throw;
        }
    }

    /// <summary>Fills the sign-in form and submits it; waits until the next page is live.</summary>
    protected static async Task SignInAsync(IPage page, string email, string password)
    {
        await SubmitSignInAsync(page, email, password);
        await Expect(page).Not.ToHaveURLAsync(LoginUrl());
        await WaitForInteractiveAsync(page);
    }

    /// <summary>Opens the sign-in page, fills it and submits it; returns the server's answer to the post, without judging it.</summary>
    protected static async Task<IResponse> SubmitSignInAsync(IPage page, string email, string password)
    {
        ArgumentNullException.ThrowIfNull(page);
        if (!LoginUrl().IsMatch(page.Url)) await page.GotoAsync("account/login");
        await page.Locator("#email").FillAsync(email);
        await page.Locator("#password").FillAsync(password);
        // The form posts and the server answers with a whole page: wait for that answer, so a
        // message left from an earlier attempt is never mistaken for this one's.
        var response = await page.RunAndWaitForResponseAsync(
            () => page.GetByTestId("sign-in").ClickAsync(),
            r => r.Request.Method == "POST" && LoginUrl().IsMatch(r.Url));
        await page.WaitForLoadStateAsync(LoadState.DOMContentLoaded);
        return response;
    }

    /// <summary>Full page load of <paramref name="path"/>, then waits until the page is live.</summary>
    protected static async Task GotoAsync(IPage page, string path)
    {
        ArgumentNullException.ThrowIfNull(page);
        await page.GotoAsync(path);
        await WaitForInteractiveAsync(page);
    }

    /// <summary>
    /// Waits for the interactive circuit: the layout shows a hidden marker only once it renders
    /// interactively, that is when clicks and typing reach the server.
    /// </summary>
    protected static Task WaitForInteractiveAsync(IPage page)
    {
        ArgumentNullException.ThrowIfNull(page);
        return page.GetByTestId("interactive").WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Attached });
    }

    /// <summary>The data rows of a MudDataGrid (not the "no records" row).</summary>
    protected static ILocator Rows(ILocator grid)
    {
        ArgumentNullException.ThrowIfNull(grid);
        return grid.Locator("tbody tr.mud-table-row");
    }

    /// <summary>The pager's "1-25 of 160" caption of a MudDataGrid.</summary>
    protected static ILocator PagerCaption(ILocator grid)
    {
        ArgumentNullException.ThrowIfNull(grid);
        return grid.Locator(".mud-table-pagination-caption").Last;
    }

    /// <summary>
    /// Starts the app on a database of this test's own holding the small demo organization (seed 1,
    /// as of 2026-11-26): a copy of the one the fixture generated, so the generator runs once.
    /// </summary>
    protected async Task<WebTestHost> StartDemoHostAsync()
    {
        var template = await fixture.DemoDatabaseTemplateAsync();
        _demoFolder = Path.Combine(BrowserFixture.DataRoot, Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_demoFolder);
        var file = Path.Combine(_demoFolder, "demo.db");
        File.Copy(template, file);
        return await StartHostAsync(new Dictionary<string, string?> { ["ConnectionStrings:SalesMentor"] = $"Data Source={file}" });
    }

    /// <summary>Runs a query on a fresh database context of the host.</summary>
    protected static async Task<T> QueryAsync<T>(WebTestHost host, Func<SalesMentorDb, Task<T>> query)
    {
        ArgumentNullException.ThrowIfNull(host);
        ArgumentNullException.ThrowIfNull(query);
        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SalesMentorDb>();
        db.ChangeTracker.QueryTrackingBehavior = QueryTrackingBehavior.NoTracking;
        return await query(db);
    }

    /// <summary>Runs a use case of the app (as given), for the numbers a page must show.</summary>
    protected static async Task<T> UseCaseAsync<TUseCase, T>(WebTestHost host, Func<TUseCase, Task<Result<T>>> call)
        where TUseCase : notnull
    {
        ArgumentNullException.ThrowIfNull(host);
        ArgumentNullException.ThrowIfNull(call);
        await using var scope = host.Services.CreateAsyncScope();
        var result = await call(scope.ServiceProvider.GetRequiredService<TUseCase>());
        return result.IsSuccess ? result.Value : throw new InvalidOperationException($"{typeof(TUseCase).Name} failed: {result.Error!.Message}");
    }

    /// <summary>A link of the side menu.</summary>
    protected static ILocator MenuLink(IPage page, string text)
    {
        ArgumentNullException.ThrowIfNull(page);
        return page.Locator(".mud-navmenu").GetByRole(AriaRole.Link, new LocatorGetByRoleOptions { Name = text, Exact = true });
    }

    [GeneratedRegex(@"/account/login(\?|$)")]
    protected static partial Regex LoginUrl();

    public Task InitializeAsync()
    {
        Directory.CreateDirectory(ArtifactsFolder);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        foreach (var context in _contexts) await context.CloseAsync();
        _contexts.Clear();
        if (_host is not null) await _host.DisposeAsync();
        if (_demoFolder is not null)
        {
            try { Directory.Delete(_demoFolder, recursive: true); }
            catch (IOException) { }
        }
    }

    private async Task SaveArtifactsAsync(string name)
    {
        var pages = _contexts.SelectMany(c => c.Pages).ToList();
        for (var i = 0; i < pages.Count; i++)
        {
            var stem = Path.Combine(ArtifactsFolder, $"{name}-{i}");
            try
            {
                await pages[i].ScreenshotAsync(new PageScreenshotOptions { Path = stem + ".png", FullPage = true, Timeout = 5_000 });
                await File.WriteAllTextAsync(stem + ".html", $"<!-- {pages[i].Url} -->\n" + await pages[i].ContentAsync());
            }
            catch (PlaywrightException)
            {
                // A page that cannot be captured (closed, crashed) must not hide the test's own failure.
            }
        }

        if (_host is not null) await File.WriteAllTextAsync(Path.Combine(ArtifactsFolder, $"{name}.log"), _host.Logs.All);
    }
}
