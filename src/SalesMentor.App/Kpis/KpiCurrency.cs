using SalesMentor.Core.Kpis;

namespace SalesMentor.App.Kpis;

/// <summary>
/// Amounts into the corporate currency as the engine's fixed point (see <see cref="KpiMoney"/>): the rate valid on
/// the given day, rounded to 4 decimals (halves away from zero, like every rounding of the engine). An amount over a
/// trillion is a data error (and would bring the engine's sums near overflow): it is left out and reported.
/// </summary>
internal sealed class KpiCurrency(string corporate, ExchangeRateTable rates)
{
    private const decimal MaximumAmount = 1_000_000_000_000m;

    public string Corporate => corporate;

    /// <summary>A deal's amount; null when it has none, when its currency has no rate on <paramref name="day"/> (reported) or it is implausible (reported).</summary>
    /// <param name="day">The close date of a closed deal, the created date of an open one; a deal without it is in no period, so needs no rate.</param>
    public long? OfDeal(decimal? amount, string? currency, DateOnly? day, KpiLoadProblems problems, string? source, string? externalId)
    {
        if (amount is not { } value) return null;
        if (currency is not null && !IsCorporate(currency))
        {
            if (day is not { } d) return null;
            if (Multiply(value, rates.RateOn(Code(currency), d)) is not { } converted)
            {
                problems.DealsWithoutRateCount++;
                if (problems.DealsWithoutRate.Count < KpiLoadProblems.Examples)
                {
                    problems.DealsWithoutRate.Add(new DealWithoutRate(source ?? "", externalId ?? "", Code(currency), d));
                }

                return null;
            }

            value = converted;
        }

        if (Units(value) is { } units) return units;
        problems.ImplausibleAmounts++;
        return null;
    }

    /// <summary>A quota's amount at the rate of its first day; null when there is no rate or the amount is implausible.</summary>
    public long? OfQuota(decimal amount, string currency, DateOnly start)
    {
        if (IsCorporate(currency)) return Units(amount);
        return Multiply(amount, rates.RateOn(Code(currency), start)) is { } converted ? Units(converted) : null;
    }

    private bool IsCorporate(string currency) => string.Equals(Code(currency), corporate, StringComparison.Ordinal);

    private static string Code(string currency) => currency.Trim().ToUpperInvariant();

    private static long? Units(decimal amount)
    {
        var rounded = decimal.Round(amount, 4, MidpointRounding.AwayFromZero);
        return Math.Abs(rounded) <= MaximumAmount && KpiMoney.TryFromDecimal(rounded, out var units) ? units : null;
    }

    private static decimal? Multiply(decimal amount, decimal? rate)
    {
        if (rate is not { } r) return null;
        try
        {
            return amount * r;
        }
        catch (OverflowException)
        {
            return decimal.MaxValue;   // far over the maximum: reported as implausible
        }
    }
}
