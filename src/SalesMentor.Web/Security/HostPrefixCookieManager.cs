using Microsoft.AspNetCore.Authentication.Cookies;

namespace SalesMentor.Web.Security;

/// <summary>
/// Over HTTPS the sign-in cookie is named with the <c>__Host-</c> prefix and marked Secure (the
/// browser then refuses it from any other host or path, or over plain HTTP). Over plain HTTP,
/// as on a developer's machine, the plain name is used.
/// </summary>
public sealed class HostPrefixCookieManager : ICookieManager
{
    private const string Prefix = "__Host-";
    private readonly ChunkingCookieManager _inner = new();

    public string? GetRequestCookie(HttpContext context, string key) => _inner.GetRequestCookie(context, Name(context, key));

    public void AppendResponseCookie(HttpContext context, string key, string? value, CookieOptions options) =>
        _inner.AppendResponseCookie(context, Name(context, key), value, Harden(context, options));

    public void DeleteCookie(HttpContext context, string key, CookieOptions options) =>
        _inner.DeleteCookie(context, Name(context, key), Harden(context, options));

    private static string Name(HttpContext context, string key) => context.Request.IsHttps ? Prefix + key : key;

    private static CookieOptions Harden(HttpContext context, CookieOptions options)
    {
        if (!context.Request.IsHttps) return options;
        return new CookieOptions(options) { Secure = true, Path = "/", Domain = null };
    }
}
