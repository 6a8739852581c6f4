using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using SalesMentor.App.Common;
using SalesMentor.App.Data;
using SalesMentor.App.Domain;
using SalesMentor.App.Mail;

namespace SalesMentor.App.Features.Sessions;

/// <summary>How many mails a run queued: reminders before sessions, nudges after sessions left without a log.</summary>
public sealed record SessionRemindersSent(int Reminders, int Nudges);

/// <summary>
/// Sends what is due at <c>now</c>, once: a reminder to both of the pair when a scheduled session starts within the lead
/// time (<c>Sessions:ReminderHours</c>, 24 by default), and a nudge to both when a session ended more than
/// <c>Sessions:LogNudgeHours</c> (24) ago and is still not logged — only for sessions that ended within the last
/// 14 days, so old imported sessions do not flood anyone. Closed mentorships get neither. Each session is claimed with
/// a conditional update inside the same transaction as its mail, so running twice, or on two instances at once, sends
/// each mail once; moving a session clears its marks. The mail carries names, time and place only, never an agenda or
/// notes. Independent of the scheduler that calls it (a hosted service now).
/// </summary>
public sealed class SendSessionReminders(SalesMentorDb db, Mailer mailer, MailOptions options, IConfiguration configuration)
{
    public static readonly TimeSpan NudgeWindow = TimeSpan.FromDays(14);

    public async Task<Result<SessionRemindersSent>> HandleAsync(DateTime now, CancellationToken ct)
    {
        var lead = TimeSpan.FromHours(configuration.GetValue("Sessions:ReminderHours", 24.0));
        var after = TimeSpan.FromHours(configuration.GetValue("Sessions:LogNudgeHours", 24.0));
        var open = db.Mentorships.Where(m => m.Stage != MentorshipStage.Closed).Select(m => m.Id);

        var soon = await db.Sessions.AsNoTracking()
            .Where(s => s.Status == SessionStatus.Scheduled && s.ReminderSentAt == null && s.StartsAt > now && s.StartsAt <= now + lead && open.Contains(s.MentorshipId))
            .OrderBy(s => s.StartsAt).Select(s => s.Id).ToListAsync(ct);
        var reminders = 0;
        foreach (var id in soon)
        {
            if (await ClaimAndMailAsync(id, now, reminder: true, ct)) reminders++;
        }

        // Unlogged: still "scheduled" after its end. The end is start + length, so the window is checked in memory.
        var candidates = await db.Sessions.AsNoTracking()
            .Where(s => s.Status == SessionStatus.Scheduled && s.LogNudgeSentAt == null && s.StartsAt < now - after && s.StartsAt > now - NudgeWindow - after
                && open.Contains(s.MentorshipId))
            .Select(s => new { s.Id, s.StartsAt, s.DurationMinutes }).ToListAsync(ct);
        var nudges = 0;
        foreach (var s in candidates.Where(s => s.StartsAt.AddMinutes(s.DurationMinutes) + after <= now).OrderBy(s => s.StartsAt))
        {
            if (await ClaimAndMailAsync(s.Id, now, reminder: false, ct)) nudges++;
        }

        return new SessionRemindersSent(reminders, nudges);
    }

    /// <summary>Marks the session (only if nobody did) and queues the mail to both, in one transaction.</summary>
    private async Task<bool> ClaimAndMailAsync(Guid id, DateTime now, bool reminder, CancellationToken ct)
    {
        db.ChangeTracker.Clear();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var claimed = reminder
            ? await db.Sessions.Where(s => s.Id == id && s.ReminderSentAt == null && s.Status == SessionStatus.Scheduled)
                .ExecuteUpdateAsync(u => u.SetProperty(s => s.ReminderSentAt, now), ct)
            : await db.Sessions.Where(s => s.Id == id && s.LogNudgeSentAt == null && s.Status == SessionStatus.Scheduled)
                .ExecuteUpdateAsync(u => u.SetProperty(s => s.LogNudgeSentAt, now), ct);
        if (claimed == 0) return false;

        var session = await db.Sessions.AsNoTracking().SingleAsync(s => s.Id == id, ct);
        var m = await db.Mentorships.AsNoTracking().SingleAsync(x => x.Id == session.MentorshipId, ct);
        var people = await db.People.AsNoTracking().Where(p => p.Id == m.MentorId || p.Id == m.MenteeId).ToDictionaryAsync(p => p.Id, ct);
        var (mentor, mentee) = (people[m.MentorId], people[m.MenteeId]);
        var when = session.StartsAt.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) + " UTC";
        var link = options.PublicBaseUrl is { Length: > 0 } root ? $"\n\nOpen: {root.TrimEnd('/')}/mentorships/{m.Id}" : "\n\nSign in to SalesMentor and open My mentoring.";
        foreach (var (to, other) in new[] { (mentor, mentee), (mentee, mentor) })
        {
            if (to.Email is not { Length: > 0 } email) continue;
            if (reminder)
            {
                var where = (session.VideoLink ?? session.Place) is { } w ? $", {w}" : "";
                mailer.Enqueue(email, to.Name, $"Reminder: mentoring session with {other.Name} at {when}",
                    $"Hello {to.Name},\n\nA reminder: your mentoring session with {other.Name} is at {when}, {session.DurationMinutes} minutes{where}." + link,
                    "session-reminder");
            }
            else
            {
                mailer.Enqueue(email, to.Name, $"Log your mentoring session of {when}",
                    $"Hello {to.Name},\n\nYour mentoring session with {other.Name} of {when} has no log yet. Note whether it was held, " +
                    "and what you agreed, while you both remember it." + link,
                    "session-nudge");
            }
        }

        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return true;
    }
}
