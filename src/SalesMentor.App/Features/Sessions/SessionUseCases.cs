using System.Globalization;
using Microsoft.EntityFrameworkCore;
using SalesMentor.App.Common;
using SalesMentor.App.Data;
using SalesMentor.App.Domain;
using SalesMentor.App.Mail;
using SalesMentor.App.Security;

namespace SalesMentor.App.Features.Sessions;

/// <summary>A session as the pair sees it.</summary>
public sealed record SessionView(
    Guid Id, Guid MentorshipId, DateTime StartsAt, int DurationMinutes, string? Place, string? VideoLink, SessionStatus Status, int Sequence,
    string? Agenda, string? SharedNotes, IReadOnlyList<ActionItem> ActionItems, IReadOnlyList<Guid> BehaviourIds, int Version)
{
    internal static SessionView Of(MentoringSession s) => new(s.Id, s.MentorshipId, s.StartsAt, s.DurationMinutes, s.Place, s.VideoLink, s.Status, s.Sequence,
        s.Agenda, s.SharedNotes, s.ActionItems, s.BehaviourIds, s.Version);
}

public sealed record SessionsView(Guid MentorshipId, bool ReadOnly, IReadOnlyList<SessionView> Sessions);

/// <summary>When and where; <see cref="Version"/> is the version read (ignored when scheduling).</summary>
public sealed record SessionRequest(DateTimeOffset StartsAt, int DurationMinutes, string? Place, string? VideoLink, int Version = 0);

public sealed record SessionVersionRequest(int Version);

/// <param name="Owner"><c>mentor</c> or <c>mentee</c>.</param>
public sealed record ActionItemInput(Guid? Id, string? Text, string? Owner, DateOnly? DueOn, bool Done = false);

/// <summary>What happened: Held, Missed or Rescheduled; the agenda, shared notes (Markdown), action items, behaviours practised.</summary>
public sealed record SessionLogRequest(
    SessionStatus Status, string? Agenda, string? SharedNotes, IReadOnlyList<ActionItemInput>? ActionItems, IReadOnlyList<Guid>? BehaviourIds, int Version);

/// <summary>Access, validation and mail shared by the session use cases.</summary>
public sealed class SessionSupport(SalesMentorDb db, Access access, Mailer mailer, TimeProvider clock)
{
    public const int MaxActionItems = 50;

    public async Task<Result<(MentoringSession Session, PairAccess Pair)>> LoadAsync(Actor actor, Guid id, bool write, CancellationToken ct)
    {
        var session = await db.Sessions.SingleOrDefaultAsync(s => s.Id == id, ct);
        var pair = session is null ? null : await access.LoadConfidentialAsync(actor, session.MentorshipId, ct);
        if (session is null || pair is null) return Error.NotFound("session");
        if (write && pair.ReadOnly) return Ended();
        return (session, pair);
    }

    public static Error Ended() => Error.Conflict("mentorship.ended", "This mentorship has ended: its sessions can be read, not changed.");

    public static Result<(DateTime Start, int Minutes, string? Place, string? Link)> When(SessionRequest r)
    {
        if (r.StartsAt.Year is < 2000 or > 2100) return Error.Validation("session.starts_at", "Give the date and time of the session.");
        if (r.DurationMinutes is < 5 or > 600) return Error.Validation("session.duration", "A session lasts 5 to 600 minutes.");
        var place = TextRules.Read(r.Place, "session.place", "the place", TextRules.MaxName);
        if (!place.IsSuccess) return place.Error!;
        var link = TextRules.Read(r.VideoLink, "session.video_link", "the video link", TextRules.MaxText);
        if (!link.IsSuccess) return link.Error!;
        if (link.Value is { } l && !(Uri.TryCreate(l, UriKind.Absolute, out var uri) && uri.Scheme is "https" or "http"))
        {
            return Error.Validation("session.video_link.invalid", "The video link is a web address (https://…).");
        }

        return (r.StartsAt.UtcDateTime, r.DurationMinutes, place.Value, link.Value);
    }

    /// <summary>Mails the invitation, update or cancellation to both, with the .ics; time and place only.</summary>
    public async Task InviteAsync(MentoringSession session, Mentorship m, string what, CancellationToken ct)
    {
        var people = await db.People.AsNoTracking().Where(p => p.Id == m.MentorId || p.Id == m.MenteeId).ToDictionaryAsync(p => p.Id, ct);
        var (mentor, mentee) = (people[m.MentorId], people[m.MenteeId]);
        var ics = SessionCalendar.Ics(session, mentor.Name, mentor.Email, mentee.Name, mentee.Email, clock.GetUtcNow().UtcDateTime);
        var when = session.StartsAt.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) + " UTC";
        foreach (var (to, other) in new[] { (mentor, mentee), (mentee, mentor) })
        {
            if (to.Email is not { Length: > 0 } email) continue;
            mailer.Enqueue(email, to.Name, $"Mentoring session with {other.Name} {what}: {when}",
                $"Hello {to.Name},\n\nYour mentoring session with {other.Name} {what}: {when}, {session.DurationMinutes} minutes" +
                ((session.VideoLink ?? session.Place) is { } where ? $", {where}" : "") +
                ".\n\nThe calendar entry is attached (invite.ics).", "session", ics);
        }
    }
}

/// <summary>The sessions of a mentorship, newest first: the pair only (404 for everyone else).</summary>
public sealed class ListSessions(SalesMentorDb db, Access access)
{
    public async Task<Result<SessionsView>> HandleAsync(Actor actor, Guid mentorshipId, CancellationToken ct)
    {
        var pair = await access.LoadConfidentialAsync(actor, mentorshipId, ct);
        if (pair is null) return Error.NotFound("mentorship");
        var sessions = await db.Sessions.AsNoTracking().Where(s => s.MentorshipId == mentorshipId).ToListAsync(ct);
        return new SessionsView(mentorshipId, pair.ReadOnly, [.. sessions.OrderByDescending(s => s.StartsAt).Select(SessionView.Of)]);
    }
}

/// <summary>Either of the pair schedules a session; both get an invitation with the .ics by mail.</summary>
public sealed class ScheduleSession(SalesMentorDb db, Access access, SessionSupport support, TimeProvider clock)
{
    public async Task<Result<SessionView>> HandleAsync(Actor actor, Guid mentorshipId, SessionRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var pair = await access.LoadConfidentialAsync(actor, mentorshipId, ct);
        if (pair is null) return Error.NotFound("mentorship");
        if (pair.ReadOnly) return SessionSupport.Ended();
        var when = SessionSupport.When(request);
        if (!when.IsSuccess) return when.Error!;
        var now = clock.GetUtcNow().UtcDateTime;
        var session = new MentoringSession
        {
            MentorshipId = mentorshipId, StartsAt = when.Value.Start, DurationMinutes = when.Value.Minutes, Place = when.Value.Place, VideoLink = when.Value.Link,
            Status = SessionStatus.Scheduled, CreatedAt = now, UpdatedAt = now,
        };
        db.Sessions.Add(session);
        await support.InviteAsync(session, pair.Mentorship, "is scheduled", ct);
        await db.SaveChangesAsync(ct);
        return SessionView.Of(session);
    }
}

/// <summary>Moves a scheduled session (time, length or place): SEQUENCE goes up and both get the update under the same UID.</summary>
public sealed class UpdateSession(SalesMentorDb db, SessionSupport support, TimeProvider clock)
{
    public async Task<Result<SessionView>> HandleAsync(Actor actor, Guid id, SessionRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var loaded = await support.LoadAsync(actor, id, write: true, ct);
        if (!loaded.IsSuccess) return loaded.Error!;
        var (session, pair) = loaded.Value;
        if (session.Status != SessionStatus.Scheduled) return Error.Conflict("session.not_scheduled", "Only a scheduled session can be moved.");
        var when = SessionSupport.When(request);
        if (!when.IsSuccess) return when.Error!;
        db.Entry(session).Property(s => s.Version).OriginalValue = request.Version;
        (session.StartsAt, session.DurationMinutes, session.Place, session.VideoLink) = when.Value;
        session.Sequence++;
        (session.ReminderSentAt, session.LogNudgeSentAt) = (null, null);
        session.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        await support.InviteAsync(session, pair.Mentorship, "has moved", ct);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Error.StaleEdit("session");
        }

        return SessionView.Of(session);
    }
}

/// <summary>Cancels a scheduled session: both get METHOD:CANCEL under the same UID with a higher SEQUENCE.</summary>
public sealed class CancelSession(SalesMentorDb db, SessionSupport support, TimeProvider clock)
{
    public async Task<Result<SessionView>> HandleAsync(Actor actor, Guid id, SessionVersionRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var loaded = await support.LoadAsync(actor, id, write: true, ct);
        if (!loaded.IsSuccess) return loaded.Error!;
        var (session, pair) = loaded.Value;
        if (session.Status != SessionStatus.Scheduled) return Error.Conflict("session.not_scheduled", "Only a scheduled session can be cancelled.");
        db.Entry(session).Property(s => s.Version).OriginalValue = request.Version;
        session.Status = SessionStatus.Cancelled;
        session.Sequence++;
        session.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        await support.InviteAsync(session, pair.Mentorship, "is cancelled", ct);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Error.StaleEdit("session");
        }

        return SessionView.Of(session);
    }
}

/// <summary>
/// Logs what happened (held, missed or rescheduled), with the agenda, shared notes in Markdown (stored as written; pages
/// render them without HTML), action items with owner and due date, and behaviours practised. Send the version read.
/// </summary>
public sealed class LogSession(SalesMentorDb db, SessionSupport support, TimeProvider clock)
{
    public async Task<Result<SessionView>> HandleAsync(Actor actor, Guid id, SessionLogRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var loaded = await support.LoadAsync(actor, id, write: true, ct);
        if (!loaded.IsSuccess) return loaded.Error!;
        var (session, _) = loaded.Value;
        if (request.Status is not (SessionStatus.Held or SessionStatus.Missed or SessionStatus.Rescheduled))
        {
            return Error.Validation("session.log_status", "Log the session as held, missed or rescheduled.");
        }

        if (session.Status == SessionStatus.Cancelled) return Error.Conflict("session.cancelled", "This session was cancelled.");
        var agenda = TextRules.Read(request.Agenda, "session.agenda", "the agenda", TextRules.MaxText, multiline: true);
        if (!agenda.IsSuccess) return agenda.Error!;
        var notes = TextRules.Read(request.SharedNotes, "session.notes", "the shared notes", Data.Configurations.SessionLimits.Notes, multiline: true);
        if (!notes.IsSuccess) return notes.Error!;
        var inputs = request.ActionItems ?? [];
        if (inputs.Count > SessionSupport.MaxActionItems) return Error.Validation("session.action_items", $"At most {SessionSupport.MaxActionItems} action items.");
        var items = new List<ActionItem>();
        foreach (var (item, line) in inputs.Select((a, i) => (a, i + 1)))
        {
            var text = TextRules.Read(item?.Text, "session.action_item", $"action item {line}", TextRules.MaxName, required: true);
            if (!text.IsSuccess) return text.Error!;
            if (item!.Owner is not ("mentor" or "mentee")) return Error.Validation("session.action_owner", $"Action item {line}: the owner is the mentor or the mentee.");
            if (item.DueOn is { Year: < 2000 or > 2100 }) return Error.Validation("session.action_due", $"Action item {line}: give a due date.");
            items.Add(new ActionItem(item.Id ?? Guid.CreateVersion7(), text.Value!, item.Owner, item.DueOn, item.Done));
        }

        var behaviourIds = (request.BehaviourIds ?? []).Distinct().ToList();
        if (behaviourIds.Count > 0 && await db.Behaviours.CountAsync(b => behaviourIds.Contains(b.Id), ct) != behaviourIds.Count)
        {
            return Error.Validation("session.behaviour", "Choose the behaviours practised from the catalog.");
        }

        db.Entry(session).Property(s => s.Version).OriginalValue = request.Version;
        (session.Status, session.Agenda, session.SharedNotes, session.ActionItems, session.BehaviourIds) = (request.Status, agenda.Value, notes.Value, items, behaviourIds);
        session.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Error.StaleEdit("session");
        }

        return SessionView.Of(session);
    }
}

/// <summary>The session's calendar entry (.ics) for download: the pair only.</summary>
public sealed class GetSessionIcs(SalesMentorDb db, SessionSupport support, TimeProvider clock)
{
    public async Task<Result<string>> HandleAsync(Actor actor, Guid id, CancellationToken ct)
    {
        var loaded = await support.LoadAsync(actor, id, write: false, ct);
        if (!loaded.IsSuccess) return loaded.Error!;
        var (session, pair) = loaded.Value;
        var m = pair.Mentorship;
        var people = await db.People.AsNoTracking().Where(p => p.Id == m.MentorId || p.Id == m.MenteeId).ToDictionaryAsync(p => p.Id, ct);
        return SessionCalendar.Ics(session, people[m.MentorId].Name, people[m.MentorId].Email, people[m.MenteeId].Name, people[m.MenteeId].Email, clock.GetUtcNow().UtcDateTime);
    }
}
