using System.Text.Json.Serialization;
namespace SalesMentor.App.Domain;

[JsonConverter(typeof(JsonStringEnumConverter<OutboxStatus>))]
public enum OutboxStatus
{
    Pending,
    Sent,

    /// <summary>No mail server is configured: the message was written to the server log instead.</summary>
    Logged,

    /// <summary>Gave up after the maximum number of attempts.</summary>
    Failed,
}

/// <summary>
/// An email waiting to be sent. Delivery is at-least-once: a crash after the SMTP server accepted
/// the message but before it was marked sent sends it again with the same <see cref="MessageId"/>,
/// so mail clients show it once.
/// </summary>
public sealed class OutboxMessage
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public required string MessageId { get; init; }
    public required string ToAddress { get; init; }
    public string? ToName { get; init; }
    public required string Subject { get; init; }
    public required string TextBody { get; init; }
    public string? HtmlBody { get; init; }

    /// <summary>An iCalendar invitation, update or cancellation sent along as <c>invite.ics</c> (text/calendar); null for most mail.</summary>
    public string? CalendarIcs { get; init; }

    /// <summary>What kind of mail: <c>invitation</c>, <c>password-reset</c>, <c>account-notice</c>, …</summary>
    public required string Category { get; init; }
    public OutboxStatus Status { get; set; }
    public int Attempts { get; set; }
    public DateTime CreatedAt { get; init; }
    public DateTime NextAttemptAt { get; set; }
    public DateTime? SentAt { get; set; }
    public string? LastError { get; set; }

    /// <summary>The sender instance holding the message until <see cref="ClaimedUntil"/>.</summary>
    public string? ClaimedBy { get; set; }
    public DateTime? ClaimedUntil { get; set; }
}
