using System.Globalization;
using SalesMentor.App.Features.Kpis;
using SalesMentor.Web.Components.Pages.Kpis;

namespace SalesMentor.Web.Components.Pages.Progress;

/// <summary>Numbers of the progress pages: KPI values as the scorecard writes them, counts with decimals (they are means).</summary>
public static class ProgressFormat
{
    public static string Value(KpiDefinitionView kpi, decimal? value, string? currency)
    {
        ArgumentNullException.ThrowIfNull(kpi);
        if (value is not { } v) return "no data";
        return kpi.Unit is "currency" or "ratio" or "days" ? KpiFormat.Value(kpi, v, currency) : v.ToString("#,0.##", CultureInfo.InvariantCulture);
    }

    /// <summary>The way from baseline to target as a percentage ("62 %"), or an empty string.</summary>
    public static string Share(decimal? share) => share is { } s ? (s * 100).ToString("0", CultureInfo.InvariantCulture) + " %" : "";

    /// <summary>A value for the chart: ratios in percent, like the scorecard's charts.</summary>
    public static double? Chart(KpiDefinitionView kpi, decimal? value) =>
        value is { } v ? (double)(kpi?.Unit == "ratio" ? v * 100 : v) : null;
}
