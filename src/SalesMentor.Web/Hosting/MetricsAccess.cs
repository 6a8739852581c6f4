using System.Net;
using System.Security.Cryptography;
using System.Text;

namespace SalesMentor.Web.Hosting;

/// <summary>
/// Who may read <c>/metrics</c> (section <c>Metrics</c>): by default only a scraper on this machine
/// (a loopback connection that did not come through a proxy); with <c>Metrics:Token</c> set, also
/// anyone who sends <c>Authorization: Bearer &lt;token&gt;</c>. Everyone else gets 404.
/// </summary>
public sealed class MetricsAccess
{
    public bool Enabled { get; init; } = true;
    public bool AllowLoopback { get; init; } = true;
    public string? Token { get; init; }

    public static MetricsAccess From(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var section = configuration.GetSection("Metrics");
        return new MetricsAccess
        {
            Enabled = section.GetValue("Enabled", true),
            AllowLoopback = section.GetValue("AllowLoopback", true),
            Token = string.IsNullOrWhiteSpace(section["Token"]) ? null : section["Token"],
        };
    }

    public bool Allows(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (Token is not null && context.Request.Headers.Authorization.ToString() is var header
            && header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
            && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(header["Bearer ".Length..].Trim()), Encoding.UTF8.GetBytes(Token)))
        {
            return true;
        }

        // A request a proxy forwarded is not local, whatever address the proxy connects from.
        var proxied = context.Request.Headers.ContainsKey("X-Forwarded-For") || context.Request.Headers.ContainsKey("X-Original-For")
                      || context.Request.Headers.ContainsKey("Forwarded");
        return AllowLoopback && !proxied && context.Connection.RemoteIpAddress is { } remote && IPAddress.IsLoopback(remote);
    }
}
