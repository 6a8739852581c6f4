using System.Text.Json.Serialization;

namespace SalesMentor.App.Domain;

/// <summary>
/// How many units of the corporate currency one unit of <see cref="Currency"/> is worth, from
/// <see cref="ValidFrom"/> until the next rate of the same currency. A deal is converted at the
/// rate valid on its close date (pipeline: on its created date); a deal in a currency with no
/// rate for that date is reported, never summed as if it were the corporate currency.
/// </summary>
public sealed class ExchangeRate : IVersioned
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    /// <summary>ISO 4217 code of the deal currency.</summary>
    public required string Currency { get; set; }
    public DateOnly ValidFrom { get; set; }

    /// <summary>Corporate-currency units per one unit of <see cref="Currency"/>; greater than 0.</summary>
    public decimal Rate { get; set; }
    public int Version { get; set; }
}

/// <summary>A saved column mapping for CSV files from any CRM ("any CSV" importer).</summary>
public sealed class ImportProfile : IVersioned
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public required string Name { get; set; }

    /// <summary><c>opportunities</c>, <c>activities</c> or <c>quotas</c>.</summary>
    public required string Kind { get; set; }

    /// <summary>The mapping as JSON (format in docs/import-crm.md).</summary>
    public required string MappingJson { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    public int Version { get; set; }
}

[JsonConverter(typeof(JsonStringEnumConverter<StageOutcome>))]
public enum StageOutcome { Open, Won, Lost }

/// <summary>
/// What a CRM deal stage means, for CRMs whose exports carry no won/closed flags (HubSpot). The
/// user confirms the mapping on the first import of a new stage; it is saved and reused.
/// </summary>
public sealed class CrmStageMapping : IVersioned
{
    public required string Source { get; init; }

    /// <summary>The CRM pipeline the stage belongs to; empty when the export has none.</summary>
    public required string Pipeline { get; init; }
    public required string Stage { get; init; }
    public StageOutcome Outcome { get; set; }
    public int Version { get; set; }
}

/// <summary>The organization's proven-star rule (single row); see Core's <c>StarRule</c> and docs/kpis.md.</summary>
public sealed class StarRuleSettings : IVersioned
{
    public const int SingletonId = 1;
    public int Id { get; init; } = SingletonId;

    /// <summary>Stable KPI id from Core's <c>KpiCatalog</c>.</summary>
    public string Metric { get; set; } = "won-revenue";
    public string? FallbackMetric { get; set; }
    public double PercentileAtLeast { get; set; } = 75;
    public double? TrailingPercentileAtLeast { get; set; } = 90;
    public int QuartersConsidered { get; set; } = 4;
    public int QuartersRequired { get; set; }
    public int MinimumClosedDeals { get; set; } = 20;

    /// <summary><c>Everyone</c>, <c>Region</c> or <c>Team</c>.</summary>
    public string PeerGroup { get; set; } = "Everyone";
    public int Version { get; set; }
}
