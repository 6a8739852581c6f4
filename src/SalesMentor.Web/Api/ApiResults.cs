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
