using System.Globalization;
using System.Text;

namespace SalesMentor.Core.Text;

/// <summary>Folds text for matching people's input against stored names.</summary>
public static class TextFold
{
    /// <summary>
    /// Upper-cased, accents removed, whitespace collapsed: "  Zoë   O'Brien " → "ZOE O'BRIEN".
    /// Letters without a decomposition (李小龍, Łukasz's Ł) stay as they are.
    /// </summary>
    public static string ForSearch(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return "";
        var decomposed = text.Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder(decomposed.Length);
        var pendingSpace = false;
        foreach (var c in decomposed)
        {
            var category = CharUnicodeInfo.GetUnicodeCategory(c);
            if (category is UnicodeCategory.NonSpacingMark or UnicodeCategory.EnclosingMark) continue;
            if (char.IsWhiteSpace(c))
            {
                pendingSpace = builder.Length > 0;
                continue;
            }

            if (pendingSpace)
            {
                builder.Append(' ');
                pendingSpace = false;
            }

            builder.Append(char.ToUpperInvariant(c));
        }

        return builder.ToString().Normalize(NormalizationForm.FormC);
    }

    /// <summary>Trimmed, whitespace collapsed, upper-cased (accents kept): the key for "same name".</summary>
    public static string NameKey(string? name)
    {
        if (string.IsNullOrWhiteSpace(name)) return "";
        return string.Join(' ', name.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)).ToUpperInvariant();
    }
}
