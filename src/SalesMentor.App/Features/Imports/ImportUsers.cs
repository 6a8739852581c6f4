using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using SalesMentor.App.Common;
using SalesMentor.App.Data;
using SalesMentor.App.Security;

namespace SalesMentor.App.Features.Imports;

/// <summary>Salesforce users: links CRM owner ids to people, adds the people who are missing (with their managers).</summary>
public sealed class ImportUsers(SalesMentorDb db, AuditLog audit, TimeProvider clock, IConfiguration configuration, ILogger<ImportUsers> logger)
{
    public Task<Result<ImportRunView>> HandleAsync(Actor actor, ImportSalesDataRequest request, CancellationToken ct, IProgress<long>? progress = null) =>
        ImportSalesData.RunAsync(ImportKinds.Users, db, audit, clock, configuration, logger, actor, request, progress, ct);
}
