using SalesMentor.App.Domain;

namespace SalesMentor.App.Import.Crm;

/// <summary>A stage outcome the user chose: for a CRM whose exports carry no won/closed flags. An empty pipeline means any pipeline.</summary>
public sealed record StageDecision(string Pipeline, string Stage, StageOutcome Outcome);

/// <summary>A deal stage found in a file: what it means, whether that is saved (or was just chosen) or only guessed, and on how many rows.</summary>
public sealed record StageSeen(string Pipeline, string Stage, StageOutcome Outcome, bool Known, int Rows);

/// <summary>
/// What each deal stage of one CRM means (won, lost or open): the saved <see cref="CrmStageMapping"/>s,
/// overridden by the user's decisions for this import, else a guess — "Closed Won" is won, "Closed
/// Lost" is lost, anything else open — that the user must confirm before the import writes.
/// Records every stage it is asked about, for the preview.
/// </summary>
internal sealed class StageBook
{
    /// <summary>Distinct stages listed at most; a file with more probably has the wrong column as its stage.</summary>
    public const int MaxStages = 1_000;

    private readonly Dictionary<(string, string), StageOutcome> _known = [];
    private readonly Dictionary<(string Pipeline, string Stage), (StageOutcome Outcome, bool Known, int Rows)> _seen = [];

    public StageBook(IEnumerable<CrmStageMapping> saved, IEnumerable<StageDecision>? decisions)
    {
        ArgumentNullException.ThrowIfNull(saved);
        foreach (var mapping in saved) _known[(mapping.Pipeline, mapping.Stage)] = mapping.Outcome;
        foreach (var decision in decisions ?? []) _known[(decision.Pipeline ?? "", decision.Stage)] = decision.Outcome;
    }

    /// <summary>The stages seen, most rows first.</summary>
    public IReadOnlyList<StageSeen> Seen =>
        [.. _seen.Select(s => new StageSeen(s.Key.Pipeline, s.Key.Stage, s.Value.Outcome, s.Value.Known, s.Value.Rows))
            .OrderByDescending(s => s.Rows).ThenBy(s => s.Pipeline, StringComparer.Ordinal).ThenBy(s => s.Stage, StringComparer.Ordinal)];

    /// <summary>Stages that are neither saved nor decided: the import must not write until they are.</summary>
    public IReadOnlyList<StageSeen> Unknown => [.. Seen.Where(s => !s.Known)];

    /// <summary>What <paramref name="stage"/> of <paramref name="pipeline"/> means, counting the row.</summary>
    public StageOutcome Outcome(string pipeline, string stage)
    {
        var key = (pipeline, stage);
        if (_seen.TryGetValue(key, out var seen))
        {
            _seen[key] = seen with { Rows = seen.Rows + 1 };
            return seen.Outcome;
        }

        // A decision or mapping without a pipeline holds for the stage in every pipeline.
        var known = _known.TryGetValue(key, out var outcome) || _known.TryGetValue(("", stage), out outcome);
        if (!known) outcome = Guess(stage);
        if (_seen.Count < MaxStages) _seen[key] = (outcome, known, 1);
        return outcome;
    }

    /// <summary>"Closed Won" (or "closedwon", HubSpot's internal name) is won, "Closed Lost" lost, anything else open.</summary>
    public static StageOutcome Guess(string stage)
    {
        var key = Crm.HeaderIndex.Key(stage ?? "");
        return key switch
        {
            "closedwon" or "won" => StageOutcome.Won,
            "closedlost" or "lost" => StageOutcome.Lost,
            _ => StageOutcome.Open,
        };
    }
}
