using System.Diagnostics;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using SalesMentor.App.Domain;
using SalesMentor.App.Tests.Infrastructure;
using SalesMentor.Web.Security;
using SalesMentor.Web.Tests.Infrastructure;

namespace SalesMentor.Web.Tests.Security;

/// <summary>
/// The security-stamp re-check of <see cref="RevalidatingStateProvider"/> runs for live pages only: a server-rendered
/// answer (one request, its cookie checked by the pipeline) starts no timer, a live page is signed out at the first
/// check after its account is disabled. The browser side (the live page lands on sign-in without navigating) is
/// <c>AccountAdminTests</c>.
/// </summary>
public class LiveSessionRevalidationTests
{
    [Theory, BothProviders]
    public async Task DisabledAccount_OnlyTheLiveScope_IsSignedOut(Provider provider)
    {
        await using var host = await WebTestHost.StartAsync(provider, new Dictionary<string, string?> { ["Security:SecurityStampCheckSeconds"] = "1" });
        var world = await host.CreateWorldAsync();
        await using var rendered = host.Services.CreateAsyncScope();
        await using var live = host.Services.CreateAsyncScope();
        var renderedState = await SignedInStateAsync(rendered.ServiceProvider, world.RepA.Email!);
        var liveState = await SignedInStateAsync(live.ServiceProvider, world.RepA.Email!);
        ((RevalidatingStateProvider)live.ServiceProvider.GetRequiredService<AuthenticationStateProvider>()).StartRevalidating();

        await using (var scope = host.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            var user = (await users.FindByEmailAsync(world.RepA.Email!))!;
            user.IsDisabled = true;
            Assert.True((await users.UpdateAsync(user)).Succeeded);
        }

        var clock = Stopwatch.StartNew();
        while (await IsSignedInAsync(liveState) && clock.Elapsed < TimeSpan.FromSeconds(10)) await Task.Delay(100);
        Assert.False(await IsSignedInAsync(liveState), "the live scope was not signed out within 10 s of a 1 s check interval");

        // Past three more intervals, the server-rendered scope has not been re-checked: no timer ran for it.
        await Task.Delay(TimeSpan.FromSeconds(3));
        Assert.True(await IsSignedInAsync(renderedState));
    }

    [Theory, BothProviders]
    public async Task UnchangedAccount_LiveScope_StaysSignedIn(Provider provider)
    {
        await using var host = await WebTestHost.StartAsync(provider, new Dictionary<string, string?> { ["Security:SecurityStampCheckSeconds"] = "1" });
        var world = await host.CreateWorldAsync();
        await using var live = host.Services.CreateAsyncScope();
        var state = await SignedInStateAsync(live.ServiceProvider, world.RepA.Email!);
        var revalidating = (RevalidatingStateProvider)live.ServiceProvider.GetRequiredService<AuthenticationStateProvider>();
        revalidating.StartRevalidating();
        revalidating.StartRevalidating(); // a second start is harmless

        await Task.Delay(TimeSpan.FromSeconds(3.5));
        Assert.True(await IsSignedInAsync(state));
    }

    /// <summary>Signs <paramref name="email"/> in to the scope's provider, as the framework does for a request or a circuit.</summary>
    private static async Task<AuthenticationStateProvider> SignedInStateAsync(IServiceProvider services, string email)
    {
        var users = services.GetRequiredService<UserManager<AppUser>>();
        var signIn = services.GetRequiredService<SignInManager<AppUser>>();
        var principal = await signIn.CreateUserPrincipalAsync((await users.FindByEmailAsync(email))!);
        var state = services.GetRequiredService<AuthenticationStateProvider>();
        ((IHostEnvironmentAuthenticationStateProvider)state).SetAuthenticationState(Task.FromResult(new AuthenticationState(principal)));
        return state;
    }

    private static async Task<bool> IsSignedInAsync(AuthenticationStateProvider state) =>
        (await state.GetAuthenticationStateAsync()).User.Identity?.IsAuthenticated == true;
}
