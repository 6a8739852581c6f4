using SalesMentor.Core.Demo;

namespace SalesMentor.Core.Tests.Demo;

public sealed class DemoRandomTests
{
    [Fact]
    public void NextUInt64_Seed1234567_MatchesSplitMix64ReferenceOutput()
    {
        // Reference output of SplitMix64 (Steele, Lea, Flood) for state 1234567; proves the unchecked
        // arithmetic wraps modulo 2^64 as the algorithm requires instead of throwing or saturating.
        var random = new DemoRandom(1234567);

        ulong[] actual = [random.NextUInt64(), random.NextUInt64(), random.NextUInt64()];

        Assert.Equal([6457827717110365317UL, 3203168211198807973UL, 9817491932198370423UL], actual);
    }

    [Theory]
    [InlineData(1, 6, 7, 1, 6, 8)]
    [InlineData(1, 6, 7, 1, 7, 7)]
    [InlineData(1, 6, 7, 2, 6, 7)]
    [InlineData(7, 6, 1, 1, 6, 7)]
    [InlineData(-1, 1, 0, 1, 1, 0)]
    public void Create_DifferentKeys_GiveDifferentStreams(int seedA, int streamA, int indexA, int seedB, int streamB, int indexB)
    {
        var a = DemoRandom.Create(seedA, (DemoStream)streamA, indexA);
        var b = DemoRandom.Create(seedB, (DemoStream)streamB, indexB);

        Assert.NotEqual(Enumerable.Range(0, 4).Select(_ => a.NextUInt64()), Enumerable.Range(0, 4).Select(_ => b.NextUInt64()));
    }

    [Fact]
    public void Create_SameKey_GivesSameStream()
    {
        var a = DemoRandom.Create(42, DemoStream.Accounts, 3);
        var b = DemoRandom.Create(42, DemoStream.Accounts, 3);

        Assert.Equal(Enumerable.Range(0, 8).Select(_ => a.NextUInt64()), Enumerable.Range(0, 8).Select(_ => b.NextUInt64()));
    }

    [Theory]
    [InlineData(0.5)]
    [InlineData(3.0)]
    [InlineData(27.0)]
    [InlineData(80.0)]
    public void NextPoisson_ManyDraws_AverageIsTheMean(double mean)
    {
        var random = DemoRandom.Create(1, DemoStream.Organization, 0);

        var average = Enumerable.Range(0, 20_000).Average(_ => random.NextPoisson(mean));

        Assert.InRange(average, mean * 0.97, (mean * 1.03) + 0.02);
    }

    [Fact]
    public void NextGuid_Always_IsVersion4WithRfcVariant()
    {
        var random = DemoRandom.Create(5, DemoStream.PersonIds, 0);

        for (var i = 0; i < 100; i++)
        {
            var text = random.NextGuid().ToString("D");
            Assert.Equal('4', text[14]);
            Assert.Contains(text[19], "89ab");
        }
    }
}
