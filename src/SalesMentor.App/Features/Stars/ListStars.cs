using Microsoft.EntityFrameworkCore;
using SalesMentor.App.Common;
using SalesMentor.App.Data;
using SalesMentor.App.Features.Kpis;
using SalesMentor.App.Kpis;
using SalesMentor.App.Security;
using SalesMentor.Core.People;
using SalesMentor.Core.Stars;

namespace SalesMentor.App.Features.Stars;

/// <param name="Statuses">Star (the default), NotStar, NotEnoughData; any mix.</param>
public sealed record ListStarsRequest(IReadOnlyList<string>? Statuses = null, PageRequest Paging = default);

public sealed record StarRow(PersonId Person, string Name, string? Team, string? Region, StarVerdictView Verdict);

/// <summary>The people judged by the star rule whom the actor may see, with counts per status over those people.</summary>
public sealed record StarListView(
    string Rule, DateOnly AsOf, IReadOnlyList<PeriodView> Quarters, int Stars, int NotStars, int NotEnoughData,
    IReadOnlyList<StarRow> Items, int Total, int Page, int PageSize);

/// <summary>The proven stars (and, on request, who is not one or has too little history), each with the evidence.</summary>
public sealed class ListStars(SalesMentorDb db, Access access, KpiCache cache, Features.People.OrgUnitsCache units)
{
    public async Task<Result<StarListView>> HandleAsync(Actor actor, ListStarsRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var statuses = new HashSet<StarStatus>();
        foreach (var text in request.Statuses is { Count: > 0 } given ? given : ["Star"])
        {
            if (!TryParse(text, out var status)) return Error.Validation("stars.status", "The status is Star, NotStar or NotEnoughData.");
            statuses.Add(status);
        }

        var scope = await access.SalesDataScopeAsync(actor, ct);
        var snapshot = await cache.GetAsync(ct);
        var visible = snapshot.Stars.Verdicts.OfType<StarVerdict>().Where(v => scope is null || scope.Contains(snapshot.People[v.Person].Id)).ToList();
        var names = await KpiNames.LoadAsync(db, units, ct);
        var rows = visible.Where(v => statuses.Contains(v.Status))
            .OrderBy(v => v.Status switch { StarStatus.Star => 0, StarStatus.NotEnoughData => 1, _ => 2 })
            .ThenByDescending(v => v.Trailing?.Percentile ?? v.QuartersPassed)
            .ThenBy(v => snapshot.People[v.Person].Name, StringComparer.CurrentCulture)
            .ToList();
        var page = rows.Skip(request.Paging.Skip).Take(request.Paging.SafeSize).Select(v =>
        {
            var person = snapshot.People[v.Person];
            return new StarRow(person.Id, person.Name, names.Team(person.TeamId), names.Region(person.RegionId), StarVerdictView.Of(v));
        }).ToList();
        return new StarListView(
            StarRules.Describe(snapshot.Stars.Rule), snapshot.AsOf, [.. snapshot.Stars.Quarters.Select(PeriodView.Of)],
            visible.Count(v => v.Status == StarStatus.Star), visible.Count(v => v.Status == StarStatus.NotStar),
            visible.Count(v => v.Status == StarStatus.NotEnoughData), page, rows.Count, request.Paging.SafePage, request.Paging.SafeSize);
    }

    private static bool TryParse(string? text, out StarStatus status)
    {
        var compact = (text ?? "").Replace("-", "", StringComparison.Ordinal).Replace("_", "", StringComparison.Ordinal).Trim();
        return Enum.TryParse(compact, ignoreCase: true, out status) && Enum.IsDefined(status) && !int.TryParse(compact, out _);
    }
}
