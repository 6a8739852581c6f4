using SalesMentor.Core.Demo;
using SalesMentor.Core.Impact;

namespace SalesMentor.Core.Tests.Impact;

/// <summary>A simulated program: the input the estimator sees and the truth it should find.</summary>
internal sealed record SimulatedProgram(ImpactInput Input, double TrueEffect, int[] MentorOf, double[] TrueLift)
{
    /// <summary>The truth the estimate targets: the mean over the given mentees of their planted effect over the first six mentored months.</summary>
    internal double TruthFor(IEnumerable<int> mentees) => mentees.Average(r => TrueLift[r]);
}

/// <summary>
/// A simulated sales organization whose KPI (win rate, in points) is built from parts the estimator must not be fooled by:
/// a rep's own level and long-run trend, a new-hire ramp, team level and team shocks, org-wide shocks and monthly noise.
/// Mentorship opens in staggered cohorts; at each opening reps select themselves on their recent level and trend
/// (low and falling reps join more), which is what biases a plain comparison. The planted effect adds
/// <c>effect</c> points to every mentee from their start on, or <c>effectAt(start, monthsSinceStart)</c> when given
/// (effects that grow and differ by cohort: the case where two-way fixed effects go wrong), plus the mentee's mentor's
/// own <c>mentorEffects</c> entry when given.
/// </summary>
internal static class SimulatedOrganization
{
    internal const int Teams = 8;

    internal static SimulatedProgram Generate(
        int seed, double effect, int reps = 300, int periods = 30, int[]? openings = null, double joinRate = 0.07, double selection = 1.0, int mentors = 12, Func<int, int, double>? effectAt = null, double[]? mentorEffects = null)
    {
        openings ??= [8, 12, 16, 20];
        var random = new DemoRandom(unchecked(((ulong)(uint)seed * 0x9E3779B97F4A7C15UL) + 12345));
        var common = new double[periods];
        for (var t = 0; t < periods; t++) common[t] = 1.5 * random.NextGaussian();
        var teamLevel = new double[Teams];
        var teamShock = new double[Teams * periods];
        for (var k = 0; k < Teams; k++)
        {
            teamLevel[k] = 3 * random.NextGaussian();
            for (var t = 0; t < periods; t++) teamShock[(k * periods) + t] = random.NextGaussian();
        }

        var values = new double[reps * periods];
        var tenure = new double[reps];
        var teams = new int[reps];
        var starts = new int[reps];
        var mentorOf = new int[reps];
        for (var r = 0; r < reps; r++)
        {
            teams[r] = r % Teams;
            starts[r] = ImpactInput.NotMentored;
            mentorOf[r] = -1;
            tenure[r] = random.Between(-10, 60);
            var level = 30 + teamLevel[teams[r]] + (5 * random.NextGaussian());
            var trend = 0.3 * random.NextGaussian();
            for (var t = 0; t < periods; t++)
            {
                var months = tenure[r] + t;
                values[(r * periods) + t] = months < 0
                    ? double.NaN
                    : level + (trend * (t - (periods / 2.0))) - (6 * Math.Exp(-months / 6)) + common[t] + teamShock[(teams[r] * periods) + t] + (2.5 * random.NextGaussian());
            }
        }

        // Self-selection at each opening, on the (untreated) level and trend of the six months before it.
        foreach (var g in openings)
        {
            for (var r = 0; r < reps; r++)
            {
                if (starts[r] != ImpactInput.NotMentored || g < 6) continue;
                if (!TryLevelAndTrend(values, r, periods, g, out var level, out var trend)) continue;
                var score = Math.Log(joinRate / (1 - joinRate)) - (selection * ((0.9 * (level - 30) / 6) + (0.9 * trend / 0.6)));
                if (random.NextDouble() < 1 / (1 + Math.Exp(-score)))
                {
                    starts[r] = g;
                    mentorOf[r] = random.NextInt(mentors);
                }
            }
        }

        effectAt ??= (_, _) => effect;
        var trueLift = new double[reps];
        for (var r = 0; r < reps; r++)
        {
            trueLift[r] = double.NaN;
            if (starts[r] == ImpactInput.NotMentored) continue;
            var own = mentorEffects?[mentorOf[r]] ?? 0;
            for (var t = starts[r]; t < periods; t++) values[(r * periods) + t] += effectAt(starts[r], t - starts[r]) + own;
            trueLift[r] = Enumerable.Range(0, 6).Average(e => effectAt(starts[r], e)) + own;
        }

        return new SimulatedProgram(new ImpactInput(periods, values, tenure, teams, starts), effect, mentorOf, trueLift);
    }

    private static bool TryLevelAndTrend(double[] values, int rep, int periods, int g, out double level, out double trend)
    {
        const int window = 6;
        double sum = 0, sxy = 0, sxx = 0;
        for (var t = 0; t < window; t++)
        {
            var v = values[(rep * periods) + g - window + t];
            if (double.IsNaN(v))
            {
                level = trend = 0;
                return false;
            }

            sum += v;
        }

        level = sum / window;
        for (var t = 0; t < window; t++)
        {
            var dx = t - ((window - 1) / 2.0);
            sxy += dx * (values[(rep * periods) + g - window + t] - level);
            sxx += dx * dx;
        }

        trend = sxy / sxx;
        return true;
    }
}
