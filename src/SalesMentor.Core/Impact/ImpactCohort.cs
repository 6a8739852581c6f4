namespace SalesMentor.Core.Impact;

/// <summary>
/// One start cohort of an <see cref="ImpactDesign"/>: mentees who started in the same period, the reps not yet mentored
/// through its post window, flat arrays of their features and changes, and each mentee's candidates within the caliper.
/// </summary>
internal sealed class ImpactCohort
{
    internal ImpactCohort(int start, int[] mentees, int[] controls, ImpactDesign design)
    {
        Start = start;
        Mentees = mentees;
        Controls = controls;
        var e = design.EventTimes.Length;
        MenteeFeatures = new double[mentees.Length * ImpactDesign.Features];
        ControlFeatures = new double[controls.Length * ImpactDesign.Features];
        MenteeDeltas = new double[mentees.Length * e];
        ControlDeltas = new double[controls.Length * e];
        for (var i = 0; i < mentees.Length; i++)
        {
            design.FeaturesOf(mentees[i], start, MenteeFeatures.AsSpan(i * ImpactDesign.Features, ImpactDesign.Features));
            design.DeltasOf(mentees[i], start, MenteeDeltas.AsSpan(i * e, e));
        }

        for (var j = 0; j < controls.Length; j++)
        {
            design.FeaturesOf(controls[j], start, ControlFeatures.AsSpan(j * ImpactDesign.Features, ImpactDesign.Features));
            design.DeltasOf(controls[j], start, ControlDeltas.AsSpan(j * e, e));
        }

        ControlDeltasMissing = Array.Exists(ControlDeltas, double.IsNaN);
    }

    /// <summary>Whether some comparison rep lacks a value at some event time (then the bias correction fits each event time apart).</summary>
    internal bool ControlDeltasMissing { get; }

    /// <summary>The first mentored period of the cohort.</summary>
    internal int Start { get; }

    /// <summary>Rep indexes of the mentees.</summary>
    internal int[] Mentees { get; }

    /// <summary>Rep indexes of the possible comparison reps.</summary>
    internal int[] Controls { get; }

    internal double[] MenteeFeatures { get; }

    internal double[] ControlFeatures { get; }

    internal double[] MenteeDeltas { get; }

    internal double[] ControlDeltas { get; }

    /// <summary>Per mentee i, its neighbours are <see cref="Candidates"/>[CandidateStarts[i] .. CandidateStarts[i + 1]).</summary>
    internal int[] CandidateStarts { get; private set; } = [];

    /// <summary>
    /// Each mentee's neighbours: at most <see cref="ImpactOptions.Neighbours"/> indexes into <see cref="Controls"/>, all within
    /// the caliper, nearest first (ties by rep index, so matching is deterministic).
    /// </summary>
    internal int[] Candidates { get; private set; } = [];

    internal void FindCandidates(ImpactDesign design)
    {
        var options = design.Options;
        var starts = new int[Mentees.Length + 1];
        var all = new List<int>();
        var found = new List<(double Distance, int Control)>();
        for (var i = 0; i < Mentees.Length; i++)
        {
            found.Clear();
            var team = design.Input.TeamOf(Mentees[i]);
            for (var j = 0; j < Controls.Length; j++)
            {
                var squared = 0.0;
                for (var f = 0; f < ImpactDesign.Features; f++)
                {
                    var d = (MenteeFeatures[(i * ImpactDesign.Features) + f] - ControlFeatures[(j * ImpactDesign.Features) + f]) / design.Scales[f];
                    squared += d * d;
                }

                var distance = Math.Sqrt(squared) + (design.Input.TeamOf(Controls[j]) == team ? 0 : options.OtherTeamPenalty);
                if (distance <= options.Caliper) found.Add((distance, j));
            }

            found.Sort((a, b) => a.Distance != b.Distance ? a.Distance.CompareTo(b.Distance) : Controls[a.Control].CompareTo(Controls[b.Control]));
            starts[i] = all.Count;
            for (var n = 0; n < found.Count && n < options.Neighbours; n++) all.Add(found[n].Control);
        }

        starts[Mentees.Length] = all.Count;
        CandidateStarts = starts;
        Candidates = [.. all];
    }
}
