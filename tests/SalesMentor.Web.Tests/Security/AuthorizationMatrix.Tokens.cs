namespace SalesMentor.Web.Tests.Security;

/// <summary>
/// What the token principals get, derived from the cookie columns, so every row covers them too:
/// <list type="bullet">
/// <item>outside <c>/api</c> a token is not a sign-in: the caller gets what anonymous gets;</item>
/// <item>a revoked or expired token, or one whose account is disabled: 401 on every API call;</item>
/// <item>a read token on a call that changes data: 403, before anything else is looked at;</item>
/// <item>a row that needs the sign-in session (<see cref="EndpointRow.SessionOnly"/>): 403;</item>
/// <item>otherwise exactly what the token's owner gets with the cookie.</item>
/// </list>
/// </summary>
public static partial class AuthorizationMatrix
{
    /// <summary>The token principals in the order a matrix run calls them: the state-changing admin token last.</summary>
    public static readonly Principal[] TokenPrincipals =
    [
        Principal.RevokedToken, Principal.ExpiredToken, Principal.DisabledUserToken,
        Principal.RepATokenRead, Principal.AdminTokenRead, Principal.RepATokenWrite, Principal.AdminTokenWrite,
    ];

    /// <summary>The statuses <paramref name="principal"/> may get on <paramref name="row"/>.</summary>
    public static int[] Expected(EndpointRow row, Principal principal, bool everyoneSeesSales)
    {
        ArgumentNullException.ThrowIfNull(row);
        var table = Parse(everyoneSeesSales ? row.Everyone : row.OwnAndChain ?? row.Everyone);
        if (table.TryGetValue(principal, out var direct)) return direct;
        if (!row.Route.StartsWith("/api/", StringComparison.Ordinal)) return table[Principal.Anonymous];
        if (principal is Principal.RevokedToken or Principal.ExpiredToken or Principal.DisabledUserToken) return [401];
        var changes = row.Method is not ("GET" or "HEAD" or "OPTIONS" or "*");
        if (changes && principal is Principal.RepATokenRead or Principal.AdminTokenRead) return [403];
        if (row.SessionOnly) return [403];
        return table[OwnerOf(principal)];
    }

    /// <summary>The person a token principal's token belongs to, as a cookie principal.</summary>
    public static Principal OwnerOf(Principal principal) => principal switch
    {
        Principal.RepATokenRead or Principal.RepATokenWrite or Principal.RevokedToken or Principal.ExpiredToken => Principal.RepA,
        Principal.AdminTokenRead or Principal.AdminTokenWrite => Principal.Admin,
        Principal.DisabledUserToken => Principal.Disabled,
        _ => principal,
    };
}
