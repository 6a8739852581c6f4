using SalesMentor.App.Features.Programs;

namespace SalesMentor.Web.Components.Pages.Programs;

/// <summary>A program's settings while its editor is open.</summary>
public sealed class ProgramDraft
{
    public string? Name { get; set; }
    public string? Goals { get; set; }
    public string? DefaultTerms { get; set; }
    public DateTime? StartsOn { get; set; }
    public DateTime? EndsOn { get; set; }
    public string Mode { get; set; } = "BestTotalFit";
    public int MinimumScore { get; set; }
    public int Gaps { get; set; }
    public int Values { get; set; }
    public int Readiness { get; set; }
    public int Preferences { get; set; }
    public int Location { get; set; }
    public int Seniority { get; set; }
    public bool RequireProvenStar { get; set; }
    public bool ExcludeSupervisorChain { get; set; }
    public bool ExcludeSameTeam { get; set; }
    public bool ExcludePreviousPairs { get; set; }
    public int DefaultCapacity { get; set; }
    public List<PersonRef> Coordinators { get; } = [];
    public int Version { get; init; }

    public static ProgramDraft Of(ProgramView p)
    {
        ArgumentNullException.ThrowIfNull(p);
        var draft = new ProgramDraft
        {
            Name = p.Name, Goals = p.Goals, DefaultTerms = p.DefaultTerms, StartsOn = ProgramFormat.Date(p.StartsOn), EndsOn = ProgramFormat.Date(p.EndsOn), Mode = p.Mode,
            MinimumScore = p.MinimumScore, Gaps = p.Weights.Gaps, Values = p.Weights.Values, Readiness = p.Weights.Readiness,
            Preferences = p.Weights.Preferences, Location = p.Weights.Location, Seniority = p.Weights.Seniority,
            RequireProvenStar = p.Rules.RequireProvenStar, ExcludeSupervisorChain = p.Rules.ExcludeSupervisorChain, ExcludeSameTeam = p.Rules.ExcludeSameTeam,
            ExcludePreviousPairs = p.Rules.ExcludePreviousPairs, DefaultCapacity = p.Rules.DefaultCapacity, Version = p.Version,
        };
        draft.Coordinators.AddRange(p.Coordinators);
        return draft;
    }

    public ProgramRequest ToRequest() => new(
        Name, Goals, ProgramFormat.Date(StartsOn), ProgramFormat.Date(EndsOn), Mode, MinimumScore,
        new WeightsView(Gaps, Values, Readiness, Preferences, Location, Seniority),
        new ProgramRulesView(RequireProvenStar, ExcludeSupervisorChain, ExcludeSameTeam, ExcludePreviousPairs, DefaultCapacity),
        [.. Coordinators.Select(c => c.Id)], Version, DefaultTerms ?? "");
}
