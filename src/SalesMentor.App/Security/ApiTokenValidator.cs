using Microsoft.EntityFrameworkCore;
using SalesMentor.App.Data;
using SalesMentor.App.Domain;
using SalesMentor.Core.People;

namespace SalesMentor.App.Security;

public enum ApiTokenRefusal { Unknown, Expired, Revoked, AccountDisabled, PersonLeft }

/// <summary>Who a valid token acts as, as stored now.</summary>
public sealed record ApiTokenIdentity(Guid TokenId, Guid UserId, PersonId PersonId, string PersonName, bool IsAdmin, ApiTokenScope Scope);

/// <summary>
/// Checks a bearer token on each API call: known, not revoked, not expired, its account not disabled and its person not
/// gone (a leaving date today or before) — as stored
/// now (<see cref="ApiTokenCache"/> rereads after any write to what it depends on), so revoking a token or disabling an
/// account takes effect at once.
/// </summary>
public sealed class ApiTokenValidator(SalesMentorDb db, ApiTokenCache cache, TimeProvider clock, Common.OrgClock today)
{
    /// <summary>How stale the "last used" time may get before a call writes it again.</summary>
    private static readonly TimeSpan LastUsedResolution = TimeSpan.FromMinutes(5);

    public async Task<(ApiTokenIdentity? Identity, ApiTokenRefusal Refusal)> ValidateAsync(string? secret, CancellationToken ct)
    {
        if (!ApiTokenSecret.HasShape(secret)) return (null, ApiTokenRefusal.Unknown);
        var hash = ApiTokenSecret.Hash(secret!);
        var found = await cache.FindAsync(db, hash, ct);
        if (found is null) return (null, ApiTokenRefusal.Unknown);
        var now = clock.GetUtcNow().UtcDateTime;
        if (found.RevokedAt is not null) return (null, ApiTokenRefusal.Revoked);
        if (found.ExpiresAt <= now) return (null, ApiTokenRefusal.Expired);
        if (found.IsDisabled) return (null, ApiTokenRefusal.AccountDisabled);
        // Left on or before today (the organization's day; read only for someone with a leaving date).
        if (found.PersonLeftOn is { } left && left <= await today.TodayAsync(ct)) return (null, ApiTokenRefusal.PersonLeft);

        if (found.LastUsedAt is not { } lastUsed || now - lastUsed > LastUsedResolution)
        {
            await db.ApiTokens.Where(t => t.Id == found.Id).ExecuteUpdateAsync(s => s.SetProperty(t => t.LastUsedAt, now), ct);
            found.LastUsedAt = now;
        }

        return (new ApiTokenIdentity(found.Id, found.UserId, found.PersonId, found.PersonName, found.IsAdmin, found.Scope), ApiTokenRefusal.Unknown);
    }
}
