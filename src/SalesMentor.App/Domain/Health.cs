using System.Text.Json.Serialization;
using SalesMentor.Core.People;

namespace SalesMentor.App.Domain;

/// <summary>Who rated a behaviour: the mentee about themself (a check-in) or the mentor (an observation).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<AdoptionSource>))]
public enum AdoptionSource { Self, Mentor }

/// <summary>
/// One rating of how far the mentee has adopted a behaviour goal of the agreement, with a short evidence note: a
/// check-in by the mentee or an observation by the mentor. Part of goals and progress (DESIGN.md): the pair, the
/// mentee's supervisor chain and the program's managers read it.
/// </summary>
public sealed class AdoptionCheck
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid MentorshipId { get; init; }

    /// <summary>The agreement's behaviour goal (<see cref="BehaviourGoal.Id"/>).</summary>
    public Guid BehaviourGoalId { get; init; }
    public Guid BehaviourId { get; init; }
    public PersonId ObserverId { get; init; }
    public AdoptionSource Source { get; init; }
    public AdoptionLevel Level { get; init; }
    public string? Evidence { get; init; }
    public DateOnly ObservedOn { get; init; }
    public DateTime CreatedAt { get; init; }
}

/// <summary>A company value seen in action: which value, what was seen, by whom (the mentor or the mentee).</summary>
public sealed class ValueObservation
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid MentorshipId { get; init; }
    public Guid ValueId { get; init; }
    public PersonId ObserverId { get; init; }
    public AdoptionSource Source { get; init; }
    public required string WhatWasSeen { get; init; }
    public DateOnly ObservedOn { get; init; }
    public DateTime CreatedAt { get; init; }
}

/// <summary>
/// One side's pulse check-in of one round: trust, safety, value of the time, commitment (1–5) and an optional comment.
/// The scores and the comment are sealed together (<see cref="Security.ConfidentialCipher"/>, bound to this record):
/// only their author reads them; the app opens them to raise health flags and to build aggregates of ≥ 5 people.
/// </summary>
public sealed class Pulse : IVersioned
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid MentorshipId { get; init; }
    public PersonId RespondentId { get; init; }

    /// <summary>The pulse round (see <c>HealthRules.Round</c>): one answer per person, mentorship and round.</summary>
    public int Round { get; init; }

    /// <summary>JSON of the scores and comment, sealed with AES-GCM under the confidential key.</summary>
    public byte[] SealedAnswers { get; set; } = [];
    public DateTime CreatedAt { get; init; }
    public DateTime UpdatedAt { get; set; }
    public int Version { get; set; }
}

/// <summary>
/// A pulse aggregate once shown to someone: one group (the program's everyone, mentees or mentors, or a manager's own
/// people as mentees or mentors) of one closed round, with the people it summarizes and the means it showed. Kept so
/// that it never changes and so that every later aggregate is checked against it (no two differing by 1–4 people),
/// whatever happens to the manager tree or the answers afterwards.
/// </summary>
public sealed class PulseAggregate
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid ProgramId { get; init; }
    public int Round { get; init; }

    /// <summary><c>program:everyone|mentees|mentors</c> or <c>team:{manager id}:mentees|mentors</c>.</summary>
    public required string Key { get; init; }

    /// <summary>The people whose answers it summarizes, ids in ordinal order separated by spaces (who answered, never what).</summary>
    public required string Respondents { get; init; }
    public int RespondentCount { get; init; }
    public decimal Trust { get; init; }
    public decimal Safety { get; init; }
    public decimal Value { get; init; }
    public decimal Commitment { get; init; }
    public DateTime ReleasedAt { get; init; }
}
