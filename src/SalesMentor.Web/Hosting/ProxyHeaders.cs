using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace SalesMentor.Web.Hosting;

/// <summary>
/// Behind a reverse proxy that terminates TLS: the client's address and scheme come from
/// <c>X-Forwarded-For</c> / <c>X-Forwarded-Proto</c>, but only when the connection comes from a
/// proxy listed in <c>ReverseProxy:KnownProxies</c> (addresses) or <c>ReverseProxy:KnownNetworks</c>
/// (CIDR). With neither set the headers are ignored, so nobody can claim another address or HTTPS.
/// </summary>
public static class ProxyHeaders
{
    public static void AddSalesMentorProxy(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        // Read when the options are first used, not now: a host (or a test host) may add configuration late.
        builder.Services.AddOptions<ForwardedHeadersOptions>().Configure<IConfiguration>((o, configuration) =>
        {
            var proxies = ListOf(configuration, "ReverseProxy:KnownProxies");
            var networks = ListOf(configuration, "ReverseProxy:KnownNetworks");
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            o.KnownProxies.Clear();
            o.KnownIPNetworks.Clear();
            foreach (var proxy in proxies) o.KnownProxies.Add(ParseAddress(proxy));
            foreach (var network in networks)
            {
                if (!System.Net.IPNetwork.TryParse(network, out var parsed))
                {
                    throw new InvalidOperationException($"ReverseProxy:KnownNetworks holds '{network}', which is not a network like 10.0.0.0/8.");
                }

                o.KnownIPNetworks.Add(parsed);
            }
        });
    }

    /// <summary>First in the pipeline, and only when a proxy is configured.</summary>
    public static void UseSalesMentorProxy(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        if (ListOf(app.Configuration, "ReverseProxy:KnownProxies").Count + ListOf(app.Configuration, "ReverseProxy:KnownNetworks").Count == 0) return;
        app.UseForwardedHeaders();
    }

    /// <summary>A list given as an array (<c>KnownProxies:0</c>, …) or as one comma-separated value.</summary>
    internal static List<string> ListOf(IConfiguration configuration, string key)
    {
        var section = configuration.GetSection(key);
        var values = section.GetChildren().Select(c => c.Value).Append(section.Value);
        return values.Where(v => !string.IsNullOrWhiteSpace(v))
            .SelectMany(v => v!.Split([',', ' ', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            .Distinct(StringComparer.Ordinal).ToList();
    }

    private static IPAddress ParseAddress(string text) =>
        IPAddress.TryParse(text, out var address) ? address
        : throw new InvalidOperationException($"ReverseProxy:KnownProxies holds '{text}', which is not an IP address.");
}
