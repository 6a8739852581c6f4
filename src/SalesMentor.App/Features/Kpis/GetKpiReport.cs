using SalesMentor.App.Common;
using SalesMentor.App.Data;
using SalesMentor.App.Export;
using SalesMentor.App.Kpis;
using SalesMentor.App.Security;
using SalesMentor.Core.Kpis;
using SalesMentor.Core.People;

namespace SalesMentor.App.Features.Kpis;

/// <param name="Period">2026-03, 2026-Q3 or FY2026.</param>
/// <param name="Team">Only this team: its name (any case) or id.</param>
public sealed record GetKpiReportRequest(string? Period, string? Team = null);

public sealed record KpiReportRow(PersonId Person, string Name, string? Team, string? Region, IReadOnlyList<decimal?> Values);

/// <summary>Every KPI (in <see cref="Columns"/> order) of every rep employed in the period whom the actor may see.</summary>
public sealed record KpiReportView(PeriodView Period, string Currency, IReadOnlyList<KpiDefinitionView> Columns, IReadOnlyList<KpiReportRow> Rows)
{
    /// <summary>The report as a spreadsheet: one row per person, one column per KPI id; numbers stay numbers.</summary>
    public ExportFile ToFile(string format)
    {
        string[] headers = ["name", "team", "region", .. Columns.Select(c => c.Id)];
        var rows = Rows.Select(r => new object?[] { r.Name, r.Team, r.Region }.Concat(r.Values.Cast<object?>()).ToArray());
        return TableExport.Write(format, $"kpis-{Period.Key}", headers, rows);
    }
}

/// <summary>The command line's KPI report; the same access rules as the leaderboards.</summary>
public sealed class GetKpiReport(SalesMentorDb db, Access access, KpiCache cache, Features.People.OrgUnitsCache units)
{
    public async Task<Result<KpiReportView>> HandleAsync(Actor actor, GetKpiReportRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (string.IsNullOrWhiteSpace(request.Period)) return Error.Validation("kpi.period", "Say which period: --period 2026-03, 2026-Q3 or FY2026.");
        var visible = await access.SalesDataScopeAsync(actor, ct);
        var snapshot = await cache.GetAsync(ct);
        var choice = KpiPeriodChoice.Resolve(snapshot, null, request.Period, PeriodKind.FiscalQuarter);
        if (!choice.IsSuccess) return choice.Error!;
        var (table, period) = choice.Value;
        var names = await KpiNames.LoadAsync(db, units, ct);
        Guid? team = null;
        if (!string.IsNullOrWhiteSpace(request.Team))
        {
            team = names.FindTeam(request.Team);
            if (team is null) return Error.Validation("report.team", $"No team is called '{request.Team.Trim()}'.");
        }

        var rows = new List<KpiReportRow>();
        for (var i = 0; i < snapshot.People.Count; i++)
        {
            var p = snapshot.People[i];
            if (!p.IsRep || !table.Table.IsActive(i, period) || (visible is not null && !visible.Contains(p.Id)) || (team is { } t && p.TeamId != t)) continue;
            rows.Add(new KpiReportRow(p.Id, p.Name, names.Team(p.TeamId), names.Region(p.RegionId),
                [.. KpiCatalog.All.Select(d => table.Table.Value(i, period, d.Kpi))]));
        }

        rows.Sort((a, b) => StringComparer.CurrentCulture.Compare(a.Name, b.Name));
        return new KpiReportView(PeriodView.Of(table.Periods[period]), snapshot.Currency, [.. KpiCatalog.All.Select(d => KpiDefinitionView.Of(d.Kpi))], rows);
    }
}
