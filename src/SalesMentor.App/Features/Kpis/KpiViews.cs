using SalesMentor.App.Kpis;
using SalesMentor.Core.Kpis;
using SalesMentor.Core.Skills;

namespace SalesMentor.App.Features.Kpis;

/// <summary>A period as the API shows it: its key (<c>2026-03</c>, <c>2026-Q3</c>, <c>FY2026</c>), label and days, [start, end).</summary>
public sealed record PeriodView(string Key, string Label, string Kind, DateOnly Start, DateOnly End)
{
    public static PeriodView Of(Period period) => new(KpiPeriodKeys.KeyOf(period), period.Label, KpiPeriodKeys.NameOf(period.Kind), period.Start, period.End);
}

/// <summary>
/// What a KPI is: its stable id, name, kind (money, count, ratio), unit (currency, deals, activities, ratio, days),
/// which way is good (higher-is-better, lower-is-better, neutral), whether it is ranked, and its definition.
/// </summary>
public sealed record KpiDefinitionView(string Id, string Name, string Kind, string Unit, string Direction, bool IsRanked, string Tooltip)
{
    public static KpiDefinitionView Of(Kpi kpi)
    {
        var d = KpiCatalog.Of(kpi);
        return new(d.Id, d.Name, d.Kind.ToString().ToLowerInvariant(), d.Unit, DirectionOf(d.Direction), d.IsRanked, d.Tooltip);
    }

    private static string DirectionOf(KpiDirection direction) => direction switch
    {
        KpiDirection.HigherIsBetter => "higher-is-better",
        KpiDirection.LowerIsBetter => "lower-is-better",
        _ => "neutral",
    };
}

/// <summary>
/// One KPI of one person in the chosen period: the value (money in the corporate currency, exact; ratios as
/// fractions, 0.25 = 25 %; days; counts), the previous period's value, the percentile rank among all reps and among
/// team mates (0–100, a high percentile is a high value), the band the rank falls in (top-10, top-quartile, middle,
/// bottom-quartile, judged by which way is good) and the values of up to the last 12 periods, oldest first.
/// Null means "undefined" (nothing closed, no quota), never 0.
/// </summary>
public sealed record KpiTileView(
    KpiDefinitionView Kpi, decimal? Value, decimal? Previous, double? Percentile, double? TeamPercentile, string? Band, IReadOnlyList<decimal?> Series);

/// <summary>A suggested skill gap or strength with the numbers behind it.</summary>
public sealed record SkillSignalView(string Skill, string Kind, string Kpi, decimal Value, decimal PeerMedian, double Percentile, int Peers, string Reason)
{
    public static SkillSignalView Of(SkillSignal s) => new(
        s.SkillId, s.Kind == SkillSignalKind.Gap ? "gap" : "strength", KpiCatalog.Of(s.Kpi).Id, s.Value, s.PeerMedian, s.Percentile, s.Peers, s.Reason);
}

/// <summary>Records of the person that the KPIs could not fully use, to fix in the CRM or the exchange-rate table.</summary>
/// <param name="ClosedWithoutCloseDate">Closed deals with no close date: in no period at all.</param>
/// <param name="WithoutCreatedDate">Deals with no created date: in no pipeline and no sales cycle.</param>
/// <param name="DealsWithoutRate">Deals in a currency with no exchange rate on their date: counted, but in no sum.</param>
/// <param name="DealsWithoutRateExamples">Up to 20 of them.</param>
/// <param name="QuotasWithoutRate">Quotas in a currency with no exchange rate on their first day: left out.</param>
/// <param name="ImplausibleAmounts">Amounts over a trillion: left out of every sum.</param>
/// <param name="WonButNotClosed">Deals marked won but not closed: counted as won.</param>
/// <param name="WonWithoutAmount">In the chosen period: won deals without an amount.</param>
/// <param name="LostWithoutAmount">In the chosen period: lost deals without an amount.</param>
/// <param name="WonWithoutCreatedDate">In the chosen period: won deals left out of the sales cycle for lack of a created date.</param>
/// <param name="WonClosedBeforeCreated">In the chosen period: won deals closed before they were created.</param>
public sealed record ScorecardDataProblems(
    int ClosedWithoutCloseDate, int WithoutCreatedDate, int DealsWithoutRate, IReadOnlyList<DealWithoutRate> DealsWithoutRateExamples,
    int QuotasWithoutRate, int ImplausibleAmounts, int WonButNotClosed,
    int WonWithoutAmount, int LostWithoutAmount, int WonWithoutCreatedDate, int WonClosedBeforeCreated)
{
    public int Total => ClosedWithoutCloseDate + WithoutCreatedDate + DealsWithoutRate + QuotasWithoutRate + ImplausibleAmounts + WonButNotClosed
        + WonWithoutAmount + LostWithoutAmount + WonWithoutCreatedDate + WonClosedBeforeCreated;
}

/// <summary>Shared reading of KPI values.</summary>
internal static class KpiValues
{
    /// <summary>The percentile band, judged by which way is good: a long sales cycle at percentile 95 is in the bottom 10 %.</summary>
    public static string? Band(Kpi kpi, double? percentile)
    {
        if (percentile is not { } p) return null;
        var direction = KpiCatalog.Of(kpi).Direction;
        if (direction == KpiDirection.Neutral) return null;
        var good = direction == KpiDirection.LowerIsBetter ? 100 - p : p;
        return good switch
        {
            >= 90 => "top-10",
            >= 75 => "top-quartile",
            > 25 => "middle",
            _ => "bottom-quartile",
        };
    }

    /// <summary>A key that orders like the value (money units, counts, ratio bits); null when the value is undefined.</summary>
    public static long? SortKey(KpiTable table, int person, int period, Kpi kpi)
    {
        switch (KpiCatalog.KindOf(kpi))
        {
            case KpiKind.Money:
                return table.Money(person, period, kpi);
            case KpiKind.Count:
                return table.Count(person, period, kpi);
            default:
                if (table.Ratio(person, period, kpi) is not { } ratio) return null;
                var bits = BitConverter.DoubleToInt64Bits(ratio == 0 ? 0d : ratio);
                return bits >= 0 ? bits : bits ^ long.MaxValue;
        }
    }
}
