using System.Net.Mail;
using SalesMentor.App.Common;

namespace SalesMentor.App.Features.People;

/// <summary>The rules a person's fields follow, shared by edits and imports.</summary>
public static class PersonRules
{
    public const int MaxName = 300;
    public const int MaxTitle = 300;
    public const int MaxEmail = 320;
    public const int MaxKey = 200;

    /// <summary>Trimmed name, or null with <paramref name="problem"/> set.</summary>
    public static string? Name(string? text, out string? problem)
    {
        var name = text?.Trim() ?? "";
        problem = name.Length switch
        {
            0 => "a name is required",
            > MaxName => $"the name is longer than {MaxName} characters",
            _ => HasControl(name) ? "the name contains control characters or broken Unicode" : null,
        };
        return problem is null ? name : null;
    }

    /// <summary>Lower-cased email, null when empty; <paramref name="problem"/> set when it is not an address.</summary>
    public static string? Email(string? text, out string? problem)
    {
        problem = null;
        var email = text?.Trim() ?? "";
        if (email.Length == 0) return null;
        if (email.Length > MaxEmail || HasControl(email) || !MailAddress.TryCreate(email, out var parsed) || parsed.Address != email || !email.Contains('@', StringComparison.Ordinal))
        {
            problem = $"'{Shorten(email)}' is not an email address";
            return null;
        }

        return email.ToLowerInvariant();
    }

    /// <summary>Optional free text (title, external id), trimmed; null when empty.</summary>
    public static string? Optional(string? text, int max, string what, out string? problem)
    {
        problem = null;
        var value = text?.Trim() ?? "";
        if (value.Length == 0) return null;
        if (value.Length > max) problem = $"the {what} is longer than {max} characters";
        else if (HasControl(value)) problem = $"the {what} contains control characters";
        return problem is null ? value : null;
    }

    /// <summary>A known IANA time zone id, or null; <paramref name="problem"/> set for an unknown one.</summary>
    public static string? TimeZone(string? text, out string? problem)
    {
        problem = null;
        var value = text?.Trim() ?? "";
        if (value.Length == 0) return null;
        if (TimeZones.Find(value) is null)
        {
            problem = $"'{Shorten(value)}' is not a known time zone (use an IANA id such as Europe/Berlin)";
            return null;
        }

        return value;
    }

    public static string? Dates(DateOnly? hired, DateOnly? left) =>
        hired is { } h && left is { } l && l < h ? "the left date is before the hire date" : null;

    public static string Shorten(string text) => text.Length <= 60 ? text : string.Concat(text.AsSpan(0, 57), "…");

    private static bool HasControl(string text) => text.Any(c => char.IsControl(c)) || !Core.Text.TextFold.IsWellFormed(text);
}
