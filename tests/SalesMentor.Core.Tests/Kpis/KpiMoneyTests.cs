using SalesMentor.Core.Kpis;

namespace SalesMentor.Core.Tests.Kpis;

public sealed class KpiMoneyTests
{
    [Theory]
    [InlineData("1234.56", 12_345_600L)]
    [InlineData("0.0001", 1L)]
    [InlineData("-7.5", -75_000L)]
    [InlineData("922337203685477.5807", long.MaxValue)]
    public void FromDecimal_FourDecimalsOrFewer_IsExact(string amount, long units)
    {
        var value = decimal.Parse(amount, System.Globalization.CultureInfo.InvariantCulture);

        Assert.Equal(units, KpiMoney.FromDecimal(value));
        Assert.Equal(value, KpiMoney.ToDecimal(units));
    }

    [Theory]
    [InlineData("0.00001")]
    [InlineData("922337203685477.5808")]
    [InlineData("1e20")]
    public void FromDecimal_NotRepresentable_Throws(string amount)
        => Assert.Throws<ArgumentException>(() => KpiMoney.FromDecimal(decimal.Parse(amount, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture)));

    [Theory]
    [InlineData(5, 2, 3)]
    [InlineData(-5, 2, -3)]
    [InlineData(7, 3, 2)]
    [InlineData(8, 3, 3)]
    [InlineData(500_001, 2, 250_001)]
    [InlineData(long.MaxValue, 1, long.MaxValue)]
    [InlineData(long.MaxValue, 2, 4_611_686_018_427_387_904)]
    public void DivideRounded_Halves_GoAwayFromZero(long numerator, long denominator, long expected)
        => Assert.Equal(expected, KpiMoney.DivideRounded(numerator, denominator));

    [Theory]
    // 9,000.00 over a 90-day quarter: January (31 days) gets 3,100.00; a 91-day quarter of 10,000.00 gives April 30/91.
    [InlineData(90_000_000, 31, 90, 31_000_000)]
    [InlineData(100_000_000, 30, 91, 32_967_033)]
    [InlineData(91_000_000, 29, 91, 29_000_000)]
    [InlineData(1, 1, 2, 1)]
    [InlineData(-1, 1, 2, -1)]
    [InlineData(long.MaxValue, 366, 366, long.MaxValue)]
    [InlineData(long.MaxValue, 365, 366, 9_198_171_566_808_724_507)]
    public void Prorate_ShareOfDays_RoundsHalfAwayFromZeroWithoutOverflow(long amount, int part, int whole, long expected)
        => Assert.Equal(expected, KpiMoney.Prorate(amount, part, whole));
}
