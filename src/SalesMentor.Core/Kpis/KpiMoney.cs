namespace SalesMentor.Core.Kpis;

/// <summary>
/// Money in the KPI engine: an amount in the organization's corporate currency as a whole number of
/// 1/10,000 currency units (the scale of SQL <c>decimal(19,4)</c>), so that sums are exact and fast.
/// 1,234.56 is 12,345,600. The largest amount is about ±922 trillion currency units.
/// </summary>
public static class KpiMoney
{
    /// <summary>Fixed-point units in one currency unit: 10,000.</summary>
    public const long UnitsPerCurrencyUnit = 10_000;

    /// <summary>Converts an amount to fixed point, exactly.</summary>
    /// <exception cref="ArgumentException">The amount has more than 4 decimal places, or is out of range.</exception>
    public static long FromDecimal(decimal amount)
        => TryFromDecimal(amount, out var units)
            ? units
            : throw new ArgumentException($"The amount {amount} cannot be stored exactly with 4 decimal places.", nameof(amount));

    /// <summary>Converts an amount to fixed point; false when it has more than 4 decimal places or is out of range.</summary>
    public static bool TryFromDecimal(decimal amount, out long units)
    {
        units = 0;
        if (decimal.Round(amount, 4) != amount) return false;
        var scaled = amount * UnitsPerCurrencyUnit;   // exact: at most 4 decimals and far below decimal's 28 digits
        if (scaled < long.MinValue || scaled > long.MaxValue) return false;
        units = (long)scaled;
        return true;
    }

    /// <summary>The fixed-point amount as a decimal in currency units, exactly.</summary>
    public static decimal ToDecimal(long units) => units / (decimal)UnitsPerCurrencyUnit;

    /// <summary>
    /// <paramref name="numerator"/> / <paramref name="denominator"/> rounded to the nearest whole unit, halves away
    /// from zero (2.5 → 3, −2.5 → −3); the rounding used for average deal size and prorated quotas.
    /// </summary>
    /// <exception cref="DivideByZeroException"><paramref name="denominator"/> is 0.</exception>
    public static long DivideRounded(long numerator, long denominator)
    {
        if (denominator == 0) throw new DivideByZeroException();
        // In 128 bits neither the quotient nor twice the remainder can overflow.
        var (quotient, remainder) = Int128.DivRem(numerator, denominator);
        if (remainder != 0 && Int128.Abs(remainder) * 2 >= Int128.Abs(denominator))
        {
            quotient += (numerator < 0) == (denominator < 0) ? 1 : -1;
        }

        return (long)quotient;
    }

    /// <summary>
    /// <paramref name="amount"/> × <paramref name="part"/> / <paramref name="whole"/> rounded to the nearest unit, halves away
    /// from zero, computed without intermediate overflow; exactly <paramref name="amount"/> when part = whole.
    /// </summary>
    public static long Prorate(long amount, int part, int whole)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(whole);
        if (part == whole) return amount;
        var product = (Int128)amount * part;
        var quotient = Int128.DivRem(product, whole);
        var result = quotient.Quotient;
        if (Int128.Abs(quotient.Remainder) * 2 >= whole) result += product < 0 ? -1 : 1;
        return (long)result;
    }
}
