using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using SalesMentor.App.Common;
using SalesMentor.App.Data;
using SalesMentor.App.Security;

namespace SalesMentor.App.Features.Imports;

/// <summary>Quotas by person and period.</summary>
public sealed class ImportQuotas(SalesMentorDb db, AuditLog audit, TimeProvider clock, IConfiguration configuration, ILogger<ImportQuotas> logger)
{
    public Task<Result<ImportRunView>> HandleAsync(Actor actor, ImportSalesDataRequest request, CancellationToken ct, IProgress<long>? progress = null) =>
        ImportSalesData.RunAsync(ImportKinds.Quotas, db, audit, clock, configuration, logger, actor, request, progress, ct);
}
