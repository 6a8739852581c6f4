using Microsoft.EntityFrameworkCore;
using SalesMentor.App.Common;
using SalesMentor.App.Data;
using SalesMentor.App.Domain;
using SalesMentor.App.Features.Enrollments;
using SalesMentor.App.Kpis;
using SalesMentor.App.Security;
using SalesMentor.Core.Matching;
using SalesMentor.Core.Matching.Scoring;
using SalesMentor.Core.People;

namespace SalesMentor.App.Features.Matching;

/// <summary>
/// Everything a matching run of one program needs, loaded once: its mentees and mentors (in a fixed order, so a run
/// is repeatable), the pairs already on the board, and the Core model scored from data the program admin may see —
/// a mentee's "mentor only" gaps are never loaded here. Pairs that are published, accepted or locked are the run's
/// locks; declined pairs, and pairs whose mentorship has ended, are excluded.
/// </summary>
internal sealed class MatchingData
{
    public required MentorshipProgram Program { get; init; }
    public required IReadOnlyList<Enrollment> Mentees { get; init; }
    public required IReadOnlyList<Enrollment> Mentors { get; init; }
    public required IReadOnlyList<bool> MentorEligible { get; init; }
    public required IReadOnlyList<EligibilityView> MentorEligibility { get; init; }
    public required IReadOnlyDictionary<PersonId, string> Names { get; init; }

    /// <summary>Current pairs: proposed, published or accepted (declined ones are history).</summary>
    public required IReadOnlyList<MatchProposal> Pairs { get; init; }
    public required IReadOnlyList<MatchProposal> Declined { get; init; }
    public required MatchingModel Model { get; init; }
    public required IReadOnlyDictionary<Guid, int> MenteeIndex { get; init; }
    public required IReadOnlyDictionary<Guid, int> MentorIndex { get; init; }

    /// <summary>Pairs the solver must keep: published, accepted, or locked on the board.</summary>
    public static bool IsFixed(MatchProposal p) => p.Status is ProposalStatus.Published or ProposalStatus.Accepted || p.Locked;

    public static async Task<MatchingData> LoadAsync(SalesMentorDb db, Access access, KpiCache kpis, MentorshipProgram program, DateOnly today, CancellationToken ct)
    {
        var enrollments = await db.Enrollments.AsNoTracking().Where(e => e.ProgramId == program.Id).OrderBy(e => e.CreatedAt).ThenBy(e => e.Id).ToListAsync(ct);
        var proposals = await db.MatchProposals.Where(p => p.ProgramId == program.Id).OrderBy(p => p.CreatedAt).ThenBy(p => p.Id).ToListAsync(ct);
        // A pair whose mentorship has ended (closed or ended early) is history: the mentee may be matched again, the mentor's
        // seat is free, and the same two are not proposed again.
        var ended = (await db.Mentorships.AsNoTracking().Where(m => m.ProgramId == program.Id && m.Stage == MentorshipStage.Closed && m.ProposalId != null)
            .Select(m => m.ProposalId!.Value).ToListAsync(ct)).ToHashSet();
        var pairs = proposals.Where(p => p.Status != ProposalStatus.Declined && !ended.Contains(p.Id)).ToList();
        var fixedEnrollments = pairs.SelectMany(p => new[] { p.MenteeEnrollmentId, p.MentorEnrollmentId }).ToHashSet();
        var mentees = enrollments.Where(e => e.Side == EnrollmentSide.Mentee && (!e.Withdrawn || fixedEnrollments.Contains(e.Id))).ToList();
        var mentors = enrollments.Where(e => e.Side == EnrollmentSide.Mentor && (!e.Withdrawn || fixedEnrollments.Contains(e.Id))).ToList();
        var ids = enrollments.Select(e => e.PersonId).Distinct().ToList();
        var people = await db.People.AsNoTracking().Where(p => ids.Contains(p.Id))
            .Select(p => new { p.Id, p.Name, p.TeamId, p.RegionId, p.HireDate, p.TimeZone }).ToDictionaryAsync(p => p.Id, ct);
        var enrollmentIds = enrollments.Select(e => e.Id).ToList();
        // Gaps shared for matching and strengths only: "mentor only" gaps never reach scoring.
        var skills = await db.SkillRatings.AsNoTracking()
            .Where(r => enrollmentIds.Contains(r.EnrollmentId) && r.Visibility == GapVisibility.ShareForMatching).ToListAsync(ct);
        var skillNames = await db.Skills.AsNoTracking().ToDictionaryAsync(s => s.Key, s => s.Name, ct);
        var valueNames = await db.CompanyValues.AsNoTracking().ToDictionaryAsync(v => v.Id, v => v.Name, ct);
        var ratings = await db.AttributeRatings.AsNoTracking().Where(r => enrollmentIds.Contains(r.EnrollmentId))
            .Select(r => new { r.EnrollmentId, r.Relation, r.Score }).ToListAsync(ct);
        var previous = await db.Mentorships.AsNoTracking().Where(m => m.ProgramId != program.Id).Select(m => new { m.MenteeId, m.MentorId }).ToListAsync(ct);
        var snapshot = await kpis.GetAsync(ct);
        var hierarchy = await access.HierarchyAsync(ct);
        var day = program.StartsOn ?? today;

        ScoringProfile Profile(Enrollment e)
        {
            var person = people[e.PersonId];
            var zone = TimeZones.Find(e.TimeZone ?? person.TimeZone);
            var mine = ratings.Where(r => r.EnrollmentId == e.Id).ToList();
            var others = e.Side == EnrollmentSide.Mentor ? RaterRelation.Peer : RaterRelation.Supervisor;
            var parts = new[] { RaterRelation.Self, others }.Select(rel => mine.Where(r => r.Relation == rel).Select(r => (double)r.Score).ToList())
                .Where(l => l.Count > 0).Select(l => l.Average()).ToList();
            return new ScoringProfile
            {
                Skills = [.. skills.Where(s => s.EnrollmentId == e.Id).Select(s => new ScoredSkill(s.SkillKey, skillNames.GetValueOrDefault(s.SkillKey, s.SkillKey), s.Level))],
                Values = [.. e.ValueIds.Where(valueNames.ContainsKey).Select(v => new ScoredValue(v.ToString(), valueNames[v]))],
                Readiness = parts.Count == 0 ? null : parts.Average(),
                UtcOffsetHours = zone?.GetUtcOffset(day.ToDateTime(new TimeOnly(12, 0), DateTimeKind.Utc)).TotalHours,
                Region = person.RegionId?.ToString(),
                TenureYears = person.HireDate is { } hired ? (day.DayNumber - hired.DayNumber) / 365.25 : null,
            };
        }

        PairPerson Pair(Enrollment e) => new(e.PersonId, people[e.PersonId].TeamId, e.Avoid.ToHashSet());
        var eligibility = mentors.Select(m => Eligibility.Of(program, m, Eligibility.VerdictOf(snapshot, m.PersonId), showOverrideReason: true)).ToList();
        var menteeIndex = mentees.Select((e, i) => (e.Id, i)).ToDictionary(x => x.Id, x => x.i);
        var mentorIndex = mentors.Select((e, i) => (e.Id, i)).ToDictionary(x => x.Id, x => x.i);
        var locks = pairs.Where(IsFixed).Where(p => menteeIndex.ContainsKey(p.MenteeEnrollmentId) && mentorIndex.ContainsKey(p.MentorEnrollmentId))
            .Select(p => new MatchPair(menteeIndex[p.MenteeEnrollmentId], mentorIndex[p.MentorEnrollmentId])).ToList();
        var exclusions = new PairExclusions(hierarchy,
            new ExclusionRules(program.ExcludeSupervisorChain, program.ExcludeSameTeam, program.ExcludePreviousPairs),
            previous.Select(p => (p.MenteeId, p.MentorId)),
            proposals.Where(p => p.Status == ProposalStatus.Declined || ended.Contains(p.Id)).Select(p => (p.MenteeId, p.MentorId)));
        var model = MatchingModel.Build(
            [.. mentees.Select(e => new ModelMentee(Pair(e), Profile(e), e.Preferences))],
            [.. mentors.Select((e, j) => new ModelMentor(Pair(e), Profile(e), e.Capacity, e.Preferences, eligibility[j].Eligible && !e.Withdrawn))],
            new ScoreWeights(program.WeightGaps, program.WeightValues, program.WeightReadiness, program.WeightPreferences, program.WeightLocation, program.WeightSeniority),
            program.MinimumScore, exclusions, locks);
        return new MatchingData
        {
            Program = program, Mentees = mentees, Mentors = mentors, MentorEligible = [.. mentors.Select((e, j) => eligibility[j].Eligible && !e.Withdrawn)],
            MentorEligibility = eligibility, Names = people.ToDictionary(p => p.Key, p => p.Value.Name), Pairs = pairs,
            Declined = [.. proposals.Where(p => p.Status == ProposalStatus.Declined)], Model = model, MenteeIndex = menteeIndex, MentorIndex = mentorIndex,
        };
    }

    /// <summary>What breaks a rule if <paramref name="mentee"/> and <paramref name="mentor"/> (indexes) are paired by hand; empty when nothing does.</summary>
    public List<string> RuleWarnings(int mentee, int mentor)
    {
        var warnings = new List<string>();
        if (!MentorEligible[mentor]) warnings.Add("the mentor is not eligible: " + MentorEligibility[mentor].Reason);
        var exclusion = Model.ExclusionOf(mentee, mentor);
        if (exclusion != ExclusionReason.None) warnings.Add(PairExclusions.Describe(exclusion));
        var score = Model.ScoreOf(mentee, mentor).Score;
        if (score < Program.MinimumScore) warnings.Add($"the score {score} is below the program's minimum of {Program.MinimumScore}");
        return warnings;
    }
}
