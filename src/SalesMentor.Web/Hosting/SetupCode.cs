using System.Security.Cryptography;

namespace SalesMentor.Web.Hosting;

/// <summary>
/// The one-time code for the setup page of a fresh install with no admin. It is printed to the
/// server log only, so only the operator of the machine can create the first admin on the web.
/// </summary>
public sealed class SetupCode
{
    private string? _code;

    public bool IsOpen => _code is not null;

    public string Open() => _code = RandomNumberGenerator.GetString("ABCDEFGHJKLMNPQRSTUVWXYZ23456789", 12);

    public void Close() => _code = null;

    /// <summary>Constant-time comparison, ignoring case, spaces and dashes people add when typing.</summary>
    public bool Matches(string? attempt)
    {
        if (_code is null || attempt is null) return false;
        var cleaned = attempt.Replace(" ", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal).ToUpperInvariant();
        return CryptographicOperations.FixedTimeEquals(System.Text.Encoding.UTF8.GetBytes(cleaned), System.Text.Encoding.UTF8.GetBytes(_code));
    }
}
