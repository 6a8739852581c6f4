using Scalar.AspNetCore;

namespace SalesMentor.Web.Hosting;

public static class ApiReference
{
    /// <summary>The interactive API reference at <c>/api-reference</c>, over <c>/openapi/v1.json</c>, served from this app (no CDN).</summary>
    public static void MapApiReference(this WebApplication app)
    {
        app.MapScalarApiReference("/api-reference", options => options
            .WithTitle("SalesMentor API")
            .WithOpenApiRoutePattern("/openapi/{documentName}.json")
            .AddDocument("v1")
            .DisableDefaultFonts()
            .DisableTelemetry())
            .AllowAnonymous();
    }
}
