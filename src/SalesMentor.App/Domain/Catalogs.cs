using System.Text.Json.Serialization;

namespace SalesMentor.App.Domain;

/// <summary>A behaviour's signal measured from CRM data, when there is one (docs/kpis.md, behaviour signals, defines them; ComputeBehaviourSignals computes them).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<CrmSignal>))]
public enum CrmSignal
{
    None,

    /// <summary>Completed activities per open opportunity, over the last 30 days.</summary>
    ActivitiesPerOpenOpportunity,

    /// <summary>Pipeline (amount of opportunities created) per month, in the corporate currency.</summary>
    PipelineCreatedPerMonth,

    /// <summary>Share of open opportunities with an activity in the last 14 days.</summary>
    OpenOpportunitiesTouchedLast14Days,
}

/// <summary>A sales skill of the catalog. <see cref="Key"/> is stable: ratings and KPI signals refer to it.</summary>
public sealed class Skill : IVersioned
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    /// <summary>Lower-case slug (e.g. <c>closing</c>); never changes once created.</summary>
    public required string Key { get; init; }
    public required string Name { get; set; }
    public string? Description { get; set; }
    public int SortOrder { get; set; }

    /// <summary>Deleted from the catalog: no longer offered, kept so old ratings still read.</summary>
    public bool Archived { get; set; }
    public int Version { get; set; }
}

/// <summary>An observable habit a mentor models and a mentee adopts, tied to skills, maybe measurable in the CRM.</summary>
public sealed class Behaviour : IVersioned
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public required string Name { get; set; }
    public string? Description { get; set; }

    /// <summary>Keys of the skills the behaviour builds.</summary>
    public List<string> SkillKeys { get; set; } = [];
    public CrmSignal Signal { get; set; }
    public int SortOrder { get; set; }
    public bool Archived { get; set; }
    public int Version { get; set; }
}

/// <summary>One of the organization's values, with what it means.</summary>
public sealed class CompanyValue : IVersioned
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public required string Name { get; set; }
    public string? Description { get; set; }
    public int SortOrder { get; set; }
    public bool Archived { get; set; }
    public int Version { get; set; }
}
