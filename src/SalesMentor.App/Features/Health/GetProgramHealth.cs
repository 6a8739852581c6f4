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
public sealed class GetProgramHealth(SalesMentorDb db, Access access, ConfidentialCipher cipher, KpiCache kpis, OrgClock today, PulseAggregates aggregates)
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
        var (released, withheld) = await AggregatesAsync(program.Id, PulseSchedule.Of(program), day, ct);
        return new ProgramHealthView(program.Id, program.Name, await HealthSettings.ViewAsync(db, program, ct), running.Count, atRisk, released, withheld);
    }

    /// <summary>
    /// The program's groups (everyone, mentees, mentors) of each closed round that <see cref="PulseAggregates"/> released.
    /// Open rounds are never shown: an answer still to come would change them, and the change would be one person.
    /// </summary>
    private async Task<(List<PulseAggregateView>, int)> AggregatesAsync(Guid programId, PulseSchedule schedule, DateOnly day, CancellationToken ct)
    {
        var released = await aggregates.ReleaseAsync(programId, schedule.Round(day), ct);
        return released.For("program:", schedule);
    }
}
