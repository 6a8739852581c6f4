using Microsoft.AspNetCore.Http.HttpResults;
using SalesMentor.App.Common;
using SalesMentor.App.Features.People;
using SalesMentor.Core.People;

namespace SalesMentor.Web.Api;

public static class PeopleEndpoints
{
    public static void MapPeopleEndpoints(this RouteGroupBuilder api)
    {
        var people = api.MapGroup("/people").WithTags("People");
        people.MapGet("/", SearchPeople).WithName("SearchPeople")
            .WithSummary("The people directory: search by name or email, filter by team, region, manager, active; sorted and paged.");
        people.MapGet("/{id:guid}", GetPerson).WithName("GetPerson");
        people.MapPut("/{id:guid}", UpdatePerson).WithName("UpdatePerson")
            .WithSummary("Admins only. Send the version you read; a stale version gets 409.");
        people.MapGet("/{id:guid}/opportunities", GetPersonOpportunities).WithName("GetPersonOpportunities");
        people.MapGet("/{id:guid}/activities", GetPersonActivities).WithName("GetPersonActivities");
        people.MapGet("/export", ExportPeople).WithName("ExportPeople")
            .WithSummary("The directory as CSV or XLSX (format=csv|xlsx); text cells that would start a spreadsheet formula are neutralised.");
        api.MapGet("/org-chart", GetOrgChart).WithTags("People").WithName("GetOrgChart");
    }

    private static async Task<Results<SharedJson<Paged<PersonRow>>, ProblemHttpResult>> SearchPeople(
        HttpContext http, SearchPeople useCase, string? search, Guid? teamId, Guid? regionId, Guid? managerId, bool? active,
        PeopleSort? sort, bool? descending, int? page, int? pageSize, CancellationToken ct) =>
        (await useCase.HandleAsync(http.Actor(), new SearchPeopleRequest(
            search, teamId, regionId, managerId is { } m ? new PersonId(m) : null, active,
            sort ?? PeopleSort.Name, descending ?? false, new PageRequest(page ?? 0, pageSize ?? 25)), ct)).ToSharedJson();

    private static async Task<Results<Ok<PersonDetails>, ProblemHttpResult>> GetPerson(HttpContext http, GetPerson useCase, Guid id, CancellationToken ct) =>
        (await useCase.HandleAsync(http.Actor(), new PersonId(id), ct)).ToHttp();

    private static async Task<Results<Ok<PersonDetails>, ProblemHttpResult>> UpdatePerson(
        HttpContext http, UpdatePerson useCase, Guid id, UpdatePersonRequest request, CancellationToken ct) =>
        (await useCase.HandleAsync(http.Actor(), new PersonId(id), request, ct)).ToHttp();

    private static async Task<Results<Ok<Paged<OpportunityRow>>, ProblemHttpResult>> GetPersonOpportunities(
        HttpContext http, GetPersonOpportunities useCase, Guid id, int? page, int? pageSize, CancellationToken ct) =>
        (await useCase.HandleAsync(http.Actor(), new PersonId(id), new PageRequest(page ?? 0, pageSize ?? 25), ct)).ToHttp();

    private static async Task<Results<Ok<Paged<ActivityRow>>, ProblemHttpResult>> GetPersonActivities(
        HttpContext http, GetPersonActivities useCase, Guid id, int? page, int? pageSize, CancellationToken ct) =>
        (await useCase.HandleAsync(http.Actor(), new PersonId(id), new PageRequest(page ?? 0, pageSize ?? 25), ct)).ToHttp();

    private static async Task<Results<Ok<IReadOnlyList<OrgChartNode>>, ProblemHttpResult>> GetOrgChart(
        HttpContext http, GetOrgChart useCase, bool? includeInactive, CancellationToken ct) =>
        (await useCase.HandleAsync(http.Actor(), new GetOrgChartRequest(includeInactive ?? false), ct)).ToHttp();

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> ExportPeople(
        HttpContext http, ExportPeople useCase, string? format, string? search, Guid? teamId, Guid? regionId, bool? active, CancellationToken ct)
    {
        var result = await useCase.HandleAsync(http.Actor(), new ExportPeopleRequest(format ?? "csv", search, teamId, regionId, active), ct);
        if (!result.IsSuccess) return ApiResults.Problem(result.Error!);
        var file = result.Value;
        return TypedResults.File(file.Content, file.ContentType, file.FileName);
    }
}
