using Microsoft.EntityFrameworkCore;
using SalesMentor.App.Common;
using SalesMentor.App.Data;
using SalesMentor.App.Domain;
using SalesMentor.App.Features.Programs;
using SalesMentor.App.Kpis;
using SalesMentor.App.Security;
using SalesMentor.Core.Health;
using SalesMentor.Core.People;

namespace SalesMentor.App.Features.Health;

/// <summary>
/// The admin's health page of a program (its managers: admins and coordinators; 403 for others who see the program,
/// 404 when hidden or missing): the running pairs at risk with the reasons only — "cohesion low" never says which side
/// answered what — and pulse results only as aggregates of closed rounds over ≥ 5 people, released by
/// <see cref="AggregateRelease"/> so that no two differ by fewer than 5 people.
/// </summary>
public sealed class GetProgramHealth(SalesMentorDb db, Access access, ConfidentialCipher cipher, KpiCache kpis, OrgClock today)
{
    public async Task<Result<ProgramHealthView>> HandleAsync(Actor actor, Guid programId, CancellationToken ct)
    {
        var program = await access.LoadProgramAsync(actor, programId, ct);
        if (program is null) return Error.NotFound("program");
        if (!await access.IsProgramManagerAsync(actor, programId, ct)) return Error.Forbidden("program.not_manager", "Only the program's admins and coordinators see its health.");
        var day = await today.TodayAsync(ct);
        var mentorships = await db.Mentorships.AsNoTracking().Where(m => m.ProgramId == programId).ToListAsync(ct);
        var running = mentorships.Where(m => m.Stage != MentorshipStage.Closed).ToList();
        var schedules = mentorships.ToDictionary(m => m.Id, m => PulseSchedule.Of(m, program));
        var flags = await HealthAssessment.AssessAsync(db, cipher, kpis, running, schedules, day, ct);
        var people = mentorships.SelectMany(m => new[] { m.MentorId, m.MenteeId }).Distinct().ToList();
        var names = await db.People.AsNoTracking().Where(p => people.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.Name, ct);
        var atRisk = running.Where(m => flags[m.Id] != HealthAlerts.None)
            .Select(m => new PairAtRiskView(m.Id, new PersonRef(m.MentorId, names[m.MentorId]), new PersonRef(m.MenteeId, names[m.MenteeId]),
                HealthRules.Reasons(flags[m.Id], program.NoSessionAlertWeeks)))
            .OrderBy(p => p.Mentee.Name, StringComparer.CurrentCulture).ToList();
        var (aggregates, withheld) = await AggregatesAsync(mentorships, PulseSchedule.Of(program), day, ct);
        return new ProgramHealthView(program.Id, program.Name, await HealthSettings.ViewAsync(db, program, ct), running.Count, atRisk, aggregates, withheld);
    }

    /// <summary>
    /// Per closed round: everyone, mentees, mentors (in that order of preference), each released only under the ≥ 5 and
    /// differencing rule. Open rounds are never shown: an answer still to come would change them, and the change would be one person.
    /// </summary>
    private async Task<(List<PulseAggregateView>, int)> AggregatesAsync(List<Mentorship> mentorships, PulseSchedule schedule, DateOnly day, CancellationToken ct)
    {
        var ids = mentorships.Select(m => m.Id).ToList();
        var byId = mentorships.ToDictionary(m => m.Id);
        var currentRound = schedule.Round(day);
        var pulses = await db.Pulses.AsNoTracking().Where(p => ids.Contains(p.MentorshipId) && p.Round < currentRound).ToListAsync(ct);
        var released = new List<PulseAggregateView>();
        var withheld = 0;
        foreach (var round in pulses.GroupBy(p => p.Round).OrderByDescending(g => g.Key))
        {
            var answers = round.Select(p => (Pulse: p, Mentee: byId[p.MentorshipId].MenteeId == p.RespondentId, Scores: PulseContent.Open(cipher, p).Scores)).ToList();
            var groups = new (string Group, List<(Pulse Pulse, bool Mentee, PulseScores Scores)> Answers)[]
            {
                ("everyone", answers), ("mentees", [.. answers.Where(a => a.Mentee)]), ("mentors", [.. answers.Where(a => !a.Mentee)]),
            };
            var candidates = groups.Select(g => new AggregateCandidate<PersonId>(g.Group, g.Answers.Select(a => a.Pulse.RespondentId).ToHashSet())).ToList();
            var keys = AggregateRelease.Select(candidates);
            withheld += groups.Count(g => g.Answers.Count > 0 && !keys.Contains(g.Group));
            foreach (var (group, list) in groups.Where(g => keys.Contains(g.Group)))
            {
                decimal Mean(Func<PulseScores, int> score) => Math.Round((decimal)list.Sum(a => score(a.Scores)) / list.Count, 1, MidpointRounding.AwayFromZero);
                released.Add(new PulseAggregateView(round.Key, schedule.Start(round.Key), group, candidates.Single(c => c.Key == group).Respondents.Count,
                    Mean(s => s.Trust), Mean(s => s.Safety), Mean(s => s.Value), Mean(s => s.Commitment)));
            }
        }

        return (released, withheld);
    }
}
