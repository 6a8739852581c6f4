using System.Globalization;
using System.Text.Json;
using SalesMentor.App.Domain;
using SalesMentor.App.Features.Programs;
using SalesMentor.Core.Matching;
using SalesMentor.Core.Matching.Scoring;

namespace SalesMentor.App.Features.Matching;

/// <summary>Builds the board from <see cref="MatchingData"/>; the unmatched mentees' reasons are derived from the model and the seats in use.</summary>
internal static class BoardReader
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static BoardView Read(MatchingData data)
    {
        var p = data.Program;
        var pairs = data.Pairs.Select(x => View(x, data)).OrderBy(x => x.Mentee.Name, StringComparer.CurrentCulture).ToList();
        var used = new int[data.Mentors.Count];
        foreach (var pair in data.Pairs)
        {
            if (data.MentorIndex.TryGetValue(pair.MentorEnrollmentId, out var j)) used[j]++;
        }

        var paired = data.Pairs.Select(x => x.MenteeEnrollmentId).ToHashSet();
        var unmatched = new List<UnmatchedView>();
        for (var i = 0; i < data.Mentees.Count; i++)
        {
            var mentee = data.Mentees[i];
            if (mentee.Withdrawn || paired.Contains(mentee.Id)) continue;
            var (reason, text) = Why(data, i, used);
            unmatched.Add(new UnmatchedView(mentee.Id, Person(data, mentee.PersonId), reason, text));
        }

        var mentors = data.Mentors.Select((m, j) => new MentorLoadView(m.Id, Person(data, m.PersonId), m.Capacity, used[j], data.MentorEligibility[j]))
            .OrderBy(m => m.Mentor.Name, StringComparer.CurrentCulture).ToList();
        return new BoardView(
            p.Id, p.Name, p.Status, p.Mode.ToString(), p.MinimumScore, pairs, [.. unmatched.OrderBy(u => u.Mentee.Name, StringComparer.CurrentCulture)], mentors,
            [.. data.Declined.Select(x => View(x, data))], data.Mentees.Count(m => !m.Withdrawn), pairs.Count, pairs.Sum(x => (long)x.Score),
            pairs.Count == 0 ? null : pairs.Min(x => x.Score), LastRun(p), p.Version);
    }

    public static MatchRunSummary? LastRun(MentorshipProgram p) =>
        string.IsNullOrEmpty(p.LastRunJson) ? null : JsonSerializer.Deserialize<MatchRunSummary>(p.LastRunJson, Json);

    public static string Serialize(MatchRunSummary run) => JsonSerializer.Serialize(run, Json);

    public static string Serialize(PairScore score) =>
        JsonSerializer.Serialize(score.Reasons.Select(r => new ScoreReasonView(r.Factor.ToString(), r.Points, r.MaxPoints, r.Text)).ToList(), Json);

    /// <summary>Marks the last run as no longer describing the board (after a swap, an addition or a removal by hand).</summary>
    public static void MarkEdited(MentorshipProgram p)
    {
        if (LastRun(p) is { EditedSince: false } run) p.LastRunJson = Serialize(run with { EditedSince = true });
    }

    private static ProposalView View(MatchProposal x, MatchingData data) => new(
        x.Id, x.MenteeEnrollmentId, Person(data, x.MenteeId), x.MentorEnrollmentId, Person(data, x.MentorId), x.Score,
        JsonSerializer.Deserialize<List<ScoreReasonView>>(x.ReasonsJson, Json) ?? [], x.Locked, x.ByHand, x.Warning, x.Status,
        x.MenteeResponse, x.MentorResponse, x.DeclineReason, x.Version);

    private static PersonRef Person(MatchingData data, Core.People.PersonId id) => new(id, data.Names.GetValueOrDefault(id, ""));

    private static (string Reason, string Text) Why(MatchingData data, int mentee, int[] used)
    {
        var excluded = new Dictionary<string, int>(StringComparer.Ordinal);
        int eligible = 0, candidates = 0, open = 0;
        for (var j = 0; j < data.Mentors.Count; j++)
        {
            if (!data.MentorEligible[j]) continue;
            eligible++;
            var exclusion = data.Model.ExclusionOf(mentee, j);
            var score = data.Model.ScoreOf(mentee, j).Score;
            var why = exclusion != ExclusionReason.None ? PairExclusions.Describe(exclusion) : score < data.Program.MinimumScore ? "below the minimum score" : null;
            if (why is not null)
            {
                excluded[why] = excluded.GetValueOrDefault(why) + 1;
                continue;
            }

            candidates++;
            if (used[j] < data.Mentors[j].Capacity) open++;
        }

        var c = CultureInfo.InvariantCulture;
        if (eligible == 0) return (nameof(UnmatchedReason.NoCandidate), "No eligible mentor in this program.");
        if (candidates == 0)
        {
            return (nameof(UnmatchedReason.AllExcluded), "Every candidate is excluded: " + string.Join("; ", excluded.OrderByDescending(e => e.Value).Select(e => string.Create(c, $"{e.Key} ({e.Value})"))) + ".");
        }

        return open == 0
            ? (nameof(UnmatchedReason.CapacityExhausted), string.Create(c, $"Every candidate mentor ({candidates}) is full."))
            : ("Open", string.Create(c, $"{open} candidate mentor(s) have a free seat: run matching again."));
    }
}
