using SalesMentor.Core.Kpis;

namespace SalesMentor.Bench;

/// <summary>
/// Every KPI of every rep and month in one canonical layout, so that our engine's answer and DuckDB's can be written by
/// their own processes and compared: money and counts as longs (null money = long.MinValue), ratios as doubles (null = NaN).
/// </summary>
internal sealed class KpiCells
{
    internal static readonly Kpi[] MoneyKpis = [Kpi.WonRevenue, Kpi.LostAmount, Kpi.AverageDealSize, Kpi.PipelineCreated, Kpi.OpenPipeline, Kpi.Quota];

    internal static readonly Kpi[] CountKpis =
    [
        Kpi.WonDeals, Kpi.LostDeals, Kpi.ClosedDeals, Kpi.WonWithoutAmount, Kpi.LostWithoutAmount, Kpi.OpportunitiesCreated,
        Kpi.OpenOpportunities, Kpi.SalesCycleDeals, Kpi.SalesCycleMissingCreatedDate, Kpi.SalesCycleNegative,
        Kpi.Calls, Kpi.Emails, Kpi.Meetings, Kpi.Tasks, Kpi.OtherActivities, Kpi.Activities,
    ];

    internal static readonly Kpi[] RatioKpis =
    [
        Kpi.WinRateByCount, Kpi.WinRateByValue, Kpi.SalesCycleMedianDays, Kpi.SalesCycleMeanDays, Kpi.QuotaAttainment, Kpi.PipelineCoverage,
    ];

    internal const long NullMoney = long.MinValue;

    internal KpiCells(int people, int periods)
    {
        People = people;
        Periods = periods;
        Exact = new long[people * periods * (MoneyKpis.Length + CountKpis.Length)];
        Ratios = new double[people * periods * RatioKpis.Length];
    }

    internal int People { get; }

    internal int Periods { get; }

    /// <summary>Money then counts, per (person, period).</summary>
    internal long[] Exact { get; }

    internal double[] Ratios { get; }

    internal int ExactIndex(int person, int period, int slot) => (((person * Periods) + period) * (MoneyKpis.Length + CountKpis.Length)) + slot;

    internal int RatioIndex(int person, int period, int slot) => (((person * Periods) + period) * RatioKpis.Length) + slot;

    internal static KpiCells From(KpiTable table)
    {
        var cells = new KpiCells(table.People, table.Periods.Count);
        for (var person = 0; person < table.People; person++)
        {
            for (var period = 0; period < table.Periods.Count; period++)
            {
                for (var s = 0; s < MoneyKpis.Length; s++)
                {
                    cells.Exact[cells.ExactIndex(person, period, s)] = table.Money(person, period, MoneyKpis[s]) ?? NullMoney;
                }

                for (var s = 0; s < CountKpis.Length; s++)
                {
                    cells.Exact[cells.ExactIndex(person, period, MoneyKpis.Length + s)] = table.Count(person, period, CountKpis[s]);
                }

                for (var s = 0; s < RatioKpis.Length; s++)
                {
                    cells.Ratios[cells.RatioIndex(person, period, s)] = table.Ratio(person, period, RatioKpis[s]) ?? double.NaN;
                }
            }
        }

        return cells;
    }

    internal void Write(string path)
    {
        using var writer = new BinaryWriter(File.Create(path));
        writer.Write(People);
        writer.Write(Periods);
        foreach (var value in Exact) writer.Write(value);
        foreach (var value in Ratios) writer.Write(value);
    }

    internal static KpiCells Read(string path)
    {
        using var reader = new BinaryReader(File.OpenRead(path));
        var cells = new KpiCells(reader.ReadInt32(), reader.ReadInt32());
        for (var i = 0; i < cells.Exact.Length; i++) cells.Exact[i] = reader.ReadInt64();
        for (var i = 0; i < cells.Ratios.Length; i++) cells.Ratios[i] = reader.ReadDouble();
        return cells;
    }

    /// <summary>Differences, at most <paramref name="limit"/>: exact values must be equal, ratios within 1e-9 (both null or both defined).</summary>
    internal List<string> CompareWith(KpiCells other, int limit = 10)
    {
        var differences = new List<string>();
        if (People != other.People || Periods != other.Periods) return [$"shape {People}x{Periods} vs {other.People}x{other.Periods}"];
        for (var person = 0; person < People && differences.Count < limit; person++)
        {
            for (var period = 0; period < Periods; period++)
            {
                for (var s = 0; s < MoneyKpis.Length + CountKpis.Length; s++)
                {
                    var i = ExactIndex(person, period, s);
                    if (Exact[i] != other.Exact[i])
                    {
                        var kpi = s < MoneyKpis.Length ? MoneyKpis[s] : CountKpis[s - MoneyKpis.Length];
                        differences.Add($"rep {person} month {period} {kpi}: {Show(Exact[i])} vs {Show(other.Exact[i])}");
                    }
                }

                for (var s = 0; s < RatioKpis.Length; s++)
                {
                    var i = RatioIndex(person, period, s);
                    var (a, b) = (Ratios[i], other.Ratios[i]);
                    var same = double.IsNaN(a) ? double.IsNaN(b) : !double.IsNaN(b) && Math.Abs(a - b) <= 1e-9 * Math.Max(1, Math.Abs(a));
                    if (!same) differences.Add($"rep {person} month {period} {RatioKpis[s]}: {a:R} vs {b:R}");
                }
            }
        }

        return differences;
    }

    private static string Show(long value) => value == NullMoney ? "null" : value.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
