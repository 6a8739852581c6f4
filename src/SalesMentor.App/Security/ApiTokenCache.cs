using Microsoft.EntityFrameworkCore;
using SalesMentor.App.Data;
using SalesMentor.App.Domain;

namespace SalesMentor.App.Security;

/// <summary>
/// The stored facts an API token check needs (token, account, person, admin role), kept per instance by token hash.
/// Each use is checked against the <see cref="ChangeCounters.Tokens"/> counter that database triggers raise on every write
/// to the tokens (but their last-used time), the accounts, their roles, and on a person's deletion, renaming or leaving date — whoever
/// writes — so revoking a token, disabling an account or changing a role is seen by the very next call, at the price of
/// one primary-key read instead of the joined token query. Unknown secrets are never kept.
/// </summary>
public sealed class ApiTokenCache(ChangeCounterReader counters)
{
    /// <summary>More distinct tokens than this in one version start the cache over (bounds its memory).</summary>
    private const int MaxEntries = 10_000;

    /// <summary>What one token check reads, as stored when it was read.</summary>
    public sealed record StoredToken(
        Guid Id, Guid UserId, ApiTokenScope Scope, DateTime ExpiresAt, DateTime? RevokedAt, bool IsDisabled,
        Core.People.PersonId PersonId, string PersonName, DateOnly? PersonLeftOn, bool IsAdmin)
    {
        /// <summary>The last-used time as this instance last read or wrote it (not part of the counter).</summary>
        public DateTime? LastUsedAt { get; set; }
    }

    private readonly CountedMap<string, StoredToken> _tokens = new(MaxEntries);

    /// <summary>The stored token with this hash, or null when there is none; from the cache while the counter is unchanged.</summary>
    public async Task<StoredToken?> FindAsync(SalesMentorDb db, byte[] hash, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(hash);
        // Inside a transaction the counter may carry a version that rolls back and is later reached again by other
        // writes: what is read there is never kept.
        if (db.Database.CurrentTransaction is not null) return await LoadAsync(db, hash, ct);
        var database = db.Database.GetConnectionString() ?? "";
        // The version first, then the row: the row is at least as new as the version it is kept under, so a change
        // between the two reads makes the next call read again rather than keep a stale answer.
        var version = await counters.ReadAsync(db, ChangeCounters.Tokens, ct);
        var key = Convert.ToBase64String(hash);
        if (_tokens.TryGet(database, version, key, out var cached)) return cached;
        var found = await LoadAsync(db, hash, ct);
        if (found is not null) _tokens.Keep(database, version, key, found);
        return found;
    }

    private static async Task<StoredToken?> LoadAsync(SalesMentorDb db, byte[] hash, CancellationToken ct)
    {
        var found = await (
            from t in db.ApiTokens.AsNoTracking()
            join u in db.Users on t.UserId equals u.Id
            join p in db.People on u.PersonId equals p.Id
            where t.Hash == hash
            select new
            {
                t.Id, t.UserId, t.Scope, t.ExpiresAt, t.RevokedAt, t.LastUsedAt, u.IsDisabled, u.PersonId, p.Name, p.LeftOn,
                IsAdmin = db.UserRoles.Any(ur => ur.UserId == u.Id && db.Roles.Any(r => r.Id == ur.RoleId && r.Name == Roles.Admin)),
            }).FirstOrDefaultAsync(ct);
        return found is null
            ? null
            : new StoredToken(found.Id, found.UserId, found.Scope, found.ExpiresAt, found.RevokedAt, found.IsDisabled, found.PersonId, found.Name, found.LeftOn, found.IsAdmin)
            {
                LastUsedAt = found.LastUsedAt,
            };
    }
}
