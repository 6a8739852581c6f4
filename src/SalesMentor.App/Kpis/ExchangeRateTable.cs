namespace SalesMentor.App.Kpis;

/// <summary>
/// The organization's exchange rates for one computation: for each currency, rates by the day they start to apply;
/// a rate holds from its <c>ValidFrom</c> until the next rate of the same currency.
/// </summary>
internal sealed class ExchangeRateTable
{
    private readonly Dictionary<string, (DateOnly[] From, decimal[] Rate)> _byCurrency;

    public ExchangeRateTable(IEnumerable<(string Currency, DateOnly ValidFrom, decimal Rate)> rates)
    {
        _byCurrency = rates
            .Where(r => r.Rate > 0)
            .GroupBy(r => r.Currency.Trim().ToUpperInvariant(), StringComparer.Ordinal)
            .ToDictionary(
                g => g.Key,
                g =>
                {
                    var ordered = g.OrderBy(r => r.ValidFrom).ToArray();
                    return (ordered.Select(r => r.ValidFrom).ToArray(), ordered.Select(r => r.Rate).ToArray());
                },
                StringComparer.Ordinal);
    }

    /// <summary>Corporate-currency units per unit of <paramref name="currency"/> on <paramref name="day"/>; null when no rate applies yet.</summary>
    public decimal? RateOn(string currency, DateOnly day)
    {
        if (!_byCurrency.TryGetValue(currency, out var rates)) return null;
        var index = Array.BinarySearch(rates.From, day);
        if (index < 0) index = ~index - 1;   // the last rate that started on or before the day
        return index >= 0 ? rates.Rate[index] : null;
    }
}
