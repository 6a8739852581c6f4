using System.Globalization;
using System.Text;

namespace SalesMentor.App.Import;

/// <summary>
/// Money cells. Two readings: <see cref="Plain"/> for files written by programs (CRM data exports,
/// a column mapping that names its decimal separator) and <see cref="Formatted"/> for files
/// formatted for people (Salesforce report exports, hand-made quota sheets), which carry currency
/// codes or symbols and the exporter's thousands and decimal separators. Both refuse exponents
/// (<c>1e309</c>), more than 15 digits before the decimal separator, and — unless allowed —
/// negative amounts; amounts are rounded to 4 decimals, as stored (exchange rates to 10).
/// </summary>
internal static class CellAmount
{
    /// <summary>The largest amount a column holds: 15 digits before the decimal separator.</summary>
    public const decimal Max = 999_999_999_999_999.9999m;

    private static readonly Dictionary<string, string> Symbols = new(StringComparer.Ordinal)
    {
        ["€"] = "EUR", ["£"] = "GBP", ["¥"] = "JPY", ["₹"] = "INR", ["US$"] = "USD", ["C$"] = "CAD", ["A$"] = "AUD", ["CA$"] = "CAD", ["AU$"] = "AUD",
    };

    private static readonly HashSet<string> DollarCurrencies = new(StringComparer.Ordinal) { "USD", "CAD", "AUD", "NZD", "SGD", "HKD" };

    /// <summary>
    /// A number with <paramref name="decimalSeparator"/> (<c>.</c> or <c>,</c>) and, before it, optional
    /// grouping (<c>,</c> or <c>.</c> — whichever is not the decimal separator — spaces, apostrophes).
    /// Null when empty.
    /// </summary>
    public static decimal? Plain(string? cell, char decimalSeparator, bool allowNegative, string what, out string? problem, string? negativeHint = null, int decimals = 4)
    {
        problem = null;
        var text = cell?.Trim() ?? "";
        if (text.Length == 0) return null;
        var grouping = decimalSeparator == ',' ? '.' : ',';
        return Finish(Digits(text, decimalSeparator, grouping), text, allowNegative, what, negativeHint, decimals, out problem);
    }

    /// <summary>
    /// An amount formatted for people: <c>USD 1,234.56</c>, <c>1.234,56 €</c>, <c>$1,234.56</c>,
    /// <c>(1,234.56)</c>, <c>1 234,56</c>, <c>1'234.56</c>. The currency (an ISO code, or a symbol:
    /// € £ ¥ ₹, and $ as <paramref name="dollar"/>) is returned when written. The decimal separator is
    /// the last of <c>.</c> and <c>,</c> when both appear; when only one appears, it separates
    /// thousands if it appears more than once, or once with exactly three digits after it and a
    /// non-zero whole part of 1–3 digits (<c>1,234</c> is 1234, <c>1,5</c> and <c>0,250</c> are decimals).
    /// </summary>
    public static decimal? Formatted(string? cell, bool allowNegative, string dollar, string what, out string? currency, out string? problem, string? negativeHint = null)
    {
        problem = null;
        currency = null;
        var text = cell?.Trim() ?? "";
        if (text.Length == 0) return null;
        var number = StripCurrency(text, dollar, out currency);
        var negative = number.Length > 2 && number[0] == '(' && number[^1] == ')';
        if (negative) number = number[1..^1].Trim();
        var (dec, group) = Separators(number);
        var digits = Digits(number, dec, group);
        if (negative && digits is not null) digits = digits.StartsWith('-') ? null : "-" + digits;
        return Finish(digits, text, allowNegative, what, negativeHint, 4, out problem);
    }

    /// <summary>"$" read as the corporate currency when that is a dollar currency, else as US dollars.</summary>
    public static string DollarFor(string corporateCurrency) => DollarCurrencies.Contains(corporateCurrency) ? corporateCurrency : "USD";

    private static string StripCurrency(string text, string dollar, out string? currency)
    {
        currency = null;
        var parts = text.Split([' ', '\u00A0', '\u202F'], 2, StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length == 2 && IsCode(parts[0])) return Take(parts[1], parts[0], out currency);
        var last = text.LastIndexOfAny([' ', '\u00A0', '\u202F']);
        if (last > 0 && IsCode(text[(last + 1)..])) return Take(text[..last], text[(last + 1)..], out currency);
        foreach (var (symbol, code) in Symbols.Append(new("$", dollar)))
        {
            if (text.StartsWith(symbol, StringComparison.Ordinal)) return Take(text[symbol.Length..], code, out currency);
            if (text.StartsWith("-" + symbol, StringComparison.Ordinal)) return Take("-" + text[(symbol.Length + 1)..], code, out currency);
            if (text.EndsWith(symbol, StringComparison.Ordinal)) return Take(text[..^symbol.Length], code, out currency);
        }

        return text;
    }

    private static string Take(string rest, string code, out string? currency)
    {
        currency = code;
        return rest.Trim();
    }

    private static bool IsCode(string text) => text.Length == 3 && text.All(c => c is >= 'A' and <= 'Z');

    private static (char Decimal, char Grouping) Separators(string number)
    {
        var lastDot = number.LastIndexOf('.');
        var lastComma = number.LastIndexOf(',');
        if (lastDot >= 0 && lastComma >= 0) return lastDot > lastComma ? ('.', ',') : (',', '.');
        var sep = lastDot >= 0 ? '.' : lastComma >= 0 ? ',' : '.';
        var other = sep == '.' ? ',' : '.';
        if (lastDot < 0 && lastComma < 0) return ('.', ',');
        var at = Math.Max(lastDot, lastComma);
        var count = number.Count(c => c == sep);
        var whole = number[..at].TrimStart('-', '+').Trim();
        var thousands = count > 1 || (number.Length - at - 1 == 3 && whole.Length is >= 1 and <= 3 && whole.TrimStart('0').Length > 0 && whole.All(char.IsAsciiDigit));
        return thousands ? (other, sep) : (sep, other);
    }

    // The number in invariant form ("-1234.5"), or null when the text is not one.
    private static string? Digits(string text, char dec, char group)
    {
        var builder = new StringBuilder(text.Length);
        var seenDecimal = false;
        var seenDigit = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsAsciiDigit(c)) { builder.Append(c); seenDigit = true; }
            else if ((c is '-' or '+') && builder.Length == 0 && !seenDigit) { if (c == '-') builder.Append('-'); }
            else if (c == '-' && i == text.Length - 1 && seenDigit && builder[0] != '-') builder.Insert(0, '-');
            else if (c == dec && !seenDecimal) { builder.Append('.'); seenDecimal = true; }
            else if (!seenDecimal && seenDigit && (c == group || c is ' ' or '\u00A0' or '\u202F' or '\'')) { }
            else return null;
        }

        return seenDigit ? builder.ToString() : null;
    }

    private static decimal? Finish(string? digits, string text, bool allowNegative, string what, string? negativeHint, int decimals, out string? problem)
    {
        problem = null;
        if (digits is null || !decimal.TryParse(digits, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value))
        {
            var tooBig = digits is not null && digits.TrimStart('-').Split('.')[0].TrimStart('0').Length > 15;
            problem = tooBig ? $"'{CellText.Short(text)}' is too large for {what}: at most 15 digits before the decimal separator."
                : $"'{CellText.Short(text)}' is not a number for {what}.";
            return null;
        }

        if (Math.Abs(value) > Max)
        {
            problem = $"'{CellText.Short(text)}' is too large for {what}: at most 15 digits before the decimal separator.";
            return null;
        }

        if (value < 0 && !allowNegative)
        {
            problem = $"'{CellText.Short(text)}' is negative; {what} must be 0 or more.{(negativeHint is null ? "" : " " + negativeHint)}";
            return null;
        }

        return Math.Round(value, decimals, MidpointRounding.ToEven);
    }
}
