using Microsoft.EntityFrameworkCore;
using SalesMentor.App.Common;
using SalesMentor.App.Data;
using SalesMentor.App.Features.Enrollments;
using SalesMentor.App.Security;

namespace SalesMentor.App.Features.Ratings;

/// <summary>How many reminders went out.</summary>
public sealed record RemindersSent(int Sent);

/// <summary>
/// A program manager reminds, by mail, every rater of the program who has not rated yet — at most once every
/// <see cref="MinimumDays"/> days per invitation, so pressing the button twice does not spam anyone.
/// </summary>
public sealed class SendRatingReminders(SalesMentorDb db, Access access, AuditLog audit, TimeProvider clock, ProgramMail mail)
{
    public const int MinimumDays = 3;

    public async Task<Result<RemindersSent>> HandleAsync(Actor actor, Guid programId, CancellationToken ct)
    {
        var program = await access.LoadProgramAsync(actor, programId, ct);
        if (program is null) return Error.NotFound("program");
        if (!await access.IsProgramManagerAsync(actor, programId, ct)) return Error.Forbidden("program.managers_only", "Only an admin or the program's coordinators send reminders.");
        var now = clock.GetUtcNow().UtcDateTime;
        var due = now.AddDays(-MinimumDays);
        var pending = await db.RatingInvitations
            .Where(i => i.CompletedAt == null && (i.RemindedAt == null || i.RemindedAt < due) && i.CreatedAt < due
                && db.Enrollments.Any(e => e.Id == i.EnrollmentId && e.ProgramId == programId && !e.Withdrawn))
            .ToListAsync(ct);
        var enrollmentIds = pending.Select(p => p.EnrollmentId).Distinct().ToList();
        var subjects = await db.Enrollments.AsNoTracking().Where(e => enrollmentIds.Contains(e.Id)).ToDictionaryAsync(e => e.Id, e => e.PersonId, ct);
        var ids = pending.Select(i => i.RaterId).Concat(subjects.Values).Distinct().ToList();
        var people = await db.People.AsNoTracking().Where(p => ids.Contains(p.Id)).ToDictionaryAsync(p => p.Id, ct);
        var sent = 0;
        foreach (var invitation in pending)
        {
            var rater = people[invitation.RaterId];
            if (rater.Email is not { Length: > 0 } email) continue;
            mail.RatingReminder(email, rater.Name, people[subjects[invitation.EnrollmentId]].Name, program.Name, invitation.Id);
            invitation.RemindedAt = now;
            sent++;
        }

        audit.Record(actor, "ratings.remind", "program", programId.ToString(), $"sent={sent}");
        await db.SaveChangesAsync(ct);
        return new RemindersSent(sent);
    }
}
