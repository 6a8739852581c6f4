using System.Reflection;
using System.Runtime.CompilerServices;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.Extensions.Options;
using SalesMentor.App.Common;

namespace SalesMentor.Web.Api;

/// <summary>
/// A 200 with a JSON body, like <see cref="Ok{TValue}"/>, for views that the application keeps and hands to every
/// request that asks for the same thing (KPI overview, scorecards, directory pages): the body is serialized once per
/// view object and the bytes are reused for as long as the view is alive (kept beside it, never by value), so a kept
/// view costs no serialization. The view objects are immutable records; the bytes are exactly what
/// <see cref="Ok{TValue}"/> would write with the app's JSON options.
/// </summary>
public sealed class SharedJson<T> : IResult, IStatusCodeHttpResult, IValueHttpResult, IValueHttpResult<T>, IEndpointMetadataProvider
    where T : class
{
    private static readonly ConditionalWeakTable<T, byte[]> Bodies = new();

    internal SharedJson(T value) => Value = value;

    public T Value { get; }

    object? IValueHttpResult.Value => Value;

    public int StatusCode => StatusCodes.Status200OK;

    int? IStatusCodeHttpResult.StatusCode => StatusCode;

    public Task ExecuteAsync(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        if (!Bodies.TryGetValue(Value, out var body))
        {
            var options = httpContext.RequestServices.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;
            body = Bodies.GetValue(Value, v => System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(v, options.GetTypeInfo(typeof(T))));
        }

        httpContext.Response.StatusCode = StatusCode;
        httpContext.Response.ContentType = "application/json; charset=utf-8";
        httpContext.Response.ContentLength = body.Length;
        return httpContext.Response.Body.WriteAsync(body, httpContext.RequestAborted).AsTask();
    }

    [System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1000:Do not declare static members on generic types", Justification = "IEndpointMetadataProvider's member is static by design (as on Ok<T>).")]
    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Metadata.Add(new ProducesResponseTypeMetadata(StatusCodes.Status200OK, typeof(T), ["application/json"]));
    }
}

/// <summary><see cref="SharedJson{T}"/> for a use case's outcome: the kept view as 200, an error as ProblemDetails.</summary>
public static class SharedJsonResults
{
    public static Results<SharedJson<T>, ProblemHttpResult> ToSharedJson<T>(this Result<T> result)
        where T : class =>
        result.IsSuccess ? new SharedJson<T>(result.Value) : ApiResults.Problem(result.Error!);
}
