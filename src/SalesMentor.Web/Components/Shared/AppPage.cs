using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using SalesMentor.App.Common;
using SalesMentor.Web.Security;

namespace SalesMentor.Web.Components.Shared;

/// <summary>
/// Base of interactive pages. Interactive pages live as long as the browser tab, so each use case
/// runs in a scope (and a database context) of its own, as one request would.
/// </summary>
public abstract class AppPage : ComponentBase
{
    [CascadingParameter] private Task<AuthenticationState>? AuthenticationState { get; set; }

    [Inject] private IServiceScopeFactory Scopes { get; set; } = default!;

    [Inject] protected NavigationManager Navigation { get; set; } = default!;

    protected Actor? CurrentActor { get; private set; }

    protected bool IsAdmin => CurrentActor?.IsAdmin == true;

    protected override async Task OnInitializedAsync()
    {
        if (AuthenticationState is not null) CurrentActor = Actors.From((await AuthenticationState).User);
        await OnPageInitializedAsync();
    }

    protected virtual Task OnPageInitializedAsync() => Task.CompletedTask;

    /// <summary>Runs a use case as the signed-in person, in a fresh scope.</summary>
    protected async Task<Result<T>> RunAsync<TUseCase, T>(Func<TUseCase, Actor, Task<Result<T>>> call)
        where TUseCase : notnull
    {
        ArgumentNullException.ThrowIfNull(call);
        var actor = CurrentActor ?? throw new InvalidOperationException("Interactive pages require a signed-in person.");
        await using var scope = Scopes.CreateAsyncScope();
        return await call(scope.ServiceProvider.GetRequiredService<TUseCase>(), actor);
    }

    /// <summary>
    /// Runs several use cases as the signed-in person in one scope (one database context, one read of the manager
    /// tree), as one request would; for a page that shows what several read-only use cases answer.
    /// </summary>
    protected async Task<T> RunInOneScopeAsync<T>(Func<IServiceProvider, Actor, Task<T>> calls)
    {
        ArgumentNullException.ThrowIfNull(calls);
        var actor = CurrentActor ?? throw new InvalidOperationException("Interactive pages require a signed-in person.");
        await using var scope = Scopes.CreateAsyncScope();
        return await calls(scope.ServiceProvider, actor);
    }

    /// <summary>The address of this app, for links in mail when none is configured.</summary>
    protected string BaseUrl => Navigation.BaseUri.TrimEnd('/');
}
