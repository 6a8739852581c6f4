namespace SalesMentor.App.Common;

/// <summary>
/// Free text typed by people (names of things, goals, answers, reasons): trimmed, bounded, and without control
/// characters or broken Unicode (PostgreSQL refuses NUL; a lone surrogate cannot be stored as UTF-8). Line breaks
/// and tabs are allowed where <c>multiline</c> says so. Real names and text in any script round-trip unchanged.
/// </summary>
public static class TextRules
{
    public const int MaxName = 200;
    public const int MaxText = 2000;

    /// <summary>The trimmed text (null when empty and optional), or an error naming the field.</summary>
    public static Result<string?> Read(string? text, string field, string what, int max, bool required = false, bool multiline = false)
    {
        var value = text?.Trim() ?? "";
        if (value.Length == 0)
        {
            return required ? Error.Validation($"{field}.required", $"Give {what}.") : Result<string?>.Success(null);
        }

        if (value.Length > max) return Error.Validation($"{field}.too_long", $"{Capital(what)} is longer than {max:N0} characters.");
        if (value.Any(c => char.IsControl(c) && !(multiline && c is '\r' or '\n' or '\t')) || !Core.Text.TextFold.IsWellFormed(value))
        {
            return Error.Validation($"{field}.invalid", $"{Capital(what)} contains control characters or broken Unicode.");
        }

        return value;
    }

    private static string Capital(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];
}
