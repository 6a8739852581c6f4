using System.Globalization;
using SalesMentor.App.Features.People;

namespace SalesMentor.App.Import;

/// <summary>
/// Text and yes/no cells of CRM files. Text is kept as written (trimmed): names in any script,
/// quotes, emoji, even control characters round-trip unchanged. Only what no database column can
/// hold is refused: a NUL character, broken Unicode (an unpaired surrogate) and text longer than
/// the column.
/// </summary>
internal static class CellText
{
    /// <summary>The cell's text, trimmed and without our exports' formula guard (see <see cref="RosterRowParser.Clean"/>); null when empty.</summary>
    public static string? Text(string? cell, int max, string what, out string? problem)
    {
        problem = null;
        var text = RosterRowParser.Clean(cell);
        if (string.IsNullOrEmpty(text)) return null;
        if (text.Length > max) problem = string.Create(CultureInfo.InvariantCulture, $"The {what} is longer than {max:#,0} characters.");
        else if (text.Contains('\0', StringComparison.Ordinal)) problem = $"The {what} contains a NUL character, which cannot be stored.";
        else if (!Core.Text.TextFold.IsWellFormed(text)) problem = $"The {what} contains broken Unicode (an unpaired surrogate).";
        return problem is null ? text : null;
    }

    /// <summary>
    /// A yes/no cell as CRMs write it: <c>1</c>/<c>0</c>, <c>true</c>/<c>false</c>, <c>yes</c>/<c>no</c>
    /// (any case); an empty cell is no (Salesforce leaves false flags empty).
    /// </summary>
    public static bool Bool(string? cell, string what, out string? problem)
    {
        problem = null;
        var text = cell?.Trim() ?? "";
        if (text.Length == 0) return false;
        if (text is "1" || Is(text, "true") || Is(text, "yes") || Is(text, "y")) return true;
        if (text is "0" || Is(text, "false") || Is(text, "no") || Is(text, "n")) return false;
        problem = $"'{Short(text)}' is not a yes/no value for {what}; write 1 or 0, true or false, yes or no.";
        return false;
    }

    /// <summary>A whole number between <paramref name="min"/> and <paramref name="max"/> (a trailing <c>%</c> and zero decimals allowed); null when empty.</summary>
    public static int? Whole(string? cell, int min, int max, string what, out string? problem)
    {
        problem = null;
        var text = cell?.Trim().TrimEnd('%').Trim() ?? "";
        if (text.Length == 0) return null;
        if (!decimal.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint,
                CultureInfo.InvariantCulture, out var value) || value != decimal.Truncate(value))
        {
            problem = $"'{Short(text)}' is not a whole number for {what}.";
            return null;
        }

        if (value < min || value > max)
        {
            problem = string.Create(CultureInfo.InvariantCulture, $"The {what} must be between {min} and {max}; the file has {Short(text)}.");
            return null;
        }

        return (int)value;
    }

    /// <summary>The cell shortened for a message: at most 60 characters.</summary>
    public static string Short(string text) => PersonRules.Shorten(text);

    private static bool Is(string text, string word) => string.Equals(text, word, StringComparison.OrdinalIgnoreCase);
}
