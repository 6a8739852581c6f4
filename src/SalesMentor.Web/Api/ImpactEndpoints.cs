using Microsoft.AspNetCore.Http.HttpResults;
using SalesMentor.App.Features.Impact;

namespace SalesMentor.Web.Api;

/// <summary>Honest impact: did a program move a KPI compared with similar reps who had no mentor (docs/impact.md).</summary>
public static class ImpactEndpoints
{
    public static void MapImpactEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("/programs/{id:guid}/impact", Get).WithTags("Impact").WithName("GetProgramImpact")
            .WithSummary("The program's effect on one KPI (kpi=an id from docs/kpis.md, default win-rate-by-count): verdict, effect with 95 % interval "
                + "or a plain-words \"can't tell\", event study, balance table, counts. Admins and coordinators: the program (admins also mentor "
                + "value-added); managers: their own people only, from 5 mentees up; everyone else 404.");
    }

    private static async Task<Results<Ok<ProgramImpactView>, ProblemHttpResult>> Get(
        HttpContext http, GetProgramImpact useCase, Guid id, string? kpi, CancellationToken ct) =>
        (await useCase.HandleAsync(http.Actor(), new ProgramImpactRequest(id, kpi), ct)).ToHttp();
}
