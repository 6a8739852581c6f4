using SalesMentor.App.Common;
using SalesMentor.App.Data;
using SalesMentor.App.Export;
using SalesMentor.App.Kpis;
using SalesMentor.App.Security;

namespace SalesMentor.App.Features.Kpis;

/// <summary>
/// The whole leaderboard (every page, same filters and order) as CSV or XLSX. Names are neutralised against
/// formula injection; values, ranks and percentiles stay numbers; an undefined value is an empty cell.
/// </summary>
public sealed class ExportLeaderboard(SalesMentorDb db, Access access, KpiCache cache, Features.People.OrgUnitsCache units)
{
    public async Task<Result<ExportFile>> HandleAsync(Actor actor, GetLeaderboardRequest request, string? format, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!TableExport.IsKnownFormat(format)) return Error.Validation("export.format", "Choose format csv or xlsx.");
        var board = await Leaderboard.BuildAsync(db, access, cache, units, actor, request, ct);
        if (!board.IsSuccess) return board.Error!;
        var b = board.Value;
        var definition = Core.Kpis.KpiCatalog.Of(b.Kpi);
        var period = b.Table.Periods[b.Period];
        string[] headers = ["rank", "name", "team", "region", definition.Id, "percentile", "peers", "period"];
        var rows = b.Rows().Select(r => new object?[]
        {
            r.Rank, r.Name, r.Team, r.Region, r.Value, r.Percentile is { } p ? Math.Round(p, 2) : null, r.Peers, KpiPeriodKeys.KeyOf(period),
        });
        return TableExport.Write(format!, $"leaderboard-{definition.Id}-{KpiPeriodKeys.KeyOf(period)}-{b.Scope}", headers, rows);
    }
}
