namespace SalesMentor.App.Common;

public enum ErrorKind
{
    /// <summary>The input breaks a rule; the user can fix it (400 / form error / exit code 2).</summary>
    Validation,

    /// <summary>Missing, or hidden from this actor: the two are indistinguishable on purpose (404).</summary>
    NotFound,

    /// <summary>Someone else changed the record first, or it clashes with another (409).</summary>
    Conflict,

    /// <summary>The actor may know the record exists but may not do this (403).</summary>
    Forbidden,
}

/// <summary>An expected failure: a stable machine <see cref="Code"/> and a message for people.</summary>
public sealed record Error(ErrorKind Kind, string Code, string Message)
{
    public static Error Validation(string code, string message) => new(ErrorKind.Validation, code, message);

    public static Error NotFound(string what) => new(ErrorKind.NotFound, $"{what}.not_found", $"No such {what}.");

    public static Error Conflict(string code, string message) => new(ErrorKind.Conflict, code, message);

    public static Error Forbidden(string code, string message) => new(ErrorKind.Forbidden, code, message);

    /// <summary>The standard answer to an edit made against an older version of a record.</summary>
    public static Error StaleEdit(string what) => new(
        ErrorKind.Conflict, "concurrency.conflict",
        $"Someone else changed this {what} while you were editing. Reload to see their change, then apply yours again.");
}

/// <summary>The outcome of a use case: a value, or an <see cref="Error"/>.</summary>
public readonly struct Result<T>
{
    private readonly T? _value;

    private Result(T? value, Error? error)
    {
        _value = value;
        Error = error;
    }

    public Error? Error { get; }

    public bool IsSuccess => Error is null;

    public T Value => IsSuccess ? _value! : throw new InvalidOperationException($"No value: {Error!.Code}");

    internal static Result<T> Success(T value) => new(value, null);

    internal static Result<T> Failure(Error error) => new(default, error ?? throw new ArgumentNullException(nameof(error)));

#pragma warning disable CA2225 // The implicit conversions are the point: `return value;` / `return Error.NotFound(...)`.
    public static implicit operator Result<T>(T value) => Success(value);

    public static implicit operator Result<T>(Error error) => Failure(error);
#pragma warning restore CA2225
}

/// <summary>A use case that succeeds with nothing to return.</summary>
public sealed record Done
{
    public static Done Value { get; } = new();
}
