using System.Text.Json.Serialization;

namespace SalesMentor.App.Domain;

/// <summary>What a personal access token may do: read only (GET), or read and change.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ApiTokenScope>))]
public enum ApiTokenScope
{
    Read,
    ReadWrite,
}

/// <summary>
/// A personal access token for the API. Only the SHA-256 of the secret is stored: the secret is
/// 256 random bits, so a fast hash is as good as a slow one against guessing, and it lets each
/// request find its token with one indexed lookup. The secret is shown once, when created.
/// </summary>
public sealed class ApiToken
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    /// <summary>The account the token acts as; a disabled account's tokens stop working at once.</summary>
    public Guid UserId { get; init; }
    public required string Name { get; init; }

    /// <summary>The first characters of the secret, so people can tell their tokens apart; never enough to use.</summary>
    public required string Prefix { get; init; }

    /// <summary>SHA-256 of the whole secret.</summary>
    public required byte[] Hash { get; init; }
    public ApiTokenScope Scope { get; init; }
    public DateTime CreatedAt { get; init; }
    public DateTime ExpiresAt { get; init; }
    public DateTime? LastUsedAt { get; set; }
    public DateTime? RevokedAt { get; set; }
}
