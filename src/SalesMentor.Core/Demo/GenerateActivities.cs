namespace SalesMentor.Core.Demo;

/// <summary>
/// Turns a rep's plan into their activities from their own random stream (seed, rep ordinal): activities on
/// each of their opportunities (regenerated, not stored), plus prospecting that belongs to no opportunity.
/// Yields in date order; ids follow that order.
/// </summary>
internal static class GenerateActivities
{
    private const double TypicalCycleDays = 45;
    private const double NextStepShare = 0.7;
    private const double TaskDoneShare = 0.9;

    private static readonly DemoActivityType[] Types = [DemoActivityType.Call, DemoActivityType.Email, DemoActivityType.Meeting, DemoActivityType.Task];
    private static readonly double[] DealTypeWeights = [30, 35, 20, 15];
    private static readonly double[] ProspectingTypeWeights = [50, 45, 0, 5];
    private static readonly int[] MeetingMinutes = [30, 45, 60, 90];

    private static readonly string[][] DealSubjects =
    [
        ["Discovery call", "Follow-up call", "Pricing call", "Check-in call"],
        ["Follow-up", "Proposal sent", "Pricing details", "Meeting recap"],
        ["Product demo", "Discovery meeting", "Negotiation meeting", "Executive briefing"],
        ["Send proposal", "Prepare quote", "Send contract", "Update opportunity"],
    ];

    private static readonly string[][] ProspectingSubjects = [["Cold call"], ["Intro email"], [], ["Research account"]];

    internal static IEnumerable<DemoActivity> For(DemoSource source, DemoRep rep)
    {
        // An iterator: every enumeration starts again from a fresh random stream, so it always yields the same.
        var first = rep.FirstDay(source);
        var last = rep.LastDay(source);
        if (first > last) yield break;

        var random = DemoRandom.Create(source.Options.Seed, DemoStream.Activities, rep.Ordinal);
        var drafts = new List<Draft>();
        foreach (var opportunity in GenerateOpportunities.For(source, rep))
        {
            AddDealActivities(drafts, random, source, rep, opportunity);
        }

        AddProspecting(drafts, random, source, rep, first, last);

        // One rep's activities (at most a few thousand) are sorted in memory; the organization's never are.
        var sequence = 0;
        foreach (var draft in drafts.OrderBy(d => d.Date))
        {
            yield return new DemoActivity(
                DemoCrmIds.Activity(source.CrmPod, rep.Ordinal, sequence++, draft.Type),
                rep.Person.Id,
                rep.Person.CrmOwnerIds[0],
                draft.Type,
                draft.Subject,
                draft.Date,
                draft.DurationMinutes,
                draft.Completed,
                draft.OpportunityExternalId);
        }
    }

    private static void AddDealActivities(List<Draft> drafts, DemoRandom random, DemoSource source, DemoRep rep, DemoOpportunity opportunity)
    {
        var asOf = source.Options.AsOf;
        var end = opportunity.IsClosed ? opportunity.CloseDate!.Value : asOf;
        var span = end.DayNumber - opportunity.CreatedOn.DayNumber + 1;
        var mean = source.Scale.ActivitiesPerOpportunity * rep.Performance.ActivityOn(opportunity.CreatedOn)
            * Math.Clamp(span / TypicalCycleDays, 0.4, 2.0) * (opportunity.IsWon ? 1.3 : 1.0);
        var count = random.NextPoisson(mean);
        for (var i = 0; i < count; i++)
        {
            var type = Types[random.PickWeighted(DealTypeWeights)];
            var date = opportunity.CreatedOn.AddDays(random.NextInt(span));
            var subject = $"{random.Pick(DealSubjects[(int)type])} - {opportunity.Account}";
            var completed = type != DemoActivityType.Task || random.Chance(TaskDoneShare);
            drafts.Add(new Draft(date, type, subject, Duration(random, type), completed, opportunity.ExternalId));
        }

        if (!opportunity.IsClosed && random.Chance(NextStepShare))
        {
            // The next step of an open deal: due soon after AsOf, so not done yet.
            var due = asOf.AddDays(1 + random.NextInt(14));
            drafts.Add(new Draft(due, DemoActivityType.Task, $"Next step - {opportunity.Account}", null, false, opportunity.ExternalId));
        }
    }

    private static void AddProspecting(List<Draft> drafts, DemoRandom random, DemoSource source, DemoRep rep, DateOnly first, DateOnly last)
    {
        var accounts = GenerateOpportunities.AccountsOf(source, rep);
        for (var month = new DateOnly(first.Year, first.Month, 1); month <= last; month = month.AddMonths(1))
        {
            var from = month > first ? month : first;
            var monthEnd = month.AddMonths(1).AddDays(-1);
            var days = (monthEnd < last ? monthEnd : last).DayNumber - from.DayNumber + 1;
            var mean = source.Scale.ProspectingPerRepMonth * rep.Performance.ActivityOn(from)
                * days / DateTime.DaysInMonth(month.Year, month.Month);
            var count = random.NextPoisson(mean);
            for (var i = 0; i < count; i++)
            {
                var type = Types[random.PickWeighted(ProspectingTypeWeights)];
                var subject = $"{random.Pick(ProspectingSubjects[(int)type])} - {random.Pick(accounts.Names)}";
                var completed = type != DemoActivityType.Task || random.Chance(TaskDoneShare);
                drafts.Add(new Draft(from.AddDays(random.NextInt(days)), type, subject, Duration(random, type), completed, null));
            }
        }
    }

    /// <summary>Minutes for calls (5–45) and meetings (30–90); null for emails and tasks.</summary>
    private static int? Duration(DemoRandom random, DemoActivityType type) => type switch
    {
        DemoActivityType.Call => 5 + random.NextInt(41),
        DemoActivityType.Meeting => random.Pick(MeetingMinutes),
        _ => null,
    };

    private readonly record struct Draft(
        DateOnly Date, DemoActivityType Type, string Subject, int? DurationMinutes, bool Completed, string? OpportunityExternalId);
}
