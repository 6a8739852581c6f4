using Microsoft.EntityFrameworkCore;
using SalesMentor.App.Data;
using SalesMentor.App.Domain;
using SalesMentor.Core.People;

namespace SalesMentor.App.Security;

public enum ApiTokenRefusal { Unknown, Expired, Revoked, AccountDisabled }

/// <summary>Who a valid token acts as, read fresh from the database on every call.</summary>
public sealed record ApiTokenIdentity(Guid TokenId, Guid UserId, PersonId PersonId, string PersonName, bool IsAdmin, ApiTokenScope Scope);

/// <summary>
/// Checks a bearer token on each API call: known, not revoked, not expired, and its account not
/// disabled — all read now, so revoking a token or disabling an account takes effect at once.
/// </summary>
public sealed class ApiTokenValidator(SalesMentorDb db, TimeProvider clock)
{
    /// <summary>How stale the "last used" time may get before a call writes it again.</summary>
    private static readonly TimeSpan LastUsedResolution = TimeSpan.FromMinutes(5);

    public async Task<(ApiTokenIdentity? Identity, ApiTokenRefusal Refusal)> ValidateAsync(string? secret, CancellationToken ct)
    {
        if (!ApiTokenSecret.HasShape(secret)) return (null, ApiTokenRefusal.Unknown);
        var hash = ApiTokenSecret.Hash(secret!);
        var found = await (
            from t in db.ApiTokens.AsNoTracking()
            join u in db.Users on t.UserId equals u.Id
            join p in db.People on u.PersonId equals p.Id
            where t.Hash == hash
            select new
            {
                t.Id, t.UserId, t.Scope, t.ExpiresAt, t.RevokedAt, t.LastUsedAt, u.IsDisabled, u.PersonId, p.Name,
                IsAdmin = db.UserRoles.Any(ur => ur.UserId == u.Id && db.Roles.Any(r => r.Id == ur.RoleId && r.Name == Roles.Admin)),
            }).FirstOrDefaultAsync(ct);
        if (found is null) return (null, ApiTokenRefusal.Unknown);
        var now = clock.GetUtcNow().UtcDateTime;
        if (found.RevokedAt is not null) return (null, ApiTokenRefusal.Revoked);
        if (found.ExpiresAt <= now) return (null, ApiTokenRefusal.Expired);
        if (found.IsDisabled) return (null, ApiTokenRefusal.AccountDisabled);

        if (found.LastUsedAt is null || now - found.LastUsedAt.Value > LastUsedResolution)
        {
            await db.ApiTokens.Where(t => t.Id == found.Id).ExecuteUpdateAsync(s => s.SetProperty(t => t.LastUsedAt, now), ct);
        }

        return (new ApiTokenIdentity(found.Id, found.UserId, found.PersonId, found.Name, found.IsAdmin, found.Scope), ApiTokenRefusal.Unknown);
    }
}
