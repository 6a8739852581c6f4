using Microsoft.EntityFrameworkCore;
using SalesMentor.App.Common;
using SalesMentor.App.Data;
using SalesMentor.App.Domain;
using SalesMentor.App.Features.Matching;
using SalesMentor.Core.Matching.Scoring;

namespace SalesMentor.App.Features.Programs;

/// <summary>The checks a program's settings pass, and how they are written onto the record; shared by create and update.</summary>
internal static class ProgramRules
{
    public const int MaxCapacity = 10;

    public static async Task<Error?> ApplyAsync(SalesMentorDb db, MentorshipProgram program, ProgramRequest request, bool mayChangeCoordinators, CancellationToken ct)
    {
        var name = TextRules.Read(request.Name, "program.name", "the program a name", TextRules.MaxName, required: true);
        if (!name.IsSuccess) return name.Error;
        var goals = TextRules.Read(request.Goals, "program.goals", "the goals", TextRules.MaxText, multiline: true);
        if (!goals.IsSuccess) return goals.Error;
        var terms = TextRules.Read(request.DefaultTerms, "program.default_terms", "the default confidentiality terms", TextRules.MaxText, multiline: true);
        if (!terms.IsSuccess) return terms.Error;
        if (request.StartsOn is { } s && request.EndsOn is { } e && e < s) return Error.Validation("program.dates", "The program ends before it starts.");
        var mode = program.Mode;
        if (request.Mode is not null && !MatchModes.TryParse(request.Mode, out mode))
        {
            return Error.Validation("program.mode", "The mode is BestTotalFit (best), Fairest (fair) or Stable.");
        }

        if (request.MinimumScore is < 0 or > PairScore.MaxScore) return Error.Validation("program.minimum_score", "The minimum score is 0 to 1000.");
        var weights = request.Weights ?? WeightsView.Of(program);
        if (!weights.ToCore().IsValid) return Error.Validation("program.weights", "Each weight is 0 to 10, and at least one is above 0.");
        var rules = request.Rules ?? RulesOf(program);
        if (rules.DefaultCapacity is < 1 or > MaxCapacity) return Error.Validation("program.capacity", $"A mentor's default capacity is 1 to {MaxCapacity} mentees.");
        if (request.Coordinators is { } coordinators)
        {
            var wanted = coordinators.Distinct().ToList();
            var current = program.Coordinators.Select(c => c.PersonId).ToHashSet();
            if (!wanted.ToHashSet().SetEquals(current))
            {
                if (!mayChangeCoordinators) return Error.Forbidden("program.coordinators", "Only an admin can name a program's coordinators.");
                if (await db.People.CountAsync(p => wanted.Contains(p.Id), ct) != wanted.Count) return Error.Validation("program.coordinators", "A coordinator is not in the people directory.");
                program.Coordinators.RemoveAll(c => !wanted.Contains(c.PersonId));
                foreach (var person in wanted.Where(p => !current.Contains(p))) program.Coordinators.Add(new ProgramCoordinator { ProgramId = program.Id, PersonId = person });
            }
        }

        program.Name = name.Value!;
        program.Goals = goals.Value;

        // Not sent: kept as it is; sent empty (or as the built-in text): back to the built-in text.
        if (request.DefaultTerms is not null) program.DefaultTerms = terms.Value == Agreements.AgreementReader.DefaultTerms ? null : terms.Value;
        (program.StartsOn, program.EndsOn, program.Mode, program.MinimumScore) = (request.StartsOn, request.EndsOn, mode, request.MinimumScore);
        (program.WeightGaps, program.WeightValues, program.WeightReadiness) = (weights.Gaps, weights.Values, weights.Readiness);
        (program.WeightPreferences, program.WeightLocation, program.WeightSeniority) = (weights.Preferences, weights.Location, weights.Seniority);
        (program.RequireProvenStar, program.ExcludeSupervisorChain, program.ExcludeSameTeam) = (rules.RequireProvenStar, rules.ExcludeSupervisorChain, rules.ExcludeSameTeam);
        (program.ExcludePreviousPairs, program.DefaultCapacity) = (rules.ExcludePreviousPairs, rules.DefaultCapacity);
        return null;
    }

    public static ProgramRulesView RulesOf(MentorshipProgram p) =>
        new(p.RequireProvenStar, p.ExcludeSupervisorChain, p.ExcludeSameTeam, p.ExcludePreviousPairs, p.DefaultCapacity);

    /// <summary>Which status may follow which: forward one step at a time, or back one step (e.g. to re-open enrollment); closed is final.</summary>
    public static bool CanMove(ProgramStatus from, ProgramStatus to) =>
        from != ProgramStatus.Closed && (Math.Abs((int)to - (int)from) == 1 || to == ProgramStatus.Closed);
}
