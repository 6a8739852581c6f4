using System.Globalization;
using SalesMentor.App.Domain;

namespace SalesMentor.App.Import.Crm;

/// <summary>One call, email, meeting or task as read from a CRM file.</summary>
internal sealed class ActivityRecord : IRecord
{
    public int Line { get; init; }
    public bool Bad { get; set; }
    public string? ExternalId { get; set; }
    public string? OwnerRef { get; set; }
    public ActivityType Type { get; set; }
    public string? Subject { get; set; }
    public DateOnly? Date { get; set; }
    public int? DurationMinutes { get; set; }
    public bool Completed { get; set; }

    /// <summary>The related deal's id in the same source (Salesforce WhatId); linked when it is one of the source's deals.</summary>
    public string? OpportunityRef { get; set; }

    public IReadOnlyList<(string Field, string? Value)> Describe() =>
    [
        ("external id", ExternalId), ("owner", OwnerRef), ("type", Type.ToString()), ("subject", Subject),
        ("date", Date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
        ("minutes", DurationMinutes?.ToString(CultureInfo.InvariantCulture)), ("completed", Completed ? "yes" : "no"), ("related to", OpportunityRef),
    ];

    public static ActivityRecord From(Activity a) => new()
    {
        ExternalId = a.ExternalId, OwnerRef = a.OwnerRef, Type = a.Type, Subject = a.Subject, Date = a.Date,
        DurationMinutes = a.DurationMinutes, Completed = a.Completed, OpportunityRef = a.OpportunityRef,
    };

    /// <summary>A fingerprint of every stored value (not the owner and deal links, which follow from the references).</summary>
    public UInt128 Fingerprint() => Crm.Fingerprint.Start().Add(OwnerRef).Add((int)Type).Add(Subject).Add(Date).Add(DurationMinutes).Add(Completed).Add(OpportunityRef).Value;

    public Activity ToEntity(Guid id, string source, Core.People.PersonId? owner, Guid? opportunity, int version, DateTime now) => new(id)
    {
        Source = source, ExternalId = ExternalId!, OwnerId = owner, OwnerRef = OwnerRef, Type = Type, Subject = Subject, Date = Date!.Value,
        DurationMinutes = DurationMinutes, Completed = Completed, OpportunityRef = OpportunityRef, OpportunityId = opportunity, ImportedAt = now, Version = version,
    };
}
