using System.Globalization;

namespace SalesMentor.App.Import.Crm;

/// <summary>One exchange rate as read from a file.</summary>
internal sealed class RateRecord : IRecord
{
    public int Line { get; init; }
    public bool Bad { get; set; }
    public string? Currency { get; set; }
    public DateOnly? ValidFrom { get; set; }
    public decimal? Rate { get; set; }

    public IReadOnlyList<(string Field, string? Value)> Describe() =>
    [
        ("currency", Currency), ("valid from", ValidFrom?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
        ("rate", Rate?.ToString("0.##########", CultureInfo.InvariantCulture)),
    ];
}

/// <summary>
/// An exchange-rate file: <c>currency, valid_from, rate</c> — how many units of the corporate
/// currency one unit of the currency is worth, from that day until the next rate of the currency.
/// Rates are plain numbers with a decimal point, greater than 0, kept to 10 decimals; the corporate
/// currency itself needs no rate.
/// </summary>
internal sealed class RateFormat : IRecordFormat<RateRecord>
{
    private readonly Column _currency, _from, _rate;

    private RateFormat(HeaderIndex h)
    {
        _currency = h.Use("currency", "currency", "currency_code", "code");
        _from = h.Use("valid from", "valid_from", "from", "date", "start_date");
        _rate = h.Use("rate", "rate", "exchange_rate", "conversion_rate");
    }

    public string Format => "exchange-rates";
    public string Source => "";

    public static bool Fits(HeaderIndex h) => h.Has("rate", "exchange_rate", "conversion_rate") && h.Has("currency", "currency_code", "code");

    public static RateFormat? Bind(HeaderIndex h, List<string> problems)
    {
        ArgumentNullException.ThrowIfNull(h);
        var format = new RateFormat(h);
        SalesforceOpportunityFormat.Require(format._currency, "currency", "the ISO code of the currency the rate converts", problems);
        SalesforceOpportunityFormat.Require(format._from, "valid_from", "the first day the rate applies", problems);
        SalesforceOpportunityFormat.Require(format._rate, "rate", "corporate-currency units per one unit of the currency", problems);
        return problems.Count == 0 ? format : null;
    }

    public bool IsFooter(IReadOnlyList<string> cells) => false;

    public RateRecord Read(RowReader row)
    {
        ArgumentNullException.ThrowIfNull(row);
        var record = new RateRecord { Line = row.Line };
        var currency = row.Text(_currency, 10, "currency");
        if (currency is null) row.Problem(_currency, "The currency is empty.");
        else if (ExchangeRateRules.Currency(currency, row.Org.CorporateCurrency, out var problem) is { } code) record.Currency = code;
        else row.Problem(_currency, problem!);
        record.ValidFrom = row.IsoDate(_from, "valid from");
        if (record.ValidFrom is null && !row.Bad) row.Problem(_from, "The valid-from date is empty.");
        var rate = row.Plain(_rate, '.', allowNegative: true, "the rate", decimals: 10);
        if (rate is { } r && ExchangeRateRules.Rate(r, out var rateProblem) is null) row.Problem(_rate, rateProblem!);
        else record.Rate = rate;
        if (rate is null && !row.Bad) row.Problem(_rate, "The rate is empty.");
        record.Bad = row.Bad;
        return record;
    }

    public IEnumerable<string> Notices() => [];
}

/// <summary>The rules an exchange rate follows, for the page, the API and the import alike.</summary>
internal static class ExchangeRateRules
{
    /// <summary>The code upper-cased, or null with a reason: not three letters, or the corporate currency (which needs no rate).</summary>
    public static string? Currency(string text, string corporate, out string? problem)
    {
        ArgumentNullException.ThrowIfNull(text);
        problem = null;
        var code = text.Trim().ToUpperInvariant();
        if (!Common.Currencies.IsWellFormed(code)) problem = $"'{CellText.Short(text)}' is not a currency code; write three letters such as EUR or GBP.";
        else if (code == corporate) problem = $"{code} is the corporate currency: it needs no exchange rate.";
        return problem is null ? code : null;
    }

    /// <summary>The rate, or null with a reason when it is 0 or less.</summary>
    public static decimal? Rate(decimal rate, out string? problem)
    {
        problem = rate > 0 ? null : "The rate must be greater than 0 (corporate-currency units per one unit of the currency).";
        return problem is null ? rate : null;
    }
}
