using SalesMentor.App.Domain;
using SalesMentor.App.Features.Programs;

namespace SalesMentor.App.Features.Confidential;

/// <summary>A concern with its thread, as its mentee and mentor see it.</summary>
public sealed record ConcernView(
    Guid Id, Guid MentorshipId, ConcernKind Kind, ConcernStatus Status, string Text, PersonRef RaisedBy, DateTime CreatedAt, DateTime UpdatedAt,
    IReadOnlyList<ConcernReplyView> Replies, int Version);

public sealed record ConcernReplyView(Guid Id, PersonRef Author, string Text, DateTime CreatedAt);

/// <summary>The confidential space of a mentorship: its concerns, newest first, and whether the caller may still write.</summary>
public sealed record ConfidentialSpaceView(Guid MentorshipId, string Side, bool ReadOnly, IReadOnlyList<ConcernView> Concerns);

public sealed record RaiseConcernRequest(ConcernKind Kind, string? Text);

public sealed record EditConcernRequest(ConcernKind Kind, string? Text, int Version);

public sealed record ReplyRequest(string? Text);

public sealed record ConcernStatusRequest(ConcernStatus Status, int Version);

/// <summary>One read of a concern, from the audit log: who and when, never what.</summary>
public sealed record ConcernReadView(Guid ConcernId, string Reader, bool Me, DateTime At);
