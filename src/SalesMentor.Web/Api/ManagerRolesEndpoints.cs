using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;
using SalesMentor.App.Common;
using SalesMentor.App.Features.ManagerRoles;
using SalesMentor.Core.People;

namespace SalesMentor.Web.Api;

/// <summary>The four roles of a sales manager: the interaction log, a manager's week, role balance and the target mix.</summary>
public static class ManagerRolesEndpoints
{
    public static void MapManagerRolesEndpoints(this RouteGroupBuilder api)
    {
        var tag = "Manager roles";
        api.MapGet("/people/{id:guid}/interactions", ListForRep).WithTags(tag).WithName("ListRepInteractions")
            .WithSummary("Interactions with a rep that you may see, newest first. The rep sees role, date and topic; a private note only reaches its author.");
        api.MapGet("/people/{id:guid}/role-support", Support).WithTags(tag).WithName("GetRepRoleSupport")
            .WithSummary("Who supports a rep in which role: per manager and role, how many interactions and the last date.");
        api.MapGet("/people/{id:guid}/week", Week).WithTags(tag).WithName("GetManagerWeek")
            .WithSummary("A manager's week (date=any day in it, default today): entries, minutes per role, reps to log for. For the manager, their chain and admins.");
        api.MapPost("/interactions", Log).WithTags(tag).WithName("LogInteraction")
            .WithSummary("Log an interaction (role supervisor|coach|trainer|mentor) with a rep who reports to you; admins may name any manager.");
        api.MapPut("/interactions/{id:guid}", Edit).WithTags(tag).WithName("EditInteraction")
            .WithSummary("The author changes an entry. Send the version you read; a stale version gets 409.");
        api.MapDelete("/interactions/{id:guid}", Delete).WithTags(tag).WithName("DeleteInteraction")
            .WithSummary("The author deletes an entry (version=the version you read).");
        api.MapPost("/interactions/import", Import).WithTags(tag).WithName("ImportInteractions")
            .Accepts<Stream>("application/octet-stream", "text/csv")
            .WithSummary("CSV with manager_email, rep_email, date (YYYY-MM-DD), role, minutes, topic[, private_note]; all or nothing: 422 with the problems by line.");
        api.MapGet("/role-balance", Balance).WithTags(tag).WithName("GetRoleBalance")
            .WithSummary("Share of time per role per manager and in total (period=month|quarter|year, count periods up to today) against the target mix; reps with no coaching in weeks weeks.");
        api.MapGet("/settings/role-target", GetTarget).WithTags("Settings").WithName("GetRoleTargetMix");
        api.MapPut("/settings/role-target", SetTarget).WithTags("Settings").WithName("SetRoleTargetMix")
            .WithSummary("Admins only. Four percentages summing to 100, with the organization settings' version.");
    }

    private static async Task<Results<Ok<IReadOnlyList<InteractionView>>, ProblemHttpResult>> ListForRep(HttpContext http, ListRepInteractions useCase, Guid id, CancellationToken ct) =>
        (await useCase.HandleAsync(http.Actor(), new PersonId(id), ct)).ToHttp();

    private static async Task<Results<Ok<IReadOnlyList<SupportRow>>, ProblemHttpResult>> Support(HttpContext http, GetRepSupport useCase, Guid id, CancellationToken ct) =>
        (await useCase.HandleAsync(http.Actor(), new PersonId(id), ct)).ToHttp();

    private static async Task<Results<Ok<ManagerWeekView>, ProblemHttpResult>> Week(HttpContext http, GetManagerWeek useCase, Guid id, DateOnly? date, CancellationToken ct) =>
        (await useCase.HandleAsync(http.Actor(), new PersonId(id), date, ct)).ToHttp();

    private static async Task<Results<Ok<InteractionView>, ProblemHttpResult>> Log(HttpContext http, LogInteraction useCase, LogInteractionRequest request, CancellationToken ct) =>
        (await useCase.HandleAsync(http.Actor(), request, ct)).ToHttp();

    private static async Task<Results<Ok<InteractionView>, ProblemHttpResult>> Edit(HttpContext http, EditInteraction useCase, Guid id, EditInteractionRequest request, CancellationToken ct) =>
        (await useCase.HandleAsync(http.Actor(), id, request, ct)).ToHttp();

    private static async Task<Results<Ok<Done>, ProblemHttpResult>> Delete(HttpContext http, DeleteInteraction useCase, Guid id, int? version, CancellationToken ct) =>
        (await useCase.HandleAsync(http.Actor(), id, version ?? 0, ct)).ToHttp();

    private static async Task<Results<Ok<InteractionImportResult>, ProblemHttpResult>> Import(HttpContext http, ImportInteractions useCase, CancellationToken ct)
    {
        if (http.Request.HasFormContentType)
        {
            return TypedResults.Problem(
                detail: "Send the file itself as the request body (Content-Type: text/csv), not as a form.",
                statusCode: StatusCodes.Status415UnsupportedMediaType, title: "Unsupported media type",
                extensions: new Dictionary<string, object?> { ["code"] = "import.body_type" });
        }

        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit) limit.MaxRequestBodySize = ImportInteractions.MaxBytes + 1;
        var result = await useCase.HandleAsync(http.Actor(), http.Request.Body, ct);
        if (!result.IsSuccess) return ApiResults.Problem(result.Error!);
        if (result.Value.Problems.Count == 0) return TypedResults.Ok(result.Value);
        return TypedResults.Problem(
            detail: $"Nothing was imported: {result.Value.Problems.Count} line(s) need fixing.", statusCode: StatusCodes.Status422UnprocessableEntity,
            title: "Import rejected", extensions: new Dictionary<string, object?> { ["code"] = "import.rejected", ["problems"] = result.Value.Problems });
    }

    private static async Task<Results<Ok<RoleBalanceView>, ProblemHttpResult>> Balance(
        HttpContext http, GetRoleBalance useCase, string? period, int? count, int? weeks, CancellationToken ct) =>
        (await useCase.HandleAsync(http.Actor(), new RoleBalanceRequest(period ?? "month", count ?? 6, weeks ?? 4), ct)).ToHttp();

    private static async Task<Results<Ok<RoleTargetMixView>, ProblemHttpResult>> GetTarget(HttpContext http, GetRoleTargetMix useCase, CancellationToken ct) =>
        (await useCase.HandleAsync(http.Actor(), ct)).ToHttp();

    private static async Task<Results<Ok<RoleTargetMixView>, ProblemHttpResult>> SetTarget(HttpContext http, SetRoleTargetMix useCase, RoleTargetMixView request, CancellationToken ct) =>
        (await useCase.HandleAsync(http.Actor(), request, ct)).ToHttp();
}
