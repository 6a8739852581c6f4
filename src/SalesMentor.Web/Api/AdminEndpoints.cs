using Microsoft.AspNetCore.Http.HttpResults;
using SalesMentor.App.Common;
using SalesMentor.App.Domain;
using SalesMentor.App.Features.Audit;
using SalesMentor.App.Features.Outbox;

namespace SalesMentor.Web.Api;

public static class AdminEndpoints
{
    public static void MapAdminEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("/outbox", ListOutbox).WithTags("Admin").WithName("ListOutbox").WithSummary("Delivery status of outgoing mail; never the content.");
        api.MapGet("/audit", ListAudit).WithTags("Admin").WithName("ListAuditEvents");
    }

    private static async Task<Results<Ok<OutboxSummary>, ProblemHttpResult>> ListOutbox(
        HttpContext http, ListOutbox useCase, OutboxStatus? status, int? page, int? pageSize, CancellationToken ct) =>
        (await useCase.HandleAsync(http.Actor(), new ListOutboxRequest(status, new PageRequest(page ?? 0, pageSize ?? 50)), ct)).ToHttp();

    private static async Task<Results<Ok<Paged<AuditRow>>, ProblemHttpResult>> ListAudit(
        HttpContext http, ListAuditEvents useCase, string? action, int? page, int? pageSize, CancellationToken ct) =>
        (await useCase.HandleAsync(http.Actor(), new ListAuditEventsRequest(action, new PageRequest(page ?? 0, pageSize ?? 50)), ct)).ToHttp();
}
