using System.Buffers.Binary;

namespace SalesMentor.Core.Demo;

/// <summary>The independent random streams of the demo; each (seed, stream, index) is its own sequence.</summary>
internal enum DemoStream
{
    Organization = 1,
    PersonIds = 2,
    Performance = 3,
    Quotas = 4,
    Accounts = 5,
    Opportunities = 6,
    Activities = 7,
    Mentoring = 8,
}

/// <summary>
/// SplitMix64 (Steele, Lea, Flood 2014): a tiny, fast generator with a fixed, documented algorithm, so the
/// demo is identical on every runtime and platform (unlike <see cref="Random"/>, whose algorithm may change).
/// A generator is keyed by (seed, stream, index) so every rep gets its own stream and can be generated alone.
/// </summary>
internal sealed class DemoRandom
{
    private const ulong Golden = 0x9E3779B97F4A7C15UL;
    private ulong _state;

    internal DemoRandom(ulong state) => _state = state;

    /// <summary>The generator of one stream; different (seed, stream, index) give unrelated sequences.</summary>
    internal static DemoRandom Create(int seed, DemoStream stream, int index)
    {
        // Reinterpreting the bits of negative seeds and indexes is intended.
        unchecked
        {
            var key = ((ulong)(uint)stream << 32) | (uint)index;
            return new DemoRandom(Mix(Mix((ulong)(uint)seed + Golden) ^ key));
        }
    }

    /// <summary>The next 64 uniformly distributed bits.</summary>
    internal ulong NextUInt64()
    {
        // SplitMix64 is arithmetic modulo 2^64: the wrap-around is the algorithm, not an overflow
        // (DemoRandomTests checks the published reference output).
        unchecked
        {
            _state += Golden;
            return Mix(_state);
        }
    }

    /// <summary>Uniform in [0, 1), 53 bits of precision.</summary>
    internal double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

    /// <summary>Uniform integer in [0, maxExclusive); 0 when maxExclusive ≤ 1.</summary>
    internal int NextInt(int maxExclusive) => maxExclusive <= 1 ? 0 : (int)(NextDouble() * maxExclusive);

    /// <summary>Uniform in [min, max).</summary>
    internal double Between(double min, double max) => min + ((max - min) * NextDouble());

    /// <summary>True with probability <paramref name="probability"/>.</summary>
    internal bool Chance(double probability) => NextDouble() < probability;

    /// <summary>Standard normal (Box–Muller); always consumes exactly two draws.</summary>
    internal double NextGaussian()
    {
        var u1 = 1.0 - NextDouble();
        var u2 = NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
    }

    /// <summary>Poisson-distributed count with the given mean (normal approximation above 30).</summary>
    internal int NextPoisson(double mean)
    {
        if (mean <= 0) return 0;
        if (mean > 30) return (int)Math.Max(0, Math.Round(mean + (Math.Sqrt(mean) * NextGaussian())));
        var limit = Math.Exp(-mean);
        var count = -1;
        var product = 1.0;
        do
        {
            count++;
            product *= NextDouble();
        }
        while (product > limit);
        return count;
    }

    /// <summary>A uniformly chosen element.</summary>
    internal T Pick<T>(IReadOnlyList<T> items) => items[NextInt(items.Count)];

    /// <summary>An index chosen with probability proportional to its weight (weights ≥ 0, sum &gt; 0).</summary>
    internal int PickWeighted(IReadOnlyList<double> weights)
    {
        var total = 0.0;
        foreach (var weight in weights) total += weight;
        var target = NextDouble() * total;
        for (var i = 0; i < weights.Count; i++)
        {
            target -= weights[i];
            if (target < 0) return i;
        }

        return weights.Count - 1;
    }

    /// <summary>Fisher–Yates shuffle in place.</summary>
    internal void Shuffle<T>(IList<T> items)
    {
        for (var i = items.Count - 1; i > 0; i--)
        {
            var j = NextInt(i + 1);
            (items[i], items[j]) = (items[j], items[i]);
        }
    }

    /// <summary>A random GUID shaped as version 4 (RFC 9562), from 128 bits of this stream.</summary>
    internal Guid NextGuid()
    {
        Span<byte> bytes = stackalloc byte[16];
        BinaryPrimitives.WriteUInt64BigEndian(bytes, NextUInt64());
        BinaryPrimitives.WriteUInt64BigEndian(bytes[8..], NextUInt64());
        bytes[6] = (byte)((bytes[6] & 0x0F) | 0x40);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes, bigEndian: true);
    }

    private static ulong Mix(ulong z)
    {
        unchecked
        {
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
            return z ^ (z >> 31);
        }
    }
}
