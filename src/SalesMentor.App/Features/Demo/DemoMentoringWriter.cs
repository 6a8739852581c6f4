using Microsoft.EntityFrameworkCore;
using SalesMentor.App.Data;
using SalesMentor.App.Domain;
using SalesMentor.App.Features.Agreements;
using SalesMentor.App.Kpis;
using SalesMentor.Core.Demo;
using SalesMentor.Core.Kpis;

namespace SalesMentor.App.Features.Demo;

/// <summary>
/// Writes the demo's mentoring (<see cref="DemoOrganization.Mentoring"/>): programs with the enablement lead as
/// coordinator, enrollments, mentorships, signed agreements whose win-rate baseline is captured from the KPI table
/// the way the agreement page captures it, fortnightly sessions (held, some missed, the next one scheduled), and a
/// year of manager interactions. Deterministic: the same demo gives the same records. Nothing confidential is written.
/// </summary>
internal sealed class DemoMentoringWriter(SalesMentorDb db, KpiCache kpis)
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
                Status = completed ? ProgramStatus.Closed : ProgramStatus.Active, CreatedAt = now, UpdatedAt = now,
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
                db.Agreements.Add(Agreement(mentorship, snapshot, behaviours.Count > 0 ? behaviours[i % behaviours.Count] : null, values.Count > 0 ? values[i % values.Count] : null));
                AddSessions(mentorship, demo.AsOf, i, now);
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
