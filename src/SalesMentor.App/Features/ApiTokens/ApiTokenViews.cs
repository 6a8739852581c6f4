using System.Text.Json.Serialization;
using SalesMentor.App.Domain;

namespace SalesMentor.App.Features.ApiTokens;

[JsonConverter(typeof(JsonStringEnumConverter<ApiTokenStatus>))]
public enum ApiTokenStatus { Active, Expired, Revoked }

/// <summary>A token as its owner sees it in the list: never the secret, only its first characters.</summary>
public sealed record ApiTokenRow(
    Guid Id, string Name, string Prefix, ApiTokenScope Scope, DateTime CreatedAt, DateTime ExpiresAt,
    DateTime? LastUsedAt, DateTime? RevokedAt, ApiTokenStatus Status)
{
    internal static ApiTokenRow Of(ApiToken token, DateTime now) => new(
        token.Id, token.Name, token.Prefix, token.Scope, token.CreatedAt, token.ExpiresAt, token.LastUsedAt, token.RevokedAt,
        token.RevokedAt is not null ? ApiTokenStatus.Revoked : token.ExpiresAt <= now ? ApiTokenStatus.Expired : ApiTokenStatus.Active);
}

/// <param name="ExpiresInDays">1 to 366 days from now.</param>
public sealed record CreateApiTokenRequest(string? Name, ApiTokenScope Scope, int ExpiresInDays);

/// <summary>The new token; <see cref="Secret"/> is shown this once and cannot be read again.</summary>
public sealed record CreatedApiToken(ApiTokenRow Token, string Secret);
