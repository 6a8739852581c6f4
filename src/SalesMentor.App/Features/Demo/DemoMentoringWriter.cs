using Microsoft.EntityFrameworkCore;
using SalesMentor.App.Data;
using SalesMentor.App.Domain;
using SalesMentor.App.Features.Agreements;
using SalesMentor.App.Features.Health;
using SalesMentor.App.Security;
using SalesMentor.App.Kpis;
using SalesMentor.Core.Demo;
using SalesMentor.Core.Kpis;

namespace SalesMentor.App.Features.Demo;

/// <summary>
/// Writes the demo's mentoring (<see cref="DemoOrganization.Mentoring"/>): programs with the enablement lead as
/// coordinator, enrollments, mentorships, signed agreements whose win-rate baseline is captured from the KPI table
/// the way the agreement page captures it, fortnightly sessions (held, some missed, the next one scheduled), monthly
/// adoption check-ins by both sides, pulse answers every round (sealed like real ones, no comments; a few running pairs
/// answer low so the health page has something to flag), and a year of manager interactions. Deterministic: the same
/// demo gives the same records.
/// </summary>
internal sealed class DemoMentoringWriter(SalesMentorDb db, KpiCache kpis, ConfidentialCipher cipher)
{
    private static readonly string[] Agendas =
    [
        "Review last week's discovery calls", "Plan the pipeline for next month", "Role-play a pricing objection", "Debrief a lost deal",
        "Prepare the quarterly business review", "Qualification: budget and decision process", "Time blocking for prospecting",
    ];

    private static readonly string[] Actions = ["Block two prospecting hours daily", "Send agenda before each customer meeting", "Debrief the next lost deal in writing", "Update next steps on every open opportunity"];

    public async Task<int> WriteProgramsAsync(DemoOrganization demo, DateTime now, CancellationToken ct)
    {
        var behaviours = await db.Behaviours.AsNoTracking().OrderBy(b => b.SortOrder).Select(b => b.Id).Take(4).ToListAsync(ct);
        var values = await db.CompanyValues.AsNoTracking().OrderBy(v => v.SortOrder).Select(v => v.Id).Take(3).ToListAsync(ct);
        var snapshot = await kpis.GetAsync(ct);
        var count = 0;
        foreach (var demoProgram in demo.Mentoring.Programs)
        {
            var completed = demoProgram.State == DemoProgramState.Completed;
            var program = new MentorshipProgram
            {
                Name = demoProgram.Name, Goals = demoProgram.Goals, StartsOn = demoProgram.StartsOn, EndsOn = demoProgram.EndsOn,
                Status = completed ? ProgramStatus.Closed : ProgramStatus.Active,
                CreatedAt = demoProgram.StartsOn.AddDays(-28).ToDateTime(new TimeOnly(9, 0), DateTimeKind.Utc), UpdatedAt = now,
            };
            program.Coordinators.Add(new ProgramCoordinator { ProgramId = program.Id, PersonId = demo.Logins.Admin.PersonId });
            db.Programs.Add(program);
            foreach (var mentor in demoProgram.Pairs.Select(p => p.Mentor).Distinct())
            {
                db.Enrollments.Add(new Enrollment { ProgramId = program.Id, PersonId = mentor, Side = EnrollmentSide.Mentor, Capacity = 3, CreatedAt = now, UpdatedAt = now });
            }

            foreach (var (pair, i) in demoProgram.Pairs.Select((p, i) => (p, i)))
            {
                db.Enrollments.Add(new Enrollment { ProgramId = program.Id, PersonId = pair.Mentee, Side = EnrollmentSide.Mentee, Capacity = 1, CreatedAt = now, UpdatedAt = now });
                var mentorship = new Mentorship
                {
                    ProgramId = program.Id, MentorId = pair.Mentor, MenteeId = pair.Mentee, Stage = completed ? MentorshipStage.Closed : MentorshipStage.Active,
                    StartedOn = pair.StartedOn, EndedOn = pair.EndedOn, Source = "matched", CreatedAt = now,
                };
                db.Mentorships.Add(mentorship);
                var agreement = Agreement(mentorship, snapshot, behaviours.Count > 0 ? behaviours[i % behaviours.Count] : null, values.Count > 0 ? values[i % values.Count] : null);
                db.Agreements.Add(agreement);
                AddSessions(mentorship, demo.AsOf, i, now);
                AddAdoption(mentorship, agreement, demo.AsOf, i, now);
                AddPulses(mentorship, program, demo.AsOf, i, lowTrust: !completed && i % 5 == 3, now);
                count++;
            }
        }

        await db.SaveChangesAsync(ct);
        return count;
    }

    /// <summary>A year of manager interactions, in batches through fresh change tracking so memory stays flat for the large demo.</summary>
    public static IEnumerable<ManagerInteraction> Interactions(DemoOrganization demo, DateTime now) => demo.Interactions().Select(i => new ManagerInteraction
    {
        ManagerId = i.Manager, RepId = i.Rep, AuthorId = i.Manager, Date = i.Date, Role = i.Role, Minutes = i.Minutes, Topic = i.Topic, CreatedAt = now,
    });

    private static Agreement Agreement(Mentorship m, KpiSnapshot snapshot, Guid? behaviour, Guid? value)
    {
        var (baseline, from, to) = KpiBaseline.Capture(snapshot, m.MenteeId, Kpi.WinRateByCount, m.StartedOn, KpiBaseline.DefaultMonths);
        var target = Math.Min(1m, Math.Round((baseline ?? 0.2m) + 0.08m, 2));
        var signed = m.StartedOn.ToDateTime(new TimeOnly(10, 0), DateTimeKind.Utc);
        return new Agreement
        {
            MentorshipId = m.Id, Terms = AgreementReader.DefaultTerms, Cadence = MeetingCadence.Fortnightly,
            KpiGoals = [new KpiGoal(Guid.CreateVersion7(), KpiCatalog.Of(Kpi.WinRateByCount).Id, baseline, from, to, KpiBaseline.DefaultMonths, target, m.StartedOn.AddMonths(6))],
            BehaviourGoals = behaviour is { } b ? [new BehaviourGoal(Guid.CreateVersion7(), b, AdoptionLevel.Consistent)] : [],
            ValueIds = value is { } v ? [v] : [],
            MentorSignedAt = signed, MenteeSignedAt = signed.AddHours(2), UpdatedAt = signed.AddHours(2), Version = 1,
        };
    }

    // Monthly from a month after the start: the mentee's check-in and the mentor's observation climb a level every month or
    // two (one pair in four stalls at "practising").
    private void AddAdoption(Mentorship m, Agreement agreement, DateOnly asOf, int pairIndex, DateTime now)
    {
        var last = m.EndedOn is { } ended && ended < asOf ? ended : asOf;
        foreach (var goal in agreement.BehaviourGoals)
        {
            var n = 0;
            for (var day = m.StartedOn.AddMonths(1); day <= last; day = day.AddMonths(1), n++)
            {
                var level = (AdoptionLevel)Math.Min((n + 1 + (pairIndex % 2)) / 2, pairIndex % 4 == 1 ? (int)AdoptionLevel.Practising : (int)AdoptionLevel.Habit);
                // The mentee checks in; the mentor's observation follows three days later (when that is not past the end).
                foreach (var (source, observer, on) in new[] { (AdoptionSource.Self, m.MenteeId, day), (AdoptionSource.Mentor, m.MentorId, day.AddDays(3)) })
                {
                    if (on > last) continue;
                    db.AdoptionChecks.Add(new AdoptionCheck
                    {
                        MentorshipId = m.Id, BehaviourGoalId = goal.Id, BehaviourId = goal.BehaviourId, ObserverId = observer, Source = source,
                        Level = level, ObservedOn = on, CreatedAt = now,
                    });
                }
            }
        }
    }

    // Both sides answer every pulse round from the start to the end (or the last closed round); scores 3–5, and for a few
    // running pairs a trust answer of 2 in the latest round.
    private void AddPulses(Mentorship m, MentorshipProgram program, DateOnly asOf, int pairIndex, bool lowTrust, DateTime now)
    {
        var schedule = PulseSchedule.Of(program);
        var last = m.EndedOn is { } ended && ended < asOf ? ended : asOf;
        var (first, final) = (schedule.Round(m.StartedOn) + 1, schedule.Round(last));
        for (var round = first; round <= final; round++)
        {
            foreach (var (respondent, side) in new[] { (m.MenteeId, 0), (m.MentorId, 1) })
            {
                int Score(int k) => 3 + ((pairIndex + round + side + k) % 3);
                var trust = lowTrust && round == final && side == 0 ? 2 : Score(0);
                var pulse = new Pulse { MentorshipId = m.Id, RespondentId = respondent, Round = round, CreatedAt = now, UpdatedAt = now, Version = 1 };
                pulse.SealedAnswers = new PulseContent(trust, Score(1), Score(2), Score(3), null).Seal(cipher, pulse.Id);
                db.Pulses.Add(pulse);
            }
        }
    }

    // Fortnightly from three days after the start to the end (or today); every ninth missed; a running pair has the next one scheduled.
    private void AddSessions(Mentorship m, DateOnly asOf, int pairIndex, DateTime now)
    {
        var last = m.EndedOn is { } ended && ended < asOf ? ended : asOf;
        var n = 0;
        for (var day = m.StartedOn.AddDays(3); ; day = day.AddDays(14), n++)
        {
            var upcoming = day > last;
            if (upcoming && (m.EndedOn is not null || day > asOf.AddDays(14))) break;
            var missed = !upcoming && (n + pairIndex) % 9 == 4;
            var starts = day.ToDateTime(new TimeOnly(15, 0), DateTimeKind.Utc);
            db.Sessions.Add(new MentoringSession
            {
                MentorshipId = m.Id, StartsAt = starts, DurationMinutes = 45, VideoLink = "https://meet.example/mentoring",
                Status = upcoming ? SessionStatus.Scheduled : missed ? SessionStatus.Missed : SessionStatus.Held,
                Agenda = Agendas[(n + pairIndex) % Agendas.Length],
                SharedNotes = upcoming || missed ? null : $"**Agreed:** {Actions[(n + pairIndex) % Actions.Length].ToLowerInvariant()}.\n\n- What worked since last time\n- What to try next",
                ActionItems = upcoming || missed ? [] : [new ActionItem(Guid.CreateVersion7(), Actions[(n + pairIndex) % Actions.Length], "mentee", day.AddDays(14), day.AddDays(14) <= asOf)],
                CreatedAt = now, UpdatedAt = now,
            });
            if (upcoming) break;
        }
    }
}
