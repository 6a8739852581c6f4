using System.Diagnostics;
using System.Net;
using SalesMentor.Web.Api;

namespace SalesMentor.Web.Hosting;

/// <summary>
/// An unexpected failure answers 500 with only a request id to quote: ProblemDetails (code
/// <c>server.error</c>) under <c>/api</c>, a short page elsewhere — whatever the method, and never
/// the exception's text, which could hold someone's data. The log has the details.
/// </summary>
public static class ErrorHandling
{
    public static void UseSalesMentorErrors(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        if (app.Environment.IsDevelopment()) return;
        app.UseExceptionHandler(new ExceptionHandlerOptions { ExceptionHandler = WriteAsync });
    }

    private static async Task WriteAsync(HttpContext context)
    {
        var requestId = Activity.Current?.Id ?? context.TraceIdentifier;
        context.Response.StatusCode = StatusCodes.Status500InternalServerError;
        if (context.Request.Path.StartsWithSegments("/api"))
        {
            await TypedResults.Problem(
                detail: $"Something went wrong on our side. It was recorded; quote request id {requestId} to your admin.",
                statusCode: StatusCodes.Status500InternalServerError, title: "Server error",
                extensions: new Dictionary<string, object?> { ["code"] = "server.error", ["requestId"] = requestId }).ExecuteAsync(context);
            return;
        }

        context.Response.ContentType = "text/html; charset=utf-8";
        await context.Response.WriteAsync(
            "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Error · SalesMentor</title>" +
            "<link href=\"/app.css\" rel=\"stylesheet\"></head><body><main class=\"account-page\"><section class=\"account-card\">" +
            "<h1 class=\"account-brand\">SalesMentor</h1><h2>Something went wrong</h2>" +
            $"<p>The error was recorded. Try again, and if it keeps happening, give your admin this request id: <code>{WebUtility.HtmlEncode(requestId)}</code></p>" +
            "<p class=\"account-links\"><a href=\"/\">Home</a></p></section></main></body></html>");
    }
}
