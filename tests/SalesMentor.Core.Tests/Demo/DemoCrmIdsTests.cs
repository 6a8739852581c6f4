using SalesMentor.Core.Demo;

namespace SalesMentor.Core.Tests.Demo;

public sealed class DemoCrmIdsTests
{
    [Theory]
    [InlineData("001A0000006Vm9r", "001A0000006Vm9rIAC")]
    [InlineData("00300000003T2PG", "00300000003T2PGAA0")]
    [InlineData("006000000000000", "006000000000000AAA")]
    public void WithSuffix_FifteenCharacterId_AppendsSalesforceCaseSafeSuffix(string id15, string expected)
        => Assert.Equal(expected, DemoCrmIds.WithSuffix(id15));

    [Theory]
    [InlineData(0, 3, "000")]
    [InlineData(61, 3, "00z")]
    [InlineData(62, 3, "010")]
    [InlineData(238_327, 3, "zzz")]
    public void Encode_Value_IsFixedWidthBase62(long value, int width, string expected)
        => Assert.Equal(expected, DemoCrmIds.Encode(value, width));

    [Fact]
    public void Encode_ValueTooLargeForWidth_Throws()
        => Assert.Throws<ArgumentOutOfRangeException>(() => DemoCrmIds.Encode(238_328, 3));

    [Theory]
    [InlineData(DemoActivityType.Meeting, "00U")]
    [InlineData(DemoActivityType.Call, "00T")]
    [InlineData(DemoActivityType.Task, "00T")]
    public void Activity_Type_UsesEventOrTaskKeyPrefix(DemoActivityType type, string prefix)
    {
        var id = DemoCrmIds.Activity("aB3x", 12, 345, type);

        Assert.StartsWith(prefix, id, StringComparison.Ordinal);
        Assert.Equal(18, id.Length);
        Assert.Equal(DemoCrmIds.WithSuffix(id[..15]), id);
    }
}
