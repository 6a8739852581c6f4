using System.Globalization;
using SalesMentor.App.Domain;
using SalesMentor.App.Features.Agreements;

namespace SalesMentor.Web.Components.Pages.Mentorships;

/// <summary>The agreement form's state: the goals as edited, turned back into the request the use case takes.</summary>
public sealed class AgreementDraft
{
    public List<KpiGoalDraft> KpiGoals { get; } = [];

    public List<BehaviourGoalDraft> BehaviourGoals { get; } = [];

    public IReadOnlyCollection<Guid>? ValueIds { get; set; } = [];

    public MeetingCadence Cadence { get; set; }

    public string? Terms { get; set; }

    public int Version { get; private set; }

    public static AgreementDraft From(AgreementView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        var draft = new AgreementDraft { ValueIds = [.. view.Values.Select(v => v.Id)], Cadence = view.Cadence, Terms = view.Terms, Version = view.Version };
        draft.KpiGoals.AddRange(view.KpiGoals.Select(g => new KpiGoalDraft
        {
            Id = g.Id, Kpi = g.Kpi, Target = g.Target, TargetDate = g.TargetDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), Baseline = g.Baseline,
        }));
        draft.BehaviourGoals.AddRange(view.BehaviourGoals.Select(g => new BehaviourGoalDraft { Id = g.Id, BehaviourId = g.BehaviourId, Level = g.Level }));
        return draft;
    }

    /// <summary>The request, or the message to show when a date cannot be read.</summary>
    public (AgreementRequest? Request, string? Problem) ToRequest()
    {
        var kpis = new List<KpiGoalInput>();
        foreach (var (goal, line) in KpiGoals.Select((g, i) => (g, i + 1)))
        {
            if (!DateOnly.TryParseExact(goal.TargetDate, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                return (null, $"KPI goal {line}: give a target date.");
            }

            kpis.Add(new KpiGoalInput(goal.Id, goal.Kpi, goal.Target, date, goal.Id is null ? goal.BaselineMonths : null));
        }

        var behaviours = BehaviourGoals.Select(g => new BehaviourGoalInput(g.Id, g.BehaviourId ?? Guid.Empty, g.Level)).ToList();
        return (new AgreementRequest(kpis, behaviours, [.. ValueIds ?? []], Cadence, Terms, Version), null);
    }
}

/// <summary>A KPI goal in the form; <see cref="Id"/> and <see cref="Baseline"/> once saved (the baseline is then frozen).</summary>
public sealed class KpiGoalDraft
{
    public Guid? Id { get; init; }

    public string? Kpi { get; set; }

    public decimal Target { get; set; }

    public string? TargetDate { get; set; }

    public int BaselineMonths { get; set; } = 3;

    public decimal? Baseline { get; init; }
}

/// <summary>A behaviour goal in the form.</summary>
public sealed class BehaviourGoalDraft
{
    public Guid? Id { get; init; }

    public Guid? BehaviourId { get; set; }

    public AdoptionLevel Level { get; set; } = AdoptionLevel.Practising;
}
