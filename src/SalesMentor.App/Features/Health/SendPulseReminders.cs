using Microsoft.EntityFrameworkCore;
using SalesMentor.App.Common;
using SalesMentor.App.Data;
using SalesMentor.App.Domain;
using SalesMentor.App.Mail;

namespace SalesMentor.App.Features.Health;

/// <summary>
/// Mails "your pulse check-in is due" to each side of every running mentorship who has not answered this round's pulse,
/// once per person, mentorship and round. Each reminder is marked (<see cref="PulseReminder"/>, unique per person,
/// mentorship and round) in the same save as its mail, so a repeated run, or two instances at once, sends it once. The mail
/// names the other side and links to the pulse page — never a score, a comment or a flag.
/// </summary>
public sealed class SendPulseReminders(SalesMentorDb db, Mailer mailer, MailOptions options, OrgClock today, TimeProvider clock)
{
    public const string Category = "pulse-reminder";

    /// <returns>The number of reminders queued.</returns>
    public async Task<Result<int>> HandleAsync(CancellationToken ct)
    {
        var day = await today.TodayAsync(ct);
        var running = await db.Mentorships.AsNoTracking().Where(m => m.Stage != MentorshipStage.Closed).OrderBy(m => m.Id).ToListAsync(ct);
        var programIds = running.Where(m => m.ProgramId != null).Select(m => m.ProgramId!.Value).Distinct().ToList();
        var programs = await db.Programs.AsNoTracking().Where(p => programIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, ct);
        var sent = 0;
        foreach (var m in running)
        {
            var round = PulseSchedule.Of(m, m.ProgramId is { } id ? programs.GetValueOrDefault(id) : null).Round(day);
            foreach (var (person, other) in new[] { (m.MentorId, m.MenteeId), (m.MenteeId, m.MentorId) })
            {
                var answered = await db.Pulses.AnyAsync(p => p.MentorshipId == m.Id && p.RespondentId == person && p.Round == round, ct);
                var reminded = await db.PulseReminders.AnyAsync(r => r.MentorshipId == m.Id && r.PersonId == person && r.Round == round, ct);
                if (!answered && !reminded && await RemindAsync(m, person, other, round, ct)) sent++;
            }
        }

        return sent;
    }

    /// <summary>Marks and mails in one save; a mark that another run made first (the unique key) means nothing is sent.</summary>
    private async Task<bool> RemindAsync(Mentorship m, Core.People.PersonId person, Core.People.PersonId other, int round, CancellationToken ct)
    {
        db.ChangeTracker.Clear();
        var people = await db.People.AsNoTracking().Where(p => p.Id == person || p.Id == other).ToDictionaryAsync(p => p.Id, ct);
        var (to, them) = (people[person], people[other]);
        db.PulseReminders.Add(new PulseReminder { MentorshipId = m.Id, PersonId = person, Round = round, SentAt = clock.GetUtcNow().UtcDateTime });
        if (to.Email is { Length: > 0 } email)
        {
            var link = options.PublicBaseUrl is { Length: > 0 } root
                ? $"\n\nOpen: {root.TrimEnd('/')}/mentorships/{m.Id}/pulse"
                : "\n\nSign in to SalesMentor, open My mentoring and then the mentorship's pulse.";
            mailer.Enqueue(email, to.Name, "Your pulse check-in is due",
                $"Hello {to.Name},\n\nYour pulse check-in for your mentorship with {them.Name} is due: four scores from 1 to 5 and, if you like, a comment. " +
                "Only you read your answers." + link, Category);
        }

        try
        {
            await db.SaveChangesAsync(ct);
            return true;
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            return false;
        }
    }
}
