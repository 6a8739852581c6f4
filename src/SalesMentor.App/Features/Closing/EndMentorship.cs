using Microsoft.EntityFrameworkCore;
using SalesMentor.App.Common;
using SalesMentor.App.Data;
using SalesMentor.App.Domain;
using SalesMentor.App.Mail;
using SalesMentor.App.Security;

namespace SalesMentor.App.Features.Closing;

/// <summary>
/// Closes a mentorship after its closing conversation (closing → closed) once both reflections and the outcome of every
/// goal are in (409 <c>closing.incomplete</c> says what is missing). The pair only. Both are mailed that it is complete
/// and their certificate is ready — no reflection, no outcome. From then on the former mentor keeps only their own private
/// notes and certificate; the mentee may be matched again.
/// </summary>
public sealed class CompleteMentorship(SalesMentorDb db, Access access, GetClosing get, ClosingMail mail, OrgClock today, AuditLog audit)
{
    public async Task<Result<ClosingView>> HandleAsync(Actor actor, Guid mentorshipId, ClosingVersionRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var a = await ClosingSupport.LoadAsync(db, access, actor, mentorshipId, ct, tracking: true);
        if (a is null) return Error.NotFound("mentorship");
        if (ClosingSupport.PairWrites(a, mustBeClosing: true) is { } refused) return refused;
        var m = a.Mentorship;
        var missing = await ClosingSupport.MissingAsync(db, m, a.Side!.Value, ct);
        if (missing.Count > 0) return Error.Conflict("closing.incomplete", "Before closing, add " + string.Join(" and ", missing) + ".");
        db.Entry(m).Property(x => x.Version).OriginalValue = request.Version;
        (m.Stage, m.EndKind, m.EndedOn, m.EndedById) = (MentorshipStage.Closed, MentorshipEnd.Completed, await today.TodayAsync(ct), actor.PersonId);
        audit.Record(actor, "mentorship.complete", "mentorship", m.Id.ToString());
        await mail.EndedAsync(m, early: false, ct);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Error.StaleEdit("mentorship");
        }

        return await get.HandleAsync(actor, mentorshipId, ct);
    }
}

/// <summary>
/// Ends a mentorship early, in any stage before closed, with a reason (a category and a few words). Either of the pair or
/// the program's managers (admins, coordinators); the supervisor chain sees it but may not (403). The reason is for the
/// pair and the program's managers; the mails say only that it ended. The mentee may be matched again.
/// </summary>
public sealed class EndMentorshipEarly(SalesMentorDb db, Access access, GetClosing get, ClosingMail mail, OrgClock today, AuditLog audit)
{
    public async Task<Result<ClosingView>> HandleAsync(Actor actor, Guid mentorshipId, EndEarlyRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var a = await ClosingSupport.LoadAsync(db, access, actor, mentorshipId, ct, tracking: true);
        if (a is null) return Error.NotFound("mentorship");
        if (a.Role == ClosingRole.Chain) return Error.Forbidden("closing.end_early", "Only the mentor, the mentee or the program's admins end a mentorship early.");
        var m = a.Mentorship;
        if (m.Stage == MentorshipStage.Closed) return Error.Conflict("mentorship.ended", "This mentorship has ended.");
        if (!Enum.IsDefined(request.Reason)) return Error.Validation("closing.reason", "Choose the reason the mentorship ends early.");
        var text = TextRules.Read(request.Text, "closing.reason_text", "the reason", ClosingLimits.EarlyEndText, required: true, multiline: true);
        if (!text.IsSuccess) return text.Error!;
        db.Entry(m).Property(x => x.Version).OriginalValue = request.Version;
        (m.Stage, m.EndKind, m.EarlyEndReason, m.EarlyEndText) = (MentorshipStage.Closed, MentorshipEnd.EndedEarly, request.Reason, text.Value);
        (m.EndedOn, m.EndedById) = (await today.TodayAsync(ct), actor.PersonId);
        audit.Record(actor, "mentorship.end_early", "mentorship", m.Id.ToString(), $"reason={request.Reason}");
        await mail.EndedAsync(m, early: true, ct);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Error.StaleEdit("mentorship");
        }

        return await get.HandleAsync(actor, mentorshipId, ct);
    }
}

/// <summary>The mails of the end of a mentorship: that it ended, and where the certificate is — never a reflection, an outcome or a reason.</summary>
public sealed class ClosingMail(SalesMentorDb db, Mailer mailer, MailOptions options)
{
    public async Task EndedAsync(Mentorship m, bool early, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(m);
        var people = await db.People.AsNoTracking().Where(p => p.Id == m.MentorId || p.Id == m.MenteeId).ToDictionaryAsync(p => p.Id, ct);
        var (mentor, mentee) = (people[m.MentorId], people[m.MenteeId]);
        var root = options.PublicBaseUrl is { Length: > 0 } r ? r.TrimEnd('/') : null;
        foreach (var (to, other, path) in new[] { (mentor, mentee, $"/mentorships/{m.Id}/my-notes"), (mentee, mentor, $"/mentorships/{m.Id}") })
        {
            if (to.Email is not { Length: > 0 } email) continue;
            var open = root is null ? "\n\nSign in to SalesMentor and open My mentoring." : $"\n\nOpen: {root}{path}";
            if (early)
            {
                mailer.Enqueue(email, to.Name, $"Your mentorship with {other.Name} has ended",
                    $"Hello {to.Name},\n\nYour mentorship with {other.Name} has ended early. Thank you for the time you gave it." + open, "mentorship-ended");
            }
            else
            {
                mailer.Enqueue(email, to.Name, $"Your mentorship with {other.Name} is complete",
                    $"Hello {to.Name},\n\nYour mentorship with {other.Name} is complete. Your certificate is ready to download." + open, "mentorship-completed");
            }
        }
    }
}
