using Microsoft.EntityFrameworkCore;
using SalesMentor.App.Domain;
using SalesMentor.App.Features.ExchangeRates;
using SalesMentor.App.Features.Imports;
using SalesMentor.App.Tests.Infrastructure;
using static SalesMentor.App.Tests.Features.Imports.SalesImports;

namespace SalesMentor.App.Tests.Features.ExchangeRates;

/// <summary>Exchange rates entered by hand and imported as CSV: the same rules, versions for edits, and the KPI stamp raised.</summary>
public class ExchangeRateTests
{
    [Theory, BothProviders]
    public async Task ExchangeRates_AddEditDelete_RaiseTheSalesDataStampAndCheckVersions(Provider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var stamp = await StampAsync(app);

        var added = Run(await app.InScopeAsync(s => s.Get<AddExchangeRate>().HandleAsync(TestApp.AdminActor, new ExchangeRateRequest("eur", new DateOnly(2026, 1, 1), 1.0850m), default)));
        var edited = Run(await app.InScopeAsync(s => s.Get<UpdateExchangeRate>().HandleAsync(TestApp.AdminActor, added.Id, new ExchangeRateRequest("EUR", new DateOnly(2026, 1, 1), 1.09m, added.Version), default)));
        var stale = await app.InScopeAsync(s => s.Get<UpdateExchangeRate>().HandleAsync(TestApp.AdminActor, added.Id, new ExchangeRateRequest("EUR", new DateOnly(2026, 1, 1), 1.2m, added.Version), default));
        var list = Run(await app.InScopeAsync(s => s.Get<ListExchangeRates>().HandleAsync(TestApp.AdminActor, default)));

        Assert.Equal(("EUR", 1.0850m, 1.09m, added.Version + 1), (added.Currency, added.Rate, edited.Rate, edited.Version));
        Assert.Equal("concurrency.conflict", stale.Error!.Code);
        Assert.Equal(("USD", 1.09m), (list.CorporateCurrency, list.Rates.Single().Rate));
        Assert.Equal(stamp + 2, await StampAsync(app));

        var deleted = await app.InScopeAsync(s => s.Get<DeleteExchangeRate>().HandleAsync(TestApp.AdminActor, added.Id, edited.Version, default));
        Assert.True(deleted.IsSuccess);
        Assert.Empty(await app.InScopeAsync(s => s.Db.ExchangeRates.ToListAsync()));
        Assert.Equal(stamp + 3, await StampAsync(app));
    }

    [Theory]
    [InlineData("USD", 1.0, "exchange_rate.currency")] // the corporate currency needs no rate
    [InlineData("EURO", 1.0, "exchange_rate.currency")]
    [InlineData("EUR", 0.0, "exchange_rate.rate")]
    [InlineData("EUR", -1.5, "exchange_rate.rate")]
    [InlineData("EUR", 0.00000000001, "exchange_rate.rate")] // rounds to 0 at 10 decimals
    public async Task AddExchangeRate_BadInput_IsRefusedAndNothingIsStored(string currency, double rate, string code)
    {
        await using var app = await TestApp.StartAsync(Provider.Sqlite);

        var result = await app.InScopeAsync(s => s.Get<AddExchangeRate>().HandleAsync(TestApp.AdminActor, new ExchangeRateRequest(currency, new DateOnly(2026, 1, 1), (decimal)rate), default));

        Assert.Equal(code, result.Error!.Code);
        Assert.Empty(await app.InScopeAsync(s => s.Db.ExchangeRates.ToListAsync()));
    }

    [Fact]
    public async Task AddExchangeRate_SameCurrencyAndDayTwice_IsAConflict_AndNonAdminsAreForbidden()
    {
        await using var app = await TestApp.StartAsync(Provider.Sqlite);
        var request = new ExchangeRateRequest("GBP", new DateOnly(2026, 2, 1), 1.27m);
        Run(await app.InScopeAsync(s => s.Get<AddExchangeRate>().HandleAsync(TestApp.AdminActor, request, default)));

        var twice = await app.InScopeAsync(s => s.Get<AddExchangeRate>().HandleAsync(TestApp.AdminActor, request, default));
        var rep = await app.InScopeAsync(s => s.Get<ListExchangeRates>().HandleAsync(Common.Actor.User(Core.People.PersonId.New(), "Rep", false), default));

        Assert.Equal(("exchange_rate.exists", "exchange_rate.admin_only"), (twice.Error!.Code, rep.Error!.Code));
    }

    [Theory, BothProviders]
    public async Task ImportExchangeRates_Csv_UpsertsByCurrencyAndDay_AndRejectsBadRates(Provider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var csv = Csv("currency,valid_from,rate", "EUR,2026-01-01,1.0850", "gbp,2026-01-01,1.2712345678", "EUR,2026-02-01,1.09");

        var first = Run(await ImportAsync(app, ImportKinds.ExchangeRates, csv));
        var again = Run(await ImportAsync(app, ImportKinds.ExchangeRates, csv.Replace("1.09", "1.095", StringComparison.Ordinal)));
        var bad = Run(await ImportAsync(app, ImportKinds.ExchangeRates, Csv("currency,valid_from,rate", "USD,2026-01-01,1", "EUR,2026-03-01,0", "JPY,2026-13-01,0.0067", "CHF,2026-01-01,abc")));

        Assert.Equal((3, 0, 1, 2), (first.Added, again.Added, again.Updated, again.Unchanged));
        var rates = await app.InScopeAsync(s => s.Db.ExchangeRates.AsNoTracking().OrderBy(r => r.Currency).ThenBy(r => r.ValidFrom).ToListAsync());
        Assert.Equal([("EUR", 1.085m), ("EUR", 1.095m), ("GBP", 1.2712345678m)], rates.Select(r => (r.Currency, r.Rate)));
        Assert.Equal((ImportStatus.Rejected, 4), (bad.Status, bad.RejectedRows));
        HasProblem(bad, 2, "currency", "USD is the corporate currency: it needs no exchange rate");
        HasProblem(bad, 3, "rate", "must be greater than 0");
        HasProblem(bad, 4, "valid_from", "'2026-13-01' is not a date");
        HasProblem(bad, 5, "rate", "'abc' is not a number");
        Assert.Equal(3, rates.Count);
    }
}
