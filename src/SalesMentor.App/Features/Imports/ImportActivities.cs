using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using SalesMentor.App.Common;
using SalesMentor.App.Data;
using SalesMentor.App.Security;

namespace SalesMentor.App.Features.Imports;

/// <summary>Calls, emails, tasks and meetings from Salesforce Task and Event exports.</summary>
public sealed class ImportActivities(SalesMentorDb db, AuditLog audit, TimeProvider clock, IConfiguration configuration, ILogger<ImportActivities> logger)
{
    public Task<Result<ImportRunView>> HandleAsync(Actor actor, ImportSalesDataRequest request, CancellationToken ct, IProgress<long>? progress = null) =>
        ImportSalesData.RunAsync(ImportKinds.Activities, db, audit, clock, configuration, logger, actor, request, progress, ct);
}
