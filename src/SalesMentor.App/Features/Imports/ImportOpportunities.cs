using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using SalesMentor.App.Common;
using SalesMentor.App.Data;
using SalesMentor.App.Security;

namespace SalesMentor.App.Features.Imports;

/// <summary>Deals from a Salesforce export (API names or a report), a HubSpot export, or any CSV through a column mapping.</summary>
public sealed class ImportOpportunities(SalesMentorDb db, AuditLog audit, TimeProvider clock, IConfiguration configuration, ILogger<ImportOpportunities> logger)
{
    /// <param name="progress">Bytes read so far, for a progress bar.</param>
    public Task<Result<ImportRunView>> HandleAsync(Actor actor, ImportSalesDataRequest request, CancellationToken ct, IProgress<long>? progress = null) =>
        ImportSalesData.RunAsync(ImportKinds.Opportunities, db, audit, clock, configuration, logger, actor, request, progress, ct);
}
