namespace SalesMentor.App.Common;

public static class Currencies
{
    /// <summary>Three ASCII capital letters: the shape of an ISO 4217 code.</summary>
    public static bool IsWellFormed(string? code) =>
        code is { Length: 3 } && code.All(c => c is >= 'A' and <= 'Z');
}
