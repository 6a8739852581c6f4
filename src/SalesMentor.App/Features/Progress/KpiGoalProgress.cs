using System.Globalization;
using SalesMentor.App.Domain;
using SalesMentor.App.Features.Kpis;
using SalesMentor.App.Kpis;
using SalesMentor.Core.Kpis;
using SalesMentor.Core.Mentoring;
using SalesMentor.Core.People;

namespace SalesMentor.App.Features.Progress;

/// <summary>
/// A KPI goal's progress from the KPI snapshot's monthly table — the numbers of the scorecard by month: the current
/// value over the last whole months (as many as the baseline's), the mentor's over the same months, and the chart from
/// the first baseline month to the last whole month.
/// </summary>
internal sealed class KpiGoalProgress
{
    /// <summary>The longest chart, in months.</summary>
    public const int MaxChartMonths = 36;

    private readonly KpiSnapshot _snapshot;
    private readonly KpiPeriodTable _months;
    private readonly Dictionary<DateOnly, int> _byStart;
    private readonly DateOnly _thisMonth;

    public KpiGoalProgress(KpiSnapshot snapshot, DateOnly today)
    {
        _snapshot = snapshot;
        _months = snapshot.TableOf(PeriodKind.Month);
        _byStart = _months.Periods.Select((p, i) => (p.Start, i)).ToDictionary(x => x.Start, x => x.i);
        _thisMonth = new DateOnly(today.Year, today.Month, 1);
    }

    /// <summary>The goal's progress, or null when its KPI is no longer in the catalog.</summary>
    public KpiGoalProgressView? Of(KpiGoal goal, PersonId mentee, PersonId mentor, bool mentorShown)
    {
        if (KpiCatalog.FromId(goal.Kpi) is not { } kpi) return null;
        var (menteeIndex, mentorIndex) = (_snapshot.IndexOf(mentee), _snapshot.IndexOf(mentor));
        decimal? ValueOf(int person, DateOnly month) =>
            person >= 0 && _byStart.TryGetValue(month, out var period) ? _months.Table.Value(person, period, kpi) : null;

        var window = Math.Clamp(goal.BaselineMonths, 1, MaxChartMonths);
        var lastWhole = _thisMonth.AddMonths(-1);
        var currentFrom = _thisMonth.AddMonths(-window);
        var windowMonths = Enumerable.Range(0, window).Select(currentFrom.AddMonths).ToList();
        var current = GoalProgress.Mean(windowMonths.Select(month => ValueOf(menteeIndex, month)));
        var mentorCurrent = GoalProgress.Mean(windowMonths.Select(month => ValueOf(mentorIndex, month)));
        var definition = KpiCatalog.Of(kpi);
        var surpassed = GoalProgress.Surpasses(definition.Direction, goal.Baseline, goal.Target, current, mentorCurrent);
        var reached = current is { } c && GoalProgress.HigherIsBetter(definition.Direction, goal.Baseline, goal.Target) is { } higher
            && (higher ? c >= goal.Target : c <= goal.Target);

        var chartFrom = DateOnly.TryParseExact(goal.BaselineFrom + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var from) ? from : currentFrom;
        if (chartFrom > currentFrom) chartFrom = currentFrom;
        if (chartFrom < lastWhole.AddMonths(1 - MaxChartMonths)) chartFrom = lastWhole.AddMonths(1 - MaxChartMonths);
        var chart = new List<GoalMonthView>();
        for (var month = chartFrom; month <= lastWhole; month = month.AddMonths(1))
        {
            chart.Add(new GoalMonthView(Key(month), ValueOf(menteeIndex, month), mentorShown ? ValueOf(mentorIndex, month) : null));
        }

        return new KpiGoalProgressView(
            goal.Id, KpiDefinitionView.Of(kpi), goal.Baseline, goal.BaselineFrom, goal.BaselineTo, current, Key(currentFrom), Key(lastWhole),
            goal.Target, goal.TargetDate, GoalProgress.Share(goal.Baseline, current, goal.Target), reached, surpassed, mentorShown,
            mentorShown ? mentorCurrent : null, chart);
    }

    private static string Key(DateOnly month) => month.ToString("yyyy-MM", CultureInfo.InvariantCulture);
}
