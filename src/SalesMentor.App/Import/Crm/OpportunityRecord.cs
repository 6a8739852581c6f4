using System.Globalization;
using SalesMentor.App.Domain;

namespace SalesMentor.App.Import.Crm;

/// <summary>One deal as read from a CRM file, before it is matched to the stored one.</summary>
internal sealed class OpportunityRecord : IRecord
{
    // Column sizes, as configured for Opportunity.
    public const int MaxKey = 200;
    public const int MaxOwner = 320;
    public const int MaxText = 2000;
    public const int MaxName = 300;

    public int Line { get; init; }
    public bool Bad { get; set; }
    public string? ExternalId { get; set; }
    public string? OwnerRef { get; set; }
    public string? Name { get; set; }
    public string? Account { get; set; }
    public string? Product { get; set; }
    public string? Stage { get; set; }

    /// <summary>HubSpot's pipeline: with the stage, the key of the stage mapping. Not stored on the deal.</summary>
    public string? Pipeline { get; set; }
    public decimal? Amount { get; set; }
    public string Currency { get; set; } = "";
    public DateOnly? CreatedOn { get; set; }
    public DateOnly? CloseDate { get; set; }
    public bool IsClosed { get; set; }
    public bool IsWon { get; set; }
    public int? Probability { get; set; }
    public string? LeadSource { get; set; }

    public IReadOnlyList<(string Field, string? Value)> Describe() =>
    [
        ("external id", ExternalId), ("owner", OwnerRef), ("name", Name), ("account", Account), ("product", Product), ("stage", Stage),
        ("amount", Amount is { } a ? a.ToString("#,0.00##", CultureInfo.InvariantCulture) + " " + Currency : null),
        ("created", CreatedOn?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
        ("close date", CloseDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
        ("outcome", IsWon ? "won" : IsClosed ? "lost" : "open"),
        ("probability", Probability?.ToString(CultureInfo.InvariantCulture)), ("lead source", LeadSource),
    ];

    /// <summary>The stored deal as a record, to compare an import's row with.</summary>
    public static OpportunityRecord From(Opportunity o) => new()
    {
        ExternalId = o.ExternalId, OwnerRef = o.OwnerRef, Name = o.Name, Account = o.Account, Product = o.Product, Stage = o.Stage,
        Amount = o.Amount, Currency = o.Currency, CreatedOn = o.CreatedOn, CloseDate = o.CloseDate, IsClosed = o.IsClosed, IsWon = o.IsWon,
        Probability = o.Probability, LeadSource = o.LeadSource,
    };

    /// <summary>A fingerprint of every stored value (not the owner link, which follows from the owner reference).</summary>
    public UInt128 Fingerprint()
    {
        var print = Crm.Fingerprint.Start();
        print.Add(OwnerRef).Add(Name).Add(Account).Add(Product).Add(Stage).Add(Amount).Add(Currency).Add(CreatedOn).Add(CloseDate)
            .Add(IsClosed).Add(IsWon).Add(Probability).Add(LeadSource);
        return print.Value;
    }

    public Opportunity ToEntity(Guid id, string source, Core.People.PersonId? owner, int version, DateTime now) => new(id)
    {
        Source = source, ExternalId = ExternalId!, OwnerId = owner, OwnerRef = OwnerRef, Name = Name, Account = Account, Product = Product,
        Stage = Stage, Amount = Amount, Currency = Currency, CreatedOn = CreatedOn, CloseDate = CloseDate, IsClosed = IsClosed, IsWon = IsWon,
        Probability = Probability, LeadSource = LeadSource, ImportedAt = now, Version = version,
    };
}
