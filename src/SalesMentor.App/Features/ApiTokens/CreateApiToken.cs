using Microsoft.EntityFrameworkCore;
using SalesMentor.App.Common;
using SalesMentor.App.Data;
using SalesMentor.App.Data.Configurations;
using SalesMentor.App.Domain;
using SalesMentor.App.Security;

namespace SalesMentor.App.Features.ApiTokens;

/// <summary>
/// A signed-in person creates a personal access token for their own account. Only a signed-in
/// session may: a token cannot mint more tokens, so a leaked token cannot outlive its expiry.
/// </summary>
public sealed class CreateApiToken(SalesMentorDb db, AuditLog audit, TimeProvider clock)
{
    public async Task<Result<CreatedApiToken>> HandleAsync(Actor actor, CreateApiTokenRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(request);
        if (actor.TokenScope is not null)
        {
            return Error.Forbidden("token.session_required", "Tokens are created from a signed-in session (the API tokens page), not with another token.");
        }

        var userId = await ApiTokenOwner.UserIdAsync(db, actor, ct);
        if (userId is null) return Error.Forbidden("token.no_account", "Only a person with an account can create API tokens.");
        var name = request.Name?.Trim() ?? "";
        if (name.Length == 0) return Error.Validation("token.name_required", "Give the token a name that says what it is for, e.g. \"CRM sync\".");
        if (name.Length > ApiTokenLimits.Name) return Error.Validation("token.name_too_long", $"A token name has at most {ApiTokenLimits.Name} characters.");
        if (name.Any(char.IsControl)) return Error.Validation("token.name_invalid", "A token name cannot hold control characters or line breaks.");
        if (!Enum.IsDefined(request.Scope)) return Error.Validation("token.scope_invalid", "The scope is Read or ReadWrite.");
        if (request.ExpiresInDays is < 1 or > ApiTokenLimits.MaxDays)
        {
            return Error.Validation("token.expiry_invalid", $"A token expires after 1 to {ApiTokenLimits.MaxDays} days.");
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var active = await db.ApiTokens.CountAsync(t => t.UserId == userId && t.RevokedAt == null && t.ExpiresAt > now, ct);
        if (active >= ApiTokenLimits.MaxActivePerPerson)
        {
            return Error.Conflict("token.too_many", $"You have {active} active tokens, the most allowed. Revoke one you no longer use first.");
        }

        var secret = ApiTokenSecret.Create();
        var token = new ApiToken
        {
            UserId = userId.Value, Name = name, Prefix = ApiTokenSecret.PrefixOf(secret), Hash = ApiTokenSecret.Hash(secret),
            Scope = request.Scope, CreatedAt = now, ExpiresAt = now.AddDays(request.ExpiresInDays),
        };
        db.ApiTokens.Add(token);
        audit.Record(actor, "api_token.create", "api_token", token.Id.ToString(), $"scope {token.Scope}, {request.ExpiresInDays} days");
        await db.SaveChangesAsync(ct);
        return new CreatedApiToken(ApiTokenRow.Of(token, now), secret);
    }
}

/// <summary>The person's own tokens, newest first: active, expired and revoked.</summary>
public sealed class ListApiTokens(SalesMentorDb db, TimeProvider clock)
{
    public async Task<Result<IReadOnlyList<ApiTokenRow>>> HandleAsync(Actor actor, CancellationToken ct)
    {
        var userId = await ApiTokenOwner.UserIdAsync(db, actor, ct);
        if (userId is null) return Array.Empty<ApiTokenRow>();
        var now = clock.GetUtcNow().UtcDateTime;
        var tokens = await db.ApiTokens.AsNoTracking().Where(t => t.UserId == userId).ToListAsync(ct);
        return tokens.OrderByDescending(t => t.CreatedAt).ThenByDescending(t => t.Id).Select(t => ApiTokenRow.Of(t, now)).ToList();
    }
}

/// <summary>
/// Revokes one of the person's own tokens; it stops working with the next call. Someone else's
/// token answers 404, an admin's call included: an admin disables the account instead.
/// </summary>
public sealed class RevokeApiToken(SalesMentorDb db, AuditLog audit, TimeProvider clock)
{
    public async Task<Result<ApiTokenRow>> HandleAsync(Actor actor, Guid tokenId, CancellationToken ct)
    {
        var userId = await ApiTokenOwner.UserIdAsync(db, actor, ct);
        var token = userId is null ? null : await db.ApiTokens.SingleOrDefaultAsync(t => t.Id == tokenId && t.UserId == userId, ct);
        if (token is null) return Error.NotFound("token");
        var now = clock.GetUtcNow().UtcDateTime;
        if (token.RevokedAt is null)
        {
            token.RevokedAt = now;
            audit.Record(actor, "api_token.revoke", "api_token", token.Id.ToString());
            await db.SaveChangesAsync(ct);
        }

        return ApiTokenRow.Of(token, now);
    }
}

internal static class ApiTokenOwner
{
    public static async Task<Guid?> UserIdAsync(SalesMentorDb db, Actor actor, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (actor.PersonId is not { } person) return null;
        return await db.Users.Where(u => u.PersonId == person).Select(u => (Guid?)u.Id).FirstOrDefaultAsync(ct);
    }
}
