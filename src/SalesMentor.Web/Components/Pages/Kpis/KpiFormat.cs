using System.Globalization;
using MudBlazor;
using SalesMentor.App.Features.Kpis;

namespace SalesMentor.Web.Components.Pages.Kpis;

/// <summary>How the KPI pages write numbers: money with two decimals and the currency, ratios as percentages, "–" for undefined.</summary>
public static class KpiFormat
{
    public const string Undefined = "–";

    /// <summary>A value in its unit; <paramref name="currency"/> is appended to money.</summary>
    public static string Value(KpiDefinitionView kpi, decimal? value, string? currency = null)
    {
        ArgumentNullException.ThrowIfNull(kpi);
        if (value is not { } v) return Undefined;
        var text = CultureInfo.InvariantCulture;
        return kpi.Unit switch
        {
            "currency" => v.ToString("#,0.00", text) + (currency is null ? "" : " " + currency),
            "ratio" => (v * 100).ToString("0.0", text) + " %",
            "days" => v.ToString("0.#", text) + " days",
            _ => v.ToString("#,0", text),
        };
    }

    /// <summary>A value of the KPI with this id (as star evidence names it); "–" when the id is unknown.</summary>
    public static string ValueOf(string? kpiId, decimal? value, string? currency = null) =>
        kpiId is not null && Core.Kpis.KpiCatalog.FromId(kpiId) is { } kpi ? Value(KpiDefinitionView.Of(kpi), value, currency) : Undefined;

    /// <summary>"p87" style percentile, or "–".</summary>
    public static string Percentile(double? percentile) =>
        percentile is { } p ? "p" + p.ToString("0.#", CultureInfo.InvariantCulture) : Undefined;

    public static string Band(string? band) => band switch
    {
        "top-10" => "Top 10 %",
        "top-quartile" => "Top quartile",
        "middle" => "Middle",
        "bottom-quartile" => "Bottom quartile",
        _ => "Not ranked",
    };

    public static Color BandColor(string? band) => band switch
    {
        "top-10" => Color.Success,
        "top-quartile" => Color.Info,
        "bottom-quartile" => Color.Warning,
        _ => Color.Default,
    };

    /// <summary>Up, down or flat against the previous period, and whether that is good news (by the KPI's direction).</summary>
    public static (string Icon, Color Color, string Label) Trend(KpiDefinitionView kpi, decimal? value, decimal? previous)
    {
        ArgumentNullException.ThrowIfNull(kpi);
        if (value is not { } v || previous is not { } p) return (Icons.Material.Filled.Remove, Color.Default, "no comparison");
        if (v == p) return (Icons.Material.Filled.TrendingFlat, Color.Default, "unchanged");
        var up = v > p;
        var good = kpi.Direction switch
        {
            "higher-is-better" => up,
            "lower-is-better" => !up,
            _ => (bool?)null,
        };
        var color = good is null ? Color.Default : good.Value ? Color.Success : Color.Error;
        return (up ? Icons.Material.Filled.TrendingUp : Icons.Material.Filled.TrendingDown, color, up ? "up" : "down");
    }

    public static string Status(string status) => status switch
    {
        "Star" => "Proven star",
        "NotStar" => "Not a star",
        "NotEnoughData" => "Not enough data",
        _ => status,
    };

    public static string Skill(string id) => id switch
    {
        "time-management" => "Time management",
        _ => id.Length == 0 ? id : char.ToUpperInvariant(id[0]) + id[1..],
    };
}
