using Microsoft.AspNetCore.Http.HttpResults;
using SalesMentor.App.Common;
using SalesMentor.App.Features.Catalogs;

namespace SalesMentor.Web.Api;

/// <summary>The skills, behaviours and values catalogs: everyone signed in reads them, admins change them.</summary>
public static class CatalogsEndpoints
{
    public static void MapCatalogsEndpoints(this RouteGroupBuilder api)
    {
        var catalogs = api.MapGroup("/catalogs").WithTags("Catalogs");
        catalogs.MapGet("/", List).WithName("ListCatalogs")
            .WithSummary("Sales skills, behaviours (with their skills and CRM signal) and company values; includeArchived=true adds deleted ones.");
        catalogs.MapPost("/{kind}", Create).WithName("CreateCatalogItem")
            .WithSummary("Admins only. kind = skills, behaviours or values. A skill's key is made from its name unless given, and never changes.");
        catalogs.MapPut("/{kind}/{id:guid}", Update).WithName("UpdateCatalogItem").WithSummary("Admins only. Send the version you read; a stale version gets 409.");
        catalogs.MapDelete("/{kind}/{id:guid}", Archive).WithName("DeleteCatalogItem")
            .WithSummary("Admins only. The item is no longer offered but stays stored for the ratings that name it. Send ?version= as read.");
    }

    private static async Task<Results<Ok<CatalogsView>, ProblemHttpResult>> List(HttpContext http, ListCatalogs useCase, bool? includeArchived, CancellationToken ct) =>
        (await useCase.HandleAsync(http.Actor(), includeArchived ?? false, ct)).ToHttp();

    private static async Task<Results<Ok<CatalogItemView>, ProblemHttpResult>> Create(HttpContext http, SaveCatalogItem useCase, string kind, CatalogItemRequest request, CancellationToken ct) =>
        Kind(kind) is { } k ? (await useCase.HandleAsync(http.Actor(), k, null, request, ct)).ToHttp() : ApiResults.Problem(Error.NotFound("catalog"));

    private static async Task<Results<Ok<CatalogItemView>, ProblemHttpResult>> Update(
        HttpContext http, SaveCatalogItem useCase, string kind, Guid id, CatalogItemRequest request, CancellationToken ct) =>
        Kind(kind) is { } k ? (await useCase.HandleAsync(http.Actor(), k, id, request, ct)).ToHttp() : ApiResults.Problem(Error.NotFound("catalog"));

    private static async Task<Results<Ok<CatalogItemView>, ProblemHttpResult>> Archive(
        HttpContext http, ArchiveCatalogItem useCase, string kind, Guid id, int? version, CancellationToken ct) =>
        Kind(kind) is { } k ? (await useCase.HandleAsync(http.Actor(), k, id, version ?? 0, ct)).ToHttp() : ApiResults.Problem(Error.NotFound("catalog"));

    private static CatalogKind? Kind(string text) => Enum.TryParse<CatalogKind>(text, ignoreCase: true, out var kind) && Enum.IsDefined(kind) && !int.TryParse(text, out _) ? kind : null;
}
