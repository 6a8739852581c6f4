using System.Globalization;
using System.Text.RegularExpressions;
using SalesMentor.Core.Kpis;

namespace SalesMentor.App.Kpis;

/// <summary>
/// The stable text keys of periods in URLs, the API and the command line: a month is <c>2026-03</c>, a fiscal
/// quarter <c>2026-Q3</c> (quarter 3 of fiscal year 2026), a fiscal year <c>FY2026</c>. Fiscal years are named by
/// the calendar year they end in (see docs/kpis.md).
/// </summary>
public static partial class KpiPeriodKeys
{
    /// <summary>The key of <paramref name="period"/>; custom spans are keyed by their label.</summary>
    public static string KeyOf(Period period) => period.Kind switch
    {
        PeriodKind.FiscalQuarter => period.Label.Replace("FY", "", StringComparison.Ordinal).Replace(' ', '-'),
        _ => period.Label,
    };

    /// <summary>"month", "quarter" or "year" (null for anything else).</summary>
    public static PeriodKind? ParseKind(string? text) => text?.Trim().ToLowerInvariant() switch
    {
        "month" or "months" => PeriodKind.Month,
        "quarter" or "quarters" or "fiscal-quarter" => PeriodKind.FiscalQuarter,
        "year" or "years" or "fiscal-year" => PeriodKind.FiscalYear,
        _ => null,
    };

    /// <summary>The API's name of a kind: month, quarter, year (custom for anything else).</summary>
    public static string NameOf(PeriodKind kind) => kind switch
    {
        PeriodKind.Month => "month",
        PeriodKind.FiscalQuarter => "quarter",
        PeriodKind.FiscalYear => "year",
        _ => "custom",
    };

    /// <summary>
    /// Reads a period key, forgiving case and the separators people type: <c>2026-03</c>; <c>2026-Q3</c>,
    /// <c>FY2026-Q3</c>, <c>FY2026 Q3</c>; <c>FY2026</c>. Returns the canonical key and its kind, or false.
    /// </summary>
    public static bool TryParse(string? text, out PeriodKind kind, out string key)
    {
        (kind, key) = (PeriodKind.Custom, "");
        if (string.IsNullOrWhiteSpace(text) || text.Length > 32) return false;
        var trimmed = text.Trim();
        if (MonthKey().Match(trimmed) is { Success: true } month && Number(month.Groups[2].Value) is >= 1 and <= 12)
        {
            (kind, key) = (PeriodKind.Month, $"{month.Groups[1].Value}-{month.Groups[2].Value}");
            return InRange(month.Groups[1].Value);
        }

        if (QuarterKey().Match(trimmed) is { Success: true } quarter)
        {
            (kind, key) = (PeriodKind.FiscalQuarter, $"{quarter.Groups[1].Value}-Q{quarter.Groups[2].Value}");
            return InRange(quarter.Groups[1].Value);
        }

        if (YearKey().Match(trimmed) is { Success: true } year)
        {
            (kind, key) = (PeriodKind.FiscalYear, $"FY{year.Groups[1].Value}");
            return InRange(year.Groups[1].Value);
        }

        return false;
    }

    private static int Number(string digits) => int.Parse(digits, NumberStyles.None, CultureInfo.InvariantCulture);

    private static bool InRange(string year) => Number(year) is >= 1900 and <= 2999;

    [GeneratedRegex(@"^(\d{4})-(\d{2})$", RegexOptions.CultureInvariant)]
    private static partial Regex MonthKey();

    [GeneratedRegex(@"^(?:FY)?(\d{4})[- ]?Q([1-4])$", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex QuarterKey();

    [GeneratedRegex(@"^FY ?(\d{4})$", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex YearKey();
}
