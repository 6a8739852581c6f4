using Microsoft.EntityFrameworkCore;
using SalesMentor.App.Common;
using SalesMentor.App.Data;
using SalesMentor.App.Import.Crm;

namespace SalesMentor.App.Features.ExchangeRates;

/// <summary>Checks a rate the way the CSV import does: a three-letter code that is not the corporate currency, a rate above 0 (kept to 10 decimals).</summary>
internal static class ExchangeRateInput
{
    public const decimal MaxRate = 99_999_999_999_999_999m;

    public static async Task<Result<(string Currency, decimal Rate)>> CheckAsync(SalesMentorDb db, ExchangeRateRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var corporate = await db.OrganizationSettings.AsNoTracking().Select(s => s.CorporateCurrency).SingleAsync(ct);
        if (ExchangeRateRules.Currency(request.Currency ?? "", corporate, out var currencyProblem) is not { } currency)
        {
            return Error.Validation("exchange_rate.currency", currencyProblem!);
        }

        var rate = Math.Round(request.Rate, 10);
        if (ExchangeRateRules.Rate(rate, out var rateProblem) is null) return Error.Validation("exchange_rate.rate", rateProblem!);
        if (rate > MaxRate) return Error.Validation("exchange_rate.rate", "The rate is too large.");
        return (currency, rate);
    }

    public static Task<bool> TakenAsync(SalesMentorDb db, string currency, DateOnly from, Guid? except, CancellationToken ct) =>
        db.ExchangeRates.AnyAsync(r => r.Currency == currency && r.ValidFrom == from && r.Id != except, ct);

    public static Error Taken(string currency, DateOnly from) =>
        Error.Conflict("exchange_rate.exists", string.Create(System.Globalization.CultureInfo.InvariantCulture, $"There is already a rate for {currency} from {from:yyyy-MM-dd}; edit that one."));
}
