using System.Security.Claims;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;
using Microsoft.AspNetCore.Components.Server.Circuits;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using SalesMentor.App.Domain;
using SalesMentor.App.Security;

namespace SalesMentor.Web.Security;

/// <summary>
/// Interactive pages keep a live connection; this re-checks the account's security stamp on an interval (a minute by
/// default) so a disabled account, a person who has left, or a changed password, ends the session. Only a live
/// connection is re-checked (<see cref="LiveSessionRevalidation"/> starts it when the circuit opens): a server-rendered
/// answer lasts one request, whose cookie the pipeline has just checked, so it starts no timer. A failed check, or one
/// that throws, signs the page out.
/// </summary>
public sealed partial class RevalidatingStateProvider : ServerAuthenticationStateProvider, IDisposable
{
    private readonly ILogger<RevalidatingStateProvider> _logger;
    private readonly IServiceScopeFactory _scopes;
    private readonly IOptions<IdentityOptions> _options;
    private readonly SecurityOptions _security;
    private readonly Lock _gate = new();
    private Task<AuthenticationState>? _current;
    private CancellationTokenSource? _loop;
    private bool _live;
    private bool _disposed;

    public RevalidatingStateProvider(ILogger<RevalidatingStateProvider> logger, IServiceScopeFactory scopes, IOptions<IdentityOptions> options, SecurityOptions security)
    {
        (_logger, _scopes, _options, _security) = (logger, scopes, options, security);
        AuthenticationStateChanged += OnChanged;
    }

    /// <summary>Called once the page is live: from now on every authentication state is re-checked on the interval.</summary>
    public void StartRevalidating()
    {
        Task<AuthenticationState>? current;
        lock (_gate)
        {
            if (_live || _disposed) return;
            _live = true;
            current = _current;
        }

        if (current is not null) Restart(current); // else the state arrives later, through OnChanged
    }

    public void Dispose()
    {
        AuthenticationStateChanged -= OnChanged;
        lock (_gate)
        {
            _disposed = true;
            Stop(null);
        }
    }

    private void OnChanged(Task<AuthenticationState> state)
    {
        lock (_gate)
        {
            _current = state;
            if (!_live || _disposed) return;
        }

        Restart(state);
    }

    private void Restart(Task<AuthenticationState> state)
    {
        CancellationToken token;
        lock (_gate)
        {
            if (_disposed) return;
            var next = new CancellationTokenSource();
            Stop(next);
            token = next.Token;
        }

        _ = RevalidateAsync(state, token);
    }

    private void Stop(CancellationTokenSource? next)
    {
        var previous = _loop;
        _loop = next;
        if (previous is null) return;
        previous.Cancel();
        previous.Dispose();
    }

    private async Task RevalidateAsync(Task<AuthenticationState> stateTask, CancellationToken token)
    {
        var state = await stateTask;
        if (state.User.Identity?.IsAuthenticated != true) return;
        var interval = TimeSpan.FromSeconds(_security.SecurityStampCheckSeconds);
        while (true)
        {
            await Task.Delay(interval, token).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            if (token.IsCancellationRequested) return;
            bool valid;
            try
            {
                valid = await IsStillValidAsync(state, token);
            }
            catch (OperationCanceledException) when (token.IsCancellationRequested)
            {
                return;
            }
#pragma warning disable CA1031 // any failure of the check ends the session rather than keeping it unchecked
            catch (Exception e)
#pragma warning restore CA1031
            {
                LogCheckFailed(_logger, e);
                valid = false;
            }

            if (token.IsCancellationRequested) return;
            if (!valid)
            {
                SetAuthenticationState(Task.FromResult(new AuthenticationState(new ClaimsPrincipal(new ClaimsIdentity()))));
                return;
            }
        }
    }

    private async Task<bool> IsStillValidAsync(AuthenticationState authenticationState, CancellationToken cancellationToken)
    {
        await using var scope = _scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var user = await users.GetUserAsync(authenticationState.User);
        if (user is null || user.IsDisabled) return false;
        if (await scope.ServiceProvider.GetRequiredService<SalesMentor.App.Features.Accounts.Leavers>().LeftAsync(user.PersonId, cancellationToken) is not null) return false;
        if (!users.SupportsUserSecurityStamp) return true;
        var principalStamp = authenticationState.User.FindFirstValue(_options.Value.ClaimsIdentity.SecurityStampClaimType);
        return principalStamp == await users.GetSecurityStampAsync(user);
    }

    [LoggerMessage(EventId = 1, Level = LogLevel.Error, Message = "Re-checking the signed-in account of a live page failed; the page is signed out.")]
    private static partial void LogCheckFailed(ILogger logger, Exception exception);
}

/// <summary>Starts the security-stamp re-check of <see cref="RevalidatingStateProvider"/> when a live page's circuit opens.</summary>
public sealed class LiveSessionRevalidation(AuthenticationStateProvider provider) : CircuitHandler
{
    public override Task OnCircuitOpenedAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        (provider as RevalidatingStateProvider)?.StartRevalidating();
        return Task.CompletedTask;
    }
}
