using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;
using SalesMentor.App.Domain;

namespace SalesMentor.App.Features.Sessions;

/// <summary>
/// A session as iCalendar (RFC 5545, RFC 5546): METHOD:REQUEST for an invitation or an update, METHOD:CANCEL for a
/// cancellation, always under the same UID with the session's SEQUENCE, so calendars update the event they have.
/// Names, time and place only — never the agenda or notes.
/// </summary>
public static class SessionCalendar
{
    public static string Uid(Guid session) => $"{session:N}@salesmentor";

    public static string Ics(MentoringSession session, string mentorName, string? mentorEmail, string menteeName, string? menteeEmail, DateTime stamp)
    {
        ArgumentNullException.ThrowIfNull(session);
        var cancelled = session.Status == SessionStatus.Cancelled;
        var e = new CalendarEvent
        {
            Uid = Uid(session.Id),
            Sequence = session.Sequence,
            DtStamp = new CalDateTime(DateTime.SpecifyKind(stamp, DateTimeKind.Utc)),
            DtStart = new CalDateTime(DateTime.SpecifyKind(session.StartsAt, DateTimeKind.Utc)),
            DtEnd = new CalDateTime(DateTime.SpecifyKind(session.StartsAt.AddMinutes(session.DurationMinutes), DateTimeKind.Utc)),
            Summary = $"Mentoring session: {mentorName} and {menteeName}",
            Location = session.VideoLink ?? session.Place,
            Status = cancelled ? "CANCELLED" : "CONFIRMED",
        };
        if (mentorEmail is { Length: > 0 }) e.Organizer = new Organizer($"mailto:{mentorEmail}") { CommonName = mentorName };
        if (menteeEmail is { Length: > 0 }) e.Attendees.Add(new Attendee($"mailto:{menteeEmail}") { CommonName = menteeName });
        if (mentorEmail is { Length: > 0 }) e.Attendees.Add(new Attendee($"mailto:{mentorEmail}") { CommonName = mentorName });
        var calendar = new Calendar { Method = cancelled ? "CANCEL" : "REQUEST" };
        calendar.Events.Add(e);
        return new CalendarSerializer().SerializeToString(calendar) ?? "";
    }
}
