using System.Security.Cryptography;

namespace SalesMentor.App.Security;

/// <summary>
/// The secret of a personal access token: <c>smt_</c> and 43 characters of base64url, that is 256
/// random bits. It is stored as its SHA-256 only. A slow password hash would add nothing here:
/// nobody can guess 256 random bits, whatever the hash costs, while a plain hash lets each API call
/// find its token with one indexed lookup.
/// </summary>
public static class ApiTokenSecret
{
    public const string Marker = "smt_";
    private const int SecretBytes = 32;
    private const int PrefixLength = 12;
    private static readonly int Length = Marker.Length + 43;
    private static readonly System.Buffers.SearchValues<char> Base64UrlChars =
        System.Buffers.SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_");

    public static string Create() => Marker + Base64Url(RandomNumberGenerator.GetBytes(SecretBytes));

    /// <summary>What the token list shows: the marker and the first eight characters.</summary>
    public static string PrefixOf(string secret)
    {
        ArgumentNullException.ThrowIfNull(secret);
        return secret[..Math.Min(PrefixLength, secret.Length)];
    }

    public static byte[] Hash(string secret)
    {
        ArgumentNullException.ThrowIfNull(secret);
        return SHA256.HashData(System.Text.Encoding.ASCII.GetBytes(secret));
    }

    /// <summary>True when <paramref name="text"/> has the shape of a token (so garbage never reaches the database).</summary>
    public static bool HasShape(string? text) =>
        text is not null && text.Length == Length && text.StartsWith(Marker, StringComparison.Ordinal)
        && text.AsSpan(Marker.Length).IndexOfAnyExcept(Base64UrlChars) < 0;

    private static string Base64Url(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
