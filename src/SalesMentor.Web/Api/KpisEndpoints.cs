using Microsoft.AspNetCore.Http.HttpResults;
using SalesMentor.App.Common;
using SalesMentor.App.Features.Kpis;
using SalesMentor.App.Features.Stars;
using SalesMentor.Core.People;

namespace SalesMentor.Web.Api;

/// <summary>KPIs, scorecards, leaderboards, proven stars and the star rule. Every read follows the sales-data visibility rules.</summary>
public static class KpisEndpoints
{
    public static void MapKpisEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("/kpis", GetOverview).WithTags("KPIs").WithName("GetKpiOverview")
            .WithSummary("Every KPI's definition, the periods with data (month, quarter, year) and the current ones.");
        api.MapGet("/people/{id:guid}/scorecard", GetScorecard).WithTags("KPIs").WithName("GetScorecard")
            .WithSummary("A person's KPIs for one period (periodKind=month|quarter|year, period=2026-03|2026-Q3|FY2026) with trends, percentile ranks, 12 periods of history, star status, skill signals and data problems. 404 when their sales data is hidden.");
        api.MapGet("/people/{id:guid}/behaviour-signals", GetBehaviourSignals).WithTags("KPIs").WithName("GetBehaviourSignals")
            .WithSummary("A person's behaviour signals per calendar month (months=1–24, default 6, ending with through=2026-03, default the current month): activities per open opportunity, pipeline created, share of open opportunities touched in 14 days, and each catalog behaviour with a CRM signal. 404 when their sales data is hidden.");
        api.MapGet("/leaderboards", GetLeaderboard).WithTags("KPIs").WithName("GetLeaderboard")
            .WithSummary("People ranked by one KPI (kpi=won-revenue…) in one period, among everyone, the region or the team (scope); filter by regionId/teamId; sort=rank|value|name|team|region; only people whose sales data you may see.");
        api.MapGet("/leaderboards/export", ExportLeaderboard).WithTags("KPIs").WithName("ExportLeaderboard")
            .WithSummary("The whole leaderboard as CSV or XLSX (format=csv|xlsx), same filters; names neutralised against formulas, numbers stay numbers.");
        api.MapGet("/stars", ListStars).WithTags("KPIs").WithName("ListStars")
            .WithSummary("Proven stars with their evidence; status=Star|NotStar|NotEnoughData (repeatable, default Star).");
        api.MapGet("/settings/star-rule", GetStarRule).WithTags("Settings").WithName("GetStarRule");
        api.MapPut("/settings/star-rule", UpdateStarRule).WithTags("Settings").WithName("UpdateStarRule")
            .WithSummary("Admins only. Send the version you read; a stale version gets 409.");
        api.MapPost("/settings/star-rule/preview", PreviewStarRule).WithTags("Settings").WithName("PreviewStarRule")
            .WithSummary("Admins only. How many people a rule would make stars, without saving it.");
    }

    private static async Task<Results<SharedJson<KpiOverview>, ProblemHttpResult>> GetOverview(HttpContext http, GetKpiOverview useCase, CancellationToken ct) =>
        (await useCase.HandleAsync(http.Actor(), ct)).ToSharedJson();

    private static async Task<Results<SharedJson<ScorecardView>, ProblemHttpResult>> GetScorecard(
        HttpContext http, GetScorecard useCase, Guid id, string? periodKind, string? period, CancellationToken ct) =>
        (await useCase.HandleAsync(http.Actor(), new PersonId(id), new GetScorecardRequest(periodKind, period), ct)).ToSharedJson();

    private static async Task<Results<Ok<BehaviourSignalsView>, ProblemHttpResult>> GetBehaviourSignals(
        HttpContext http, GetBehaviourSignals useCase, Guid id, int? months, string? through, CancellationToken ct) =>
        (await useCase.HandleAsync(http.Actor(), new PersonId(id), new GetBehaviourSignalsRequest(months, through), ct)).ToHttp();

    private static async Task<Results<Ok<LeaderboardView>, ProblemHttpResult>> GetLeaderboard(
        HttpContext http, GetLeaderboard useCase, string? kpi, string? periodKind, string? period, string? scope, Guid? regionId, Guid? teamId,
        string? sort, bool? descending, int? page, int? pageSize, CancellationToken ct) =>
        (await useCase.HandleAsync(http.Actor(), new GetLeaderboardRequest(
            kpi, periodKind, period, scope, regionId, teamId, sort, descending ?? false, new PageRequest(page ?? 0, pageSize ?? 25)), ct)).ToHttp();

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> ExportLeaderboard(
        HttpContext http, ExportLeaderboard useCase, string? format, string? kpi, string? periodKind, string? period, string? scope,
        Guid? regionId, Guid? teamId, string? sort, bool? descending, CancellationToken ct)
    {
        var request = new GetLeaderboardRequest(kpi, periodKind, period, scope, regionId, teamId, sort, descending ?? false);
        var result = await useCase.HandleAsync(http.Actor(), request, format ?? "csv", ct);
        if (!result.IsSuccess) return ApiResults.Problem(result.Error!);
        return TypedResults.File(result.Value.Content, result.Value.ContentType, result.Value.FileName);
    }

    private static async Task<Results<Ok<StarListView>, ProblemHttpResult>> ListStars(
        HttpContext http, ListStars useCase, string[]? status, int? page, int? pageSize, CancellationToken ct) =>
        (await useCase.HandleAsync(http.Actor(), new ListStarsRequest(status, new PageRequest(page ?? 0, pageSize ?? 50)), ct)).ToHttp();

    private static async Task<Results<Ok<StarRuleView>, ProblemHttpResult>> GetStarRule(HttpContext http, GetStarRule useCase, CancellationToken ct) =>
        (await useCase.HandleAsync(http.Actor(), ct)).ToHttp();

    private static async Task<Results<Ok<StarRuleView>, ProblemHttpResult>> UpdateStarRule(
        HttpContext http, UpdateStarRule useCase, StarRuleRequest request, CancellationToken ct) =>
        (await useCase.HandleAsync(http.Actor(), request, ct)).ToHttp();

    private static async Task<Results<Ok<StarRulePreview>, ProblemHttpResult>> PreviewStarRule(
        HttpContext http, PreviewStarRule useCase, StarRuleRequest request, CancellationToken ct) =>
        (await useCase.HandleAsync(http.Actor(), request, ct)).ToHttp();
}
