namespace SalesMentor.Core.Kpis;

/// <summary>
/// Computes every KPI of one person for every period from that person's own records only; writes the person's rows
/// of the <see cref="KpiTable"/> and nothing else, so people can be computed in parallel and recomputed one by one.
/// </summary>
internal static class OwnerKpis
{
    // Slots within one (person, period) cell; the order of the Kpi enum within each kind.
    private const int M = KpiCatalog.MoneyCount;
    private const int C = KpiCatalog.CountCount;
    private const int R = KpiCatalog.RatioCount;
    private const int WonRevenue = 0, LostAmount = 1, AverageDealSize = 2, PipelineCreated = 3, OpenPipeline = 4, Quota = 5;
    private const int Won = 0, Lost = 1, Closed = 2, WonWithoutAmount = 3, LostWithoutAmount = 4, Created = 5, Open = 6;
    private const int CycleDeals = 7, CycleMissingCreated = 8, CycleNegative = 9, FirstActivityType = 10, AllActivities = 15;
    private const int WinRateByCount = 0, WinRateByValue = 1, CycleMedian = 2, CycleMean = 3, Attainment = 4, Coverage = 5;

    /// <summary>Buffers reused across the people one worker computes; nothing in them outlives a call.</summary>
    internal sealed class Scratch(int periods)
    {
        internal long[] OpenAmountDelta { get; } = new long[periods + 1];
        internal int[] OpenCountDelta { get; } = new int[periods + 1];
        internal long[] CycleDaysSum { get; } = new long[periods];
        internal bool[] HasQuota { get; } = new bool[periods];
        internal int[] BucketStart { get; } = new int[periods + 1];
        internal double[] Medians { get; } = new double[periods];
        internal int[] CyclePeriod { get; set; } = new int[64];
        internal int[] CycleDays { get; set; } = new int[64];
        internal int[] CycleByPeriod { get; set; } = new int[64];
    }

    internal static void Compute(
        int person,
        ReadOnlySpan<KpiOpportunity> opportunities,
        ReadOnlySpan<KpiActivity> activities,
        ReadOnlySpan<KpiQuota> quotas,
        KpiEmployment employment,
        PeriodIndex index,
        KpiTable table,
        Scratch scratch)
    {
        var periods = index.Count;
        var firstCell = person * periods;
        var money = table.MoneyValues.AsSpan(firstCell * M, periods * M);
        var counts = table.CountValues.AsSpan(firstCell * C, periods * C);
        var ratios = table.RatioValues.AsSpan(firstCell * R, periods * R);
        money.Clear();
        counts.Clear();
        var openAmount = scratch.OpenAmountDelta.AsSpan();
        var openCount = scratch.OpenCountDelta.AsSpan();
        var cycleSum = scratch.CycleDaysSum.AsSpan();
        var hasQuota = scratch.HasQuota.AsSpan();
        openAmount.Clear();
        openCount.Clear();
        cycleSum.Clear();
        hasQuota.Clear();
        if (scratch.CyclePeriod.Length < opportunities.Length)
        {
            var size = Math.Max(opportunities.Length, scratch.CyclePeriod.Length * 2);
            scratch.CyclePeriod = new int[size];
            scratch.CycleDays = new int[size];
            scratch.CycleByPeriod = new int[size];
        }

        var cyclePeriod = scratch.CyclePeriod.AsSpan();
        var cycleDays = scratch.CycleDays.AsSpan();
        var cycles = 0;
        var closedWithoutCloseDate = 0;
        var withoutCreatedDate = 0;

        foreach (ref readonly var opportunity in opportunities)
        {
            var flags = opportunity.Flags;
            var isClosed = KpiOpportunity.IsClosedFlags(flags);
            var hasAmount = KpiOpportunity.HasAmountFlags(flags);
            var amount = opportunity.AmountUnits;
            var created = opportunity.CreatedDay;
            var close = opportunity.CloseDay;
            if (isClosed && close == KpiOpportunity.NoDay)
            {
                closedWithoutCloseDate++;
                continue;
            }

            if (created == KpiOpportunity.NoDay)
            {
                withoutCreatedDate++;
            }
            else
            {
                var createdIn = index.Of(created);
                if (createdIn >= 0)
                {
                    counts[(createdIn * C) + Created]++;
                    if (hasAmount) money[(createdIn * M) + PipelineCreated] += amount;
                }

                // Open at the end of period p ⇔ created < end(p) and (open now or close ≥ end(p)):
                // the periods [first ending after created, first ending after close).
                var openFrom = index.FirstEndingAfter(created);
                var openUntil = isClosed ? index.FirstEndingAfter(close) : periods;
                if (openFrom < openUntil)
                {
                    openCount[openFrom]++;
                    openCount[openUntil]--;
                    if (hasAmount)
                    {
                        openAmount[openFrom] += amount;
                        openAmount[openUntil] -= amount;
                    }
                }
            }

            if (!isClosed) continue;
            var closedIn = index.Of(close);
            if (closedIn < 0) continue;
            var cell = closedIn * C;
            if (KpiOpportunity.IsWonFlags(flags))
            {
                counts[cell + Won]++;
                if (hasAmount) money[(closedIn * M) + WonRevenue] += amount;
                else counts[cell + WonWithoutAmount]++;
                if (created == KpiOpportunity.NoDay)
                {
                    counts[cell + CycleMissingCreated]++;
                }
                else if (close < created)
                {
                    counts[cell + CycleNegative]++;
                }
                else
                {
                    var days = close - created;
                    counts[cell + CycleDeals]++;
                    cycleSum[closedIn] += days;
                    cyclePeriod[cycles] = closedIn;
                    cycleDays[cycles] = days;
                    cycles++;
                }
            }
            else
            {
                counts[cell + Lost]++;
                if (hasAmount) money[(closedIn * M) + LostAmount] += amount;
                else counts[cell + LostWithoutAmount]++;
            }
        }

        foreach (ref readonly var activity in activities)
        {
            if (!activity.IsCompleted) continue;
            var period = index.Of(activity.DayNumber);
            if (period < 0) continue;
            counts[(period * C) + FirstActivityType + (int)activity.ActivityKind]++;
            counts[(period * C) + AllActivities]++;
        }

        foreach (ref readonly var quota in quotas)
        {
            var length = quota.EndDay - quota.StartDay;
            for (var p = Math.Max(0, index.FirstEndingAfter(quota.StartDay)); p < periods && index.Starts[p] < quota.EndDay; p++)
            {
                var overlap = Math.Min(quota.EndDay, index.Ends[p]) - Math.Max(quota.StartDay, index.Starts[p]);
                money[(p * M) + Quota] += KpiMoney.Prorate(quota.AmountUnits, overlap, length);
                hasQuota[p] = true;
            }
        }

        var medians = MediansByPeriod(cyclePeriod[..cycles], cycleDays[..cycles], scratch, periods);
        long runningAmount = 0;
        var runningCount = 0;
        for (var p = 0; p < periods; p++)
        {
            runningAmount += openAmount[p];
            runningCount += openCount[p];
            var m = money.Slice(p * M, M);
            var c = counts.Slice(p * C, C);
            var r = ratios.Slice(p * R, R);
            m[OpenPipeline] = runningAmount;
            c[Open] = runningCount;
            c[Closed] = c[Won] + c[Lost];
            if (!hasQuota[p]) m[Quota] = KpiTable.NullMoney;

            var wonWithAmount = c[Won] - c[WonWithoutAmount];
            m[AverageDealSize] = wonWithAmount > 0 ? KpiMoney.DivideRounded(m[WonRevenue], wonWithAmount) : KpiTable.NullMoney;
            r[WinRateByCount] = c[Closed] > 0 ? (double)c[Won] / c[Closed] : double.NaN;
            var closedAmount = m[WonRevenue] + m[LostAmount];
            r[WinRateByValue] = closedAmount != 0 ? (double)m[WonRevenue] / closedAmount : double.NaN;
            r[CycleMedian] = medians[p];
            r[CycleMean] = c[CycleDeals] > 0 ? (double)cycleSum[p] / c[CycleDeals] : double.NaN;
            r[Attainment] = hasQuota[p] && m[Quota] != 0 ? (double)m[WonRevenue] / m[Quota] : double.NaN;
            var remaining = hasQuota[p] ? m[Quota] - m[WonRevenue] : 0;
            r[Coverage] = remaining > 0 ? (double)m[OpenPipeline] / remaining : double.NaN;
            table.ActiveCells[firstCell + p] = employment.Overlaps(table.Periods[p]);
        }

        table.Problems[person] = new KpiDataProblems(closedWithoutCloseDate, withoutCreatedDate);
    }

    /// <summary>
    /// Median cycle per period: buckets the (period, days) pairs by period with a counting sort into scratch, then
    /// selects each bucket's median in place. Returns a span over scratch (NaN where a period has no cycle).
    /// </summary>
    private static Span<double> MediansByPeriod(ReadOnlySpan<int> period, ReadOnlySpan<int> days, Scratch scratch, int periods)
    {
        var result = scratch.Medians.AsSpan();
        result.Fill(double.NaN);
        if (period.Length == 0) return result;
        var start = scratch.BucketStart.AsSpan();
        start.Clear();
        foreach (var p in period) start[p + 1]++;
        for (var p = 0; p < periods; p++) start[p + 1] += start[p];
        var sorted = scratch.CycleByPeriod.AsSpan();
        for (var i = 0; i < period.Length; i++)
        {
            var p = period[i];
            sorted[start[p]] = days[i];
            start[p]++;
        }

        // start[p] now holds the end of bucket p; bucket p begins where bucket p − 1 ends.
        var begin = 0;
        for (var p = 0; p < periods; p++)
        {
            var end = start[p];
            if (end > begin) result[p] = NthElement.Median(sorted[begin..end]);
            begin = end;
        }

        return result;
    }
}
