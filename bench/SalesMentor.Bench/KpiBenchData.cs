using SalesMentor.Core.Kpis;

namespace SalesMentor.Bench;

/// <summary>
/// The kpi-l input, generated deterministically from a seed: 5,000 reps with their own volume, win rate, deal size
/// and speed; 1,000,000 opportunities and 2,000,000 activities in random owner order over 36 months; a quota per rep
/// and quarter (some missing, some yearly). Includes the edge cases the definitions care about: missing amounts,
/// missing created dates, closed deals without a close date, close before created, deals created before the window.
/// </summary>
internal sealed class KpiBenchData
{
    internal const int Reps = 5_000;
    internal const int OpportunityCount = 1_000_000;
    internal const int ActivityCount = 2_000_000;
    internal const int Months = 36;
    internal static readonly DateOnly WindowStart = new(2024, 1, 1);
    internal static readonly DateOnly WindowEnd = WindowStart.AddMonths(Months);
    internal static readonly DateOnly AsOf = WindowEnd.AddDays(-1);

    internal required KpiOpportunity[] Opportunities { get; init; }

    internal required KpiActivity[] Activities { get; init; }

    internal required KpiQuota[] Quotas { get; init; }

    internal KpiInput ToInput() => new(Reps, Opportunities, Activities, Quotas);

    internal static IReadOnlyList<Period> Periods() => new FiscalCalendar(1).PeriodsBetween(PeriodKind.Month, WindowStart, WindowEnd);

    internal static KpiBenchData Generate(ulong seed)
    {
        var random = new SplitMix(seed);
        var volume = new double[Reps];
        var winRate = new double[Reps];
        var dealSize = new double[Reps];
        var speed = new double[Reps];
        var activity = new double[Reps];
        for (var r = 0; r < Reps; r++)
        {
            volume[r] = 0.4 + (1.2 * random.NextDouble());
            winRate[r] = 0.1 + (0.35 * random.NextDouble());
            dealSize[r] = 2_000 + (40_000 * random.NextDouble() * random.NextDouble());
            speed[r] = 0.6 + (0.8 * random.NextDouble());
            activity[r] = 0.3 + (1.4 * random.NextDouble());
        }

        var byVolume = Cumulative(volume);
        var byActivity = Cumulative(activity);
        var first = WindowStart.DayNumber - 90;   // some pipeline was created before the window
        var last = AsOf.DayNumber;
        var opportunities = new KpiOpportunity[OpportunityCount];
        for (var i = 0; i < opportunities.Length; i++)
        {
            var owner = Pick(byVolume, random.NextDouble());
            var created = first + (int)(random.NextDouble() * (last - first + 1));
            var cycle = 3 + (int)(-Math.Log(1 - random.NextDouble()) * 45 / speed[owner]);
            var close = created + cycle;
            var problem = random.NextDouble();
            long? amount = random.NextDouble() < 0.02 ? null
                : (long)Math.Round(dealSize[owner] * Math.Exp(0.6 * Gaussian(random)) * 100) * 100;   // whole cents
            DateOnly? createdOn = problem < 0.01 ? null : DateOnly.FromDayNumber(created);
            if (close <= last)
            {
                var won = random.NextDouble() < winRate[owner];
                if (problem is >= 0.01 and < 0.012) close = created - 1 - (int)(random.NextDouble() * 30);   // closed before created
                DateOnly? closeOn = problem is >= 0.012 and < 0.013 ? null : DateOnly.FromDayNumber(close);
                opportunities[i] = new KpiOpportunity(owner, createdOn, closeOn, true, won, amount);
            }
            else
            {
                DateOnly? expected = random.NextDouble() < 0.2 ? null : DateOnly.FromDayNumber(close);
                opportunities[i] = new KpiOpportunity(owner, createdOn, expected, false, false, amount);
            }
        }

        var activities = new KpiActivity[ActivityCount];
        for (var i = 0; i < activities.Length; i++)
        {
            var owner = Pick(byActivity, random.NextDouble());
            var day = WindowStart.DayNumber - 10 + (int)(random.NextDouble() * (last + 24 - WindowStart.DayNumber));
            var kind = random.NextDouble() switch
            {
                < 0.35 => ActivityType.Call,
                < 0.70 => ActivityType.Email,
                < 0.82 => ActivityType.Meeting,
                < 0.97 => ActivityType.Task,
                _ => ActivityType.Other,
            };
            var completed = day <= last && random.NextDouble() < 0.93;
            activities[i] = new KpiActivity(owner, DateOnly.FromDayNumber(day), kind, completed);
        }

        var quotas = new List<KpiQuota>();
        for (var r = 0; r < Reps; r++)
        {
            var perQuarter = volume[r] * OpportunityCount / Reps / 39.0 * 3 * 0.27 * 1.2 * dealSize[r];   // about what a typical rep wins
            var yearly = random.NextDouble() < 0.05;
            for (var q = 0; q < Months / 3; q++)
            {
                var start = WindowStart.AddMonths(q * 3);
                if (yearly)
                {
                    if (q % 4 == 0) quotas.Add(new KpiQuota(r, start, start.AddYears(1), (long)Math.Round(perQuarter * 4 / 100) * 100 * 10_000));
                    continue;
                }

                if (random.NextDouble() < 0.03) continue;   // no quota this quarter
                var amount = (long)Math.Round(perQuarter * (0.9 + (0.2 * random.NextDouble())) * 100) * 100;   // cents
                quotas.Add(new KpiQuota(r, start, start.AddMonths(3), amount));
            }
        }

        return new KpiBenchData { Opportunities = opportunities, Activities = activities, Quotas = [.. quotas] };
    }

    private static double[] Cumulative(double[] weights)
    {
        var cumulative = new double[weights.Length];
        var total = 0.0;
        for (var i = 0; i < weights.Length; i++) cumulative[i] = total += weights[i];
        for (var i = 0; i < weights.Length; i++) cumulative[i] /= total;
        return cumulative;
    }

    private static int Pick(double[] cumulative, double u)
    {
        var index = Array.BinarySearch(cumulative, u);
        return Math.Min(index >= 0 ? index : ~index, cumulative.Length - 1);
    }

    private static double Gaussian(SplitMix random)
        => Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}

/// <summary>SplitMix64: a tiny, fast, fully specified generator, so the input is the same on every machine and runtime.</summary>
internal sealed class SplitMix(ulong seed)
{
    private ulong _state = seed;

    internal ulong Next()
    {
        unchecked
        {
            var z = _state += 0x9E3779B97F4A7C15UL;
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
            return z ^ (z >> 31);
        }
    }

    /// <summary>Uniform in [0, 1), 53 bits.</summary>
    internal double NextDouble() => (Next() >> 11) * (1.0 / (1UL << 53));
}
