using System.Text.Json.Serialization;

namespace SalesMentor.App.Domain;

/// <summary>scheduled → held, missed or rescheduled (logged), or cancelled.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<SessionStatus>))]
public enum SessionStatus { Scheduled, Held, Missed, Rescheduled, Cancelled }

/// <summary>Something to do after a session: what, whose (<c>mentor</c> or <c>mentee</c>), by when, done or not.</summary>
public sealed record ActionItem(Guid Id, string Text, string Owner, DateOnly? DueOn, bool Done);

/// <summary>
/// A session of a mentorship: when, how long, where (a place or a video link), and once it happened its log — agenda,
/// shared notes (Markdown), action items and behaviours practised. For the pair only. <see cref="Sequence"/> is the
/// iCalendar SEQUENCE: raised by every change of time or place and by the cancellation, under the same UID.
/// </summary>
public sealed class MentoringSession : IVersioned
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid MentorshipId { get; init; }
    public DateTime StartsAt { get; set; }
    public int DurationMinutes { get; set; }
    public string? Place { get; set; }
    public string? VideoLink { get; set; }
    public SessionStatus Status { get; set; }
    public int Sequence { get; set; }
    public string? Agenda { get; set; }
    public string? SharedNotes { get; set; }
    public List<ActionItem> ActionItems { get; set; } = [];
    public List<Guid> BehaviourIds { get; set; } = [];
    public DateTime CreatedAt { get; init; }

    /// <summary>When the reminder before this session went out (both of the pair); cleared when the session moves.</summary>
    public DateTime? ReminderSentAt { get; set; }

    /// <summary>When the pair was nudged to log this session after it ended without a log.</summary>
    public DateTime? LogNudgeSentAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    public int Version { get; set; }
}
