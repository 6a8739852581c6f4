using Microsoft.AspNetCore.Http.HttpResults;
using SalesMentor.App.Common;

namespace SalesMentor.Web.Api;

/// <summary>
/// The one translation from use-case outcomes to HTTP: a value is 200, an <see cref="Error"/> is
/// ProblemDetails with its stable <c>code</c>. Hidden records are 404, like missing ones.
/// </summary>
public static class ApiResults
{
    public static Results<Ok<T>, ProblemHttpResult> ToHttp<T>(this Result<T> result) =>
        result.IsSuccess ? TypedResults.Ok(result.Value) : Problem(result.Error!);

    public static ProblemHttpResult Problem(Error error)
    {
        ArgumentNullException.ThrowIfNull(error);
        var status = error.Kind switch
        {
            ErrorKind.NotFound => StatusCodes.Status404NotFound,
            ErrorKind.Conflict => StatusCodes.Status409Conflict,
            ErrorKind.Forbidden => StatusCodes.Status403Forbidden,
            _ => StatusCodes.Status400BadRequest,
        };
        return TypedResults.Problem(
            detail: error.Message, statusCode: status, title: Title(error.Kind),
            extensions: new Dictionary<string, object?> { ["code"] = error.Code });
    }

    /// <summary>
    /// ProblemDetails for an /api response the framework ended with a bare status code before any
    /// handler ran: not signed in (401), a body that cannot be read (400), too large (413), the wrong
    /// content type (415), no such route (404).
    /// </summary>
    public static ProblemHttpResult BareStatus(int status) => TypedResults.Problem(
        statusCode: status, title: Microsoft.AspNetCore.WebUtilities.ReasonPhrases.GetReasonPhrase(status),
        extensions: new Dictionary<string, object?>
        {
            ["code"] = status switch
            {
                StatusCodes.Status400BadRequest => "request.invalid",
                StatusCodes.Status401Unauthorized => "auth.required",
                StatusCodes.Status403Forbidden => "auth.forbidden",
                StatusCodes.Status404NotFound => "request.not_found",
                StatusCodes.Status405MethodNotAllowed => "request.method_not_allowed",
                StatusCodes.Status413PayloadTooLarge => "request.too_large",
                StatusCodes.Status415UnsupportedMediaType => "request.unsupported_media_type",
                _ => $"http.{status}",
            },
        });

    private static string Title(ErrorKind kind) => kind switch
    {
        ErrorKind.NotFound => "Not found",
        ErrorKind.Conflict => "Conflict",
        ErrorKind.Forbidden => "Forbidden",
        _ => "Invalid request",
    };

    /// <summary>The signed-in actor; the API group requires authentication, so there always is one.</summary>
    public static Actor Actor(this HttpContext context) =>
        Security.Actors.From(context?.User) ?? throw new InvalidOperationException("The API group requires a signed-in person.");

    /// <summary>The address people reach this app at, for links in mail when none is configured.</summary>
    public static string BaseUrl(this HttpRequest request) => $"{request?.Scheme}://{request?.Host}{request?.PathBase}";
}
