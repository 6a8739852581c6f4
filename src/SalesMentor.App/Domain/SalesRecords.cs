using System.Text.Json.Serialization;
using SalesMentor.Core.People;

namespace SalesMentor.App.Domain;

/// <summary>
/// A deal from a CRM, unique by (<see cref="Source"/>, <see cref="ExternalId"/>). Won and lost are
/// decided by the CRM's flags, never by the stage label, which differs per organization.
/// </summary>
public sealed class Opportunity : IVersioned
{
    /// <summary>A new opportunity with a new version 7 id.</summary>
    public Opportunity() => Id = Guid.CreateVersion7();

    /// <summary>
    /// A new opportunity with an id drawn by the caller: a bulk import draws many at once (<c>NewIds</c>), where
    /// <see cref="Guid.CreateVersion7()"/> costs a system call each. (EF does not use this constructor: it binds no property.)
    /// </summary>
    internal Opportunity(Guid assignedId) => Id = assignedId;

    public Guid Id { get; init; }

    /// <summary>Where it came from: <c>salesforce</c>, <c>hubspot</c>, <c>csv:profile</c>, <c>demo</c>.</summary>
    public required string Source { get; init; }
    public required string ExternalId { get; init; }
    public PersonId? OwnerId { get; set; }

    /// <summary>The owner as the CRM named them (owner id, email or name), kept to re-link later.</summary>
    public string? OwnerRef { get; set; }
    public string? Name { get; set; }
    public string? Account { get; set; }
    public string? Product { get; set; }
    public string? Stage { get; set; }

    /// <summary>In <see cref="Currency"/>; null when the CRM had none.</summary>
    public decimal? Amount { get; set; }

    /// <summary>ISO 4217 code.</summary>
    public required string Currency { get; set; }
    public DateOnly? CreatedOn { get; set; }

    /// <summary>Actual close date when closed, expected close date when open (may be missing).</summary>
    public DateOnly? CloseDate { get; set; }
    public bool IsClosed { get; set; }
    public bool IsWon { get; set; }
    public int? Probability { get; set; }
    public string? LeadSource { get; set; }
    public DateTime ImportedAt { get; set; }
    public int Version { get; set; }
}

[JsonConverter(typeof(JsonStringEnumConverter<ActivityType>))]
public enum ActivityType { Call, Email, Meeting, Task, Other }

/// <summary>A call, email, meeting or task from a CRM, unique by (<see cref="Source"/>, <see cref="ExternalId"/>).</summary>
public sealed class Activity : IVersioned
{
    /// <summary>A new activity with a new version 7 id.</summary>
    public Activity() => Id = Guid.CreateVersion7();

    /// <summary>
    /// A new activity with an id drawn by the caller: a bulk import draws many at once (<c>NewIds</c>), where
    /// <see cref="Guid.CreateVersion7()"/> costs a system call each. (EF does not use this constructor: it binds no property.)
    /// </summary>
    internal Activity(Guid assignedId) => Id = assignedId;

    public Guid Id { get; init; }
    public required string Source { get; init; }
    public required string ExternalId { get; init; }
    public PersonId? OwnerId { get; set; }
    public string? OwnerRef { get; set; }
    public ActivityType Type { get; set; }
    public string? Subject { get; set; }
    public DateOnly Date { get; set; }
    public int? DurationMinutes { get; set; }
    public bool Completed { get; set; }

    /// <summary>The related opportunity's external id in the same source (Salesforce WhatId).</summary>
    public string? OpportunityRef { get; set; }
    public Guid? OpportunityId { get; set; }
    public DateTime ImportedAt { get; set; }
    public int Version { get; set; }
}

/// <summary>A sales target for one person over the half-open period [<see cref="PeriodStart"/>, <see cref="PeriodEnd"/>).</summary>
public sealed class Quota : IVersioned
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public PersonId PersonId { get; set; }
    public DateOnly PeriodStart { get; set; }
    public DateOnly PeriodEnd { get; set; }
    public decimal Amount { get; set; }
    public required string Currency { get; set; }
    public int Version { get; set; }
}
