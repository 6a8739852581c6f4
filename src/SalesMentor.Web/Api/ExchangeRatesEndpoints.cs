using Microsoft.AspNetCore.Http.HttpResults;
using SalesMentor.App.Features.ExchangeRates;

namespace SalesMentor.Web.Api;

/// <summary>
/// Exchange rates into the corporate currency, for KPIs on deals in other currencies. Admins only.
/// A rate is greater than 0; the corporate currency needs none; an edit or delete made against
/// an older version answers 409. CSV files go through <c>POST /api/imports/exchange-rates</c>.
/// </summary>
public static class ExchangeRatesEndpoints
{
    public static void MapExchangeRatesEndpoints(this RouteGroupBuilder api)
    {
        var rates = api.MapGroup("/exchange-rates").WithTags("Exchange rates");
        rates.MapGet("/", ListExchangeRates).WithName("ListExchangeRates").WithSummary("Every rate by currency, newest first, and the corporate currency.");
        rates.MapPost("/", AddExchangeRate).WithName("AddExchangeRate").WithSummary("Adds the rate of a currency from a day on.");
        rates.MapPut("/{id:guid}", UpdateExchangeRate).WithName("UpdateExchangeRate").WithSummary("Changes a rate; send the version you read.");
        rates.MapDelete("/{id:guid}", DeleteExchangeRate).WithName("DeleteExchangeRate").WithSummary("Deletes a rate; with ?version=, only when nobody changed it since.");
    }

    private static async Task<Results<Ok<ExchangeRateList>, ProblemHttpResult>> ListExchangeRates(HttpContext http, ListExchangeRates useCase, CancellationToken ct) =>
        (await useCase.HandleAsync(http.Actor(), ct)).ToHttp();

    private static async Task<Results<Created<ExchangeRateView>, ProblemHttpResult>> AddExchangeRate(HttpContext http, AddExchangeRate useCase, ExchangeRateRequest body, CancellationToken ct)
    {
        var result = await useCase.HandleAsync(http.Actor(), body, ct);
        return result.IsSuccess ? TypedResults.Created($"/api/exchange-rates/{result.Value.Id}", result.Value) : ApiResults.Problem(result.Error!);
    }

    private static async Task<Results<Ok<ExchangeRateView>, ProblemHttpResult>> UpdateExchangeRate(
        HttpContext http, UpdateExchangeRate useCase, Guid id, ExchangeRateRequest body, CancellationToken ct) =>
        (await useCase.HandleAsync(http.Actor(), id, body, ct)).ToHttp();

    private static async Task<Results<NoContent, ProblemHttpResult>> DeleteExchangeRate(HttpContext http, DeleteExchangeRate useCase, Guid id, int? version, CancellationToken ct)
    {
        var result = await useCase.HandleAsync(http.Actor(), id, version, ct);
        return result.IsSuccess ? TypedResults.NoContent() : ApiResults.Problem(result.Error!);
    }
}
