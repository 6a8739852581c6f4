namespace SalesMentor.Core.Kpis;

/// <summary>
/// The KPI engine: every <see cref="Kpi"/> for every person and every period, from a <see cref="KpiInput"/>.
/// <para>
/// How: opportunities, activities and quotas are grouped by owner with a counting sort; then each person is
/// computed alone (<see cref="OwnerKpis"/>), in parallel over people, with no allocation per person. A person's
/// KPIs depend only on their own records, so after an import only the people it touched need a
/// <see cref="Recompute"/>; percentile ranks (<see cref="RankKpis"/>) compare people and are recomputed from the
/// stored table, which is cheap.
/// </para>
/// </summary>
public static class ComputeKpis
{
    private const int PeoplePerBatch = 16;

    /// <summary>Computes every KPI for every person of <paramref name="input"/> and every period.</summary>
    /// <param name="input">The records.</param>
    /// <param name="periods">Contiguous periods in order (each starts where the previous ends), of any kinds, e.g. from
    /// <see cref="FiscalCalendar.PeriodsBetween"/> or one <see cref="Period.Custom"/> span.</param>
    /// <param name="maxDegreeOfParallelism">Workers to use; −1 for one per processor.</param>
    /// <exception cref="ArgumentException">No periods, or periods that are not contiguous.</exception>
    public static KpiTable For(KpiInput input, IReadOnlyList<Period> periods, int maxDegreeOfParallelism = -1)
    {
        ArgumentNullException.ThrowIfNull(input);
        var index = new PeriodIndex(periods);
        var table = new KpiTable(input.People, [.. periods]);
        Run(table, input, index, selected: null, maxDegreeOfParallelism);
        return table;
    }

    /// <summary>
    /// Every KPI for the periods of <paramref name="kind"/> that overlap [<paramref name="from"/>, <paramref name="to"/>)
    /// in <paramref name="calendar"/>.
    /// </summary>
    public static KpiTable For(KpiInput input, FiscalCalendar calendar, PeriodKind kind, DateOnly from, DateOnly to, int maxDegreeOfParallelism = -1)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        return For(input, calendar.PeriodsBetween(kind, from, to), maxDegreeOfParallelism);
    }

    /// <summary>
    /// Recomputes, in place, the rows of <paramref name="people"/> from <paramref name="input"/>; other rows are left as
    /// they are. <paramref name="input"/> may hold every record or only those of the people recomputed (records of
    /// other people are ignored), but for each recomputed person it must hold all of their records.
    /// </summary>
    /// <exception cref="ArgumentException">The input has a different number of people than the table.</exception>
    public static void Recompute(KpiTable table, KpiInput input, IEnumerable<int> people, int maxDegreeOfParallelism = -1)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(people);
        if (input.People != table.People) throw new ArgumentException("The input and the table have different people.", nameof(input));
        var selected = new bool[table.People];
        foreach (var person in people)
        {
            ArgumentOutOfRangeException.ThrowIfNegative(person);
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(person, table.People);
            selected[person] = true;
        }

        Run(table, input, new PeriodIndex(table.Periods), selected, maxDegreeOfParallelism);
    }

    private static void Run(KpiTable table, KpiInput input, PeriodIndex index, bool[]? selected, int maxDegreeOfParallelism)
    {
        var parallelism = maxDegreeOfParallelism > 0 ? maxDegreeOfParallelism : Environment.ProcessorCount;
        var people = input.People;
        var opportunities = GroupByOwner.Group(input.Opportunities, people, selected, parallelism, out var opportunityStarts);
        var activities = GroupByOwner.Group(input.Activities, people, selected, parallelism, out var activityStarts);
        var quotas = GroupByOwner.Group(input.Quotas, people, selected, parallelism, out var quotaStarts);
        var todo = selected is null ? null : Enumerable.Range(0, people).Where(p => selected[p]).ToArray();
        var count = todo?.Length ?? people;
        var batches = (count + PeoplePerBatch - 1) / PeoplePerBatch;
        var options = new ParallelOptions { MaxDegreeOfParallelism = parallelism };

        Parallel.For(
            0,
            batches,
            options,
            () => new OwnerKpis.Scratch(index.Count),
            (batch, _, scratch) =>
            {
                var end = Math.Min(count, (batch + 1) * PeoplePerBatch);
                for (var i = batch * PeoplePerBatch; i < end; i++)
                {
                    var person = todo is null ? i : todo[i];
                    OwnerKpis.Compute(
                        person,
                        opportunities.AsSpan(opportunityStarts[person]..opportunityStarts[person + 1]),
                        activities.AsSpan(activityStarts[person]..activityStarts[person + 1]),
                        quotas.AsSpan(quotaStarts[person]..quotaStarts[person + 1]),
                        input.EmploymentOf(person),
                        index,
                        table,
                        scratch);
                }

                return scratch;
            },
            _ => { });
    }
}
