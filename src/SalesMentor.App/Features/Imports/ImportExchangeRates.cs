using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using SalesMentor.App.Common;
using SalesMentor.App.Data;
using SalesMentor.App.Security;

namespace SalesMentor.App.Features.Imports;

/// <summary>Exchange rates by currency and first day.</summary>
public sealed class ImportExchangeRates(SalesMentorDb db, AuditLog audit, TimeProvider clock, IConfiguration configuration, ILogger<ImportExchangeRates> logger)
{
    public Task<Result<ImportRunView>> HandleAsync(Actor actor, ImportSalesDataRequest request, CancellationToken ct, IProgress<long>? progress = null) =>
        ImportSalesData.RunAsync(ImportKinds.ExchangeRates, db, audit, clock, configuration, logger, actor, request, progress, ct);
}
