using System.Text.Json.Serialization;
using SalesMentor.Core.People;

namespace SalesMentor.App.Domain;

/// <summary>How a mentorship ended: completed after the closing conversation, or ended early with a reason.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<MentorshipEnd>))]
public enum MentorshipEnd { Completed, EndedEarly }

/// <summary>Why a mentorship ended early, in a few words anyone may read (the text beside it says more).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<EarlyEndReason>))]
public enum EarlyEndReason { Workload, RoleChange, LeftCompany, NotAGoodFit, GoalsReachedEarly, Other }

/// <summary>How far a goal was reached when the mentorship closed.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<GoalAchievement>))]
public enum GoalAchievement { Achieved, Partly, NotAchieved }

/// <summary>Which kind of agreement goal an outcome is about.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<GoalKind>))]
public enum GoalKind { Kpi, Behaviour }

/// <summary>
/// The outcome of one agreement goal, recorded at closing: achieved, partly or not; for a KPI goal also the measured
/// final value (the mean of the mentee's monthly values over as many whole months before the day it was recorded as
/// the baseline used, from <see cref="MeasuredFrom"/> to <see cref="MeasuredTo"/>; null with no data).
/// </summary>
public sealed record GoalOutcome(Guid GoalId, GoalKind Kind, GoalAchievement Achievement, decimal? MeasuredValue, string? MeasuredFrom, string? MeasuredTo);

/// <summary>
/// One side's closing reflection on their mentorship: a short text, sealed at rest like the confidential space,
/// read by the pair only (not the supervisor chain, not the admins, not the former mentor after the end).
/// </summary>
public sealed class Reflection : IVersioned
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid MentorshipId { get; init; }
    public PersonId AuthorId { get; init; }
    public byte[] SealedText { get; set; } = [];
    public DateTime CreatedAt { get; init; }
    public DateTime UpdatedAt { get; set; }
    public int Version { get; set; }
}

/// <summary>
/// The mark that a pulse reminder went out to one person for one round of one mentorship; its unique key makes the
/// reminder job send each reminder once, even when it runs twice or on two instances at once.
/// </summary>
public sealed class PulseReminder
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid MentorshipId { get; init; }
    public PersonId PersonId { get; init; }
    public int Round { get; init; }
    public DateTime SentAt { get; init; }
}
