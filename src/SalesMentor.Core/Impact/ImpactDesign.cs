namespace SalesMentor.Core.Impact;

/// <summary>
/// Everything about the data that does not change between bootstrap replicates: for each start cohort its usable
/// mentees and possible comparison reps, their pre-period features, their changes from the base period, and, per
/// mentee, the comparison reps within the caliper sorted by distance. A replicate only re-weights reps, so matching
/// in a replicate is a walk down these sorted lists.
/// </summary>
internal sealed class ImpactDesign
{
    /// <summary>Features per rep and cohort: pre-period level, pre-period trend (per period), tenure at the start.</summary>
    internal const int Features = 3;

    internal static readonly string[] FeatureNames = ["KPI level before", "KPI trend before (per period)", "Tenure (periods)"];

    private ImpactDesign(ImpactInput input, ImpactOptions options)
    {
        Input = input;
        Options = options;
        Pre = options.PrePeriods;
        Post = options.PostPeriods;
        EventTimes = [.. Enumerable.Range(-Pre, Pre - 1), .. Enumerable.Range(0, Post)];
    }

    internal ImpactInput Input { get; }

    internal ImpactOptions Options { get; }

    internal int Pre { get; }

    internal int Post { get; }

    /// <summary>Event times relative to the start: −Pre … −2 (pre-periods; −1 is the base) then 0 … Post − 1.</summary>
    internal int[] EventTimes { get; }

    /// <summary>Index in <see cref="EventTimes"/> of event time 0.</summary>
    internal int FirstPost => Pre - 1;

    internal List<ImpactCohort> Cohorts { get; } = [];

    internal int Mentees { get; private set; }

    internal int OutsideWindow { get; private set; }

    internal int WithoutHistory { get; private set; }

    /// <summary>Scale (pooled standard deviation, 1 when zero) of each feature.</summary>
    internal double[] Scales { get; } = new double[Features];

    /// <summary>Whether any usable value differs from another (false: the KPI is constant, nothing to compare).</summary>
    internal bool HasVariation { get; private set; }

    internal static ImpactDesign Build(ImpactInput input, ImpactOptions options)
    {
        var design = new ImpactDesign(input, options);
        design.Populate();
        return design;
    }

    private void Populate()
    {
        var byStart = new SortedDictionary<int, List<int>>();
        for (var rep = 0; rep < Input.Reps; rep++)
        {
            var g = Input.StartOf(rep);
            if (g == ImpactInput.NotMentored) continue;
            Mentees++;
            if (g - Pre < 0 || g + Post > Input.Periods) OutsideWindow++;
            else if (!HasFullPrePeriod(rep, g)) WithoutHistory++;
            else
            {
                if (!byStart.TryGetValue(g, out var list)) byStart[g] = list = [];
                list.Add(rep);
            }
        }

        foreach (var (g, mentees) in byStart)
        {
            var controls = new List<int>();
            for (var rep = 0; rep < Input.Reps; rep++)
            {
                // Not yet mentored through the whole post window (Callaway–Sant'Anna's not-yet-treated comparison).
                if (Input.NotMentoredBefore(rep, g + Post) && HasFullPrePeriod(rep, g)) controls.Add(rep);
            }

            Cohorts.Add(new ImpactCohort(g, [.. mentees], [.. controls], this));
        }

        ComputeScales();
        HasVariation = DetectVariation();
        foreach (var cohort in Cohorts) cohort.FindCandidates(this);
    }

    internal bool HasFullPrePeriod(int rep, int g)
    {
        for (var t = g - Pre; t < g; t++)
        {
            if (double.IsNaN(Input.ValueAt(rep, t))) return false;
        }

        return true;
    }

    /// <summary>Level (mean), trend (least-squares slope per period) over [g − Pre, g) and tenure at g, into <paramref name="into"/>.</summary>
    internal void FeaturesOf(int rep, int g, Span<double> into)
    {
        var xMean = (Pre - 1) / 2.0;
        var sum = 0.0;
        for (var t = 0; t < Pre; t++) sum += Input.ValueAt(rep, g - Pre + t);
        var mean = sum / Pre;
        double sxy = 0, sxx = 0;
        for (var t = 0; t < Pre; t++)
        {
            var dx = t - xMean;
            sxy += dx * (Input.ValueAt(rep, g - Pre + t) - mean);
            sxx += dx * dx;
        }

        into[0] = mean;
        into[1] = sxy / sxx;
        into[2] = Input.TenureAt(rep, g);
    }

    /// <summary>Change from the base period g − 1 to g + e for every event time e, into <paramref name="into"/> (NaN when missing).</summary>
    internal void DeltasOf(int rep, int g, Span<double> into)
    {
        var basis = Input.ValueAt(rep, g - 1);
        for (var i = 0; i < EventTimes.Length; i++) into[i] = Input.ValueAt(rep, g + EventTimes[i]) - basis;
    }

    private void ComputeScales()
    {
        for (var f = 0; f < Features; f++)
        {
            double n = 0, sum = 0, sumSq = 0;
            foreach (var cohort in Cohorts)
            {
                Accumulate(cohort.MenteeFeatures);
                Accumulate(cohort.ControlFeatures);
            }

            var variance = n > 1 ? (sumSq - (sum * sum / n)) / (n - 1) : 0;
            var sd = variance > 1e-18 ? Math.Sqrt(variance) : 0;
            Scales[f] = sd > 0 ? sd : 1;

            void Accumulate(double[] features)
            {
                for (var i = f; i < features.Length; i += Features)
                {
                    n++;
                    sum += features[i];
                    sumSq += features[i] * features[i];
                }
            }
        }
    }

    private bool DetectVariation()
    {
        double? first = null;
        foreach (var cohort in Cohorts)
        {
            foreach (var rep in cohort.Mentees.Concat(cohort.Controls))
            {
                for (var t = cohort.Start - Pre; t < cohort.Start + Post; t++)
                {
                    var v = Input.ValueAt(rep, t);
                    if (double.IsNaN(v)) continue;
                    first ??= v;
                    if (v != first) return true;
                }
            }
        }

        return false;
    }
}
