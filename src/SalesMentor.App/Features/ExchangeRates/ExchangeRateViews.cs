using SalesMentor.App.Domain;

namespace SalesMentor.App.Features.ExchangeRates;

/// <summary>An exchange rate: <see cref="Rate"/> corporate-currency units per one unit of <see cref="Currency"/>, from <see cref="ValidFrom"/> on.</summary>
public sealed record ExchangeRateView(Guid Id, string Currency, DateOnly ValidFrom, decimal Rate, int Version)
{
    internal static ExchangeRateView From(ExchangeRate rate) => new(rate.Id, rate.Currency, rate.ValidFrom, rate.Rate, rate.Version);
}

/// <summary>The rates, newest first per currency, and the corporate currency they convert to.</summary>
public sealed record ExchangeRateList(string CorporateCurrency, IReadOnlyList<ExchangeRateView> Rates);

/// <param name="Version">For an edit: the version it was made against.</param>
public sealed record ExchangeRateRequest(string Currency, DateOnly ValidFrom, decimal Rate, int Version = 0);
