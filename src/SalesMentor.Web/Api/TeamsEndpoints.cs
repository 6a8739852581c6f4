using Microsoft.AspNetCore.Http.HttpResults;
using SalesMentor.App.Features.People;
using SalesMentor.App.Features.Settings;

namespace SalesMentor.Web.Api;

public static class TeamsEndpoints
{
    public static void MapTeamsEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("/teams", ListTeams).WithTags("People").WithName("ListTeams");
        api.MapGet("/regions", ListRegions).WithTags("People").WithName("ListRegions");
    }

    private static async Task<Results<Ok<IReadOnlyList<TeamRow>>, ProblemHttpResult>> ListTeams(HttpContext http, ListTeams useCase, CancellationToken ct) =>
        (await useCase.HandleAsync(http.Actor(), ct)).ToHttp();

    private static async Task<Results<Ok<IReadOnlyList<RegionRow>>, ProblemHttpResult>> ListRegions(HttpContext http, ListRegions useCase, CancellationToken ct) =>
        (await useCase.HandleAsync(http.Actor(), ct)).ToHttp();
}

public static class SettingsEndpoints
{
    public static void MapSettingsEndpoints(this RouteGroupBuilder api)
    {
        var settings = api.MapGroup("/settings").WithTags("Settings");
        settings.MapGet("/", GetSettings).WithName("GetOrganizationSettings");
        settings.MapPut("/", UpdateSettings).WithName("UpdateOrganizationSettings")
            .WithSummary("Admins only. Send the version you read; a stale version gets 409.");
    }

    private static async Task<Results<Ok<OrganizationSettingsView>, ProblemHttpResult>> GetSettings(HttpContext http, GetOrganizationSettings useCase, CancellationToken ct) =>
        (await useCase.HandleAsync(http.Actor(), ct)).ToHttp();

    private static async Task<Results<Ok<OrganizationSettingsView>, ProblemHttpResult>> UpdateSettings(
        HttpContext http, UpdateOrganizationSettings useCase, UpdateOrganizationSettingsRequest request, CancellationToken ct) =>
        (await useCase.HandleAsync(http.Actor(), request, ct)).ToHttp();
}
