using SalesMentor.App.Domain;
using SalesMentor.App.Features.Programs;

namespace SalesMentor.App.Features.Adoption;

/// <summary>One rating of a behaviour goal: who (the mentee's check-in or the mentor's observation), the level, the evidence.</summary>
public sealed record AdoptionCheckView(
    Guid Id, Guid BehaviourGoalId, AdoptionSource Source, PersonRef Observer, AdoptionLevel Level, string? Evidence, DateOnly ObservedOn, DateTime CreatedAt);

/// <summary>A behaviour's CRM signal measured for the mentee over one period (e.g. a month).</summary>
public sealed record SignalPoint(string Period, decimal? Value);

/// <summary>
/// A behaviour goal of the agreement with its ratings, oldest first, and — when the behaviour has a CRM signal — the
/// measured value per period. <see cref="SignalMeasured"/> is false while no signal computation is installed
/// (see <see cref="IBehaviourSignalSource"/>): the page then says "not measured yet" rather than showing a number.
/// </summary>
public sealed record BehaviourAdoptionView(
    Guid BehaviourGoalId, Guid BehaviourId, string Behaviour, AdoptionLevel TargetLevel, CrmSignal Signal, bool SignalMeasured,
    IReadOnlyList<SignalPoint> Measured, IReadOnlyList<AdoptionCheckView> Checks);

/// <summary>A company value seen in action.</summary>
public sealed record ValueObservationView(
    Guid Id, Guid ValueId, string Value, AdoptionSource Source, PersonRef Observer, string WhatWasSeen, DateOnly ObservedOn, DateTime CreatedAt);

/// <summary>One line of the mentorship's timeline, newest first: an adoption rating or a value observation.</summary>
/// <param name="Kind"><c>adoption</c> or <c>value</c>.</param>
public sealed record TimelineEntry(DateOnly On, string Kind, string Subject, AdoptionSource Source, string Observer, AdoptionLevel? Level, string? Text);

/// <summary>
/// Behaviour and values adoption of a mentorship: each behaviour goal with its ratings, the values observations and the
/// merged timeline. <see cref="CanRecord"/>: the caller is one of the pair and the mentorship still runs.
/// </summary>
public sealed record AdoptionView(
    Guid MentorshipId, bool CanRecord, string? MySide, IReadOnlyList<BehaviourAdoptionView> Behaviours, IReadOnlyList<ValueObservationView> Values,
    IReadOnlyList<Agreements.ValueRef> ValueChoices, IReadOnlyList<TimelineEntry> Timeline);

/// <summary>A rating of one behaviour goal; the day defaults to today.</summary>
public sealed record AdoptionCheckRequest(Guid BehaviourGoalId, AdoptionLevel Level, string? Evidence, DateOnly? ObservedOn = null);

/// <summary>A value seen in action; the day defaults to today.</summary>
public sealed record ValueObservationRequest(Guid ValueId, string? WhatWasSeen, DateOnly? ObservedOn = null);
