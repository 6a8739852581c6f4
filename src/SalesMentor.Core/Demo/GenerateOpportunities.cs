namespace SalesMentor.Core.Demo;

/// <summary>What every rep's generation shares: the options, the scale, the window and the CRM pod.</summary>
internal sealed record DemoSource(DemoOptions Options, DemoScale Scale, DateOnly WindowStart, string CrmPod);

/// <summary>One rep as the generators see them: the person, their roster position, region and plan.</summary>
internal sealed record DemoRep(DemoPerson Person, int Ordinal, int RegionIndex, DemoPerformance Performance)
{
    /// <summary>First day the rep can have data: hire date or window start, whichever is later.</summary>
    internal DateOnly FirstDay(DemoSource source) => Person.HireDate > source.WindowStart ? Person.HireDate : source.WindowStart;

    /// <summary>Last day the rep can have data (inclusive): the day they left, else AsOf.</summary>
    internal DateOnly LastDay(DemoSource source) => Person.LeftOn ?? source.Options.AsOf;
}

/// <summary>The accounts a rep sells to, with weights that make a few key accounts buy again and again.</summary>
internal sealed record DemoAccounts(IReadOnlyList<string> Names, IReadOnlyList<double> Weights);

/// <summary>
/// Turns a rep's <see cref="DemoPerformance"/> into their opportunities, month by month, from their own
/// random stream (seed, rep ordinal): any rep can be generated alone, in any order, any number of times.
/// </summary>
internal static class GenerateOpportunities
{
    private const double CycleSpread = 0.3;
    private const double UndatedShare = 0.4;

    internal static IEnumerable<DemoOpportunity> For(DemoSource source, DemoRep rep)
    {
        var first = rep.FirstDay(source);
        var last = rep.LastDay(source);
        if (first > last) yield break;

        var random = DemoRandom.Create(source.Options.Seed, DemoStream.Opportunities, rep.Ordinal);
        var accounts = AccountsOf(source, rep);
        var sequence = 0;
        for (var month = new DateOnly(first.Year, first.Month, 1); month <= last; month = month.AddMonths(1))
        {
            var from = month > first ? month : first;
            var monthEnd = month.AddMonths(1).AddDays(-1);
            var days = (monthEnd < last ? monthEnd : last).DayNumber - from.DayNumber + 1;

            // The rep's form this month: busier or quieter, luckier or not. Keeps stars from winning every quarter.
            var volumeForm = Math.Exp((0.12 * random.NextGaussian()) - 0.0072);
            var winForm = 0.03 * random.NextGaussian();
            var ramp = rep.Performance.Ramp(rep.Person.HireDate, from.AddDays(days / 2));
            var mean = source.Scale.OpportunitiesPerRepMonth * rep.Performance.DealVelocity * DemoPerformance.VolumeAt(ramp)
                * volumeForm * days / DateTime.DaysInMonth(month.Year, month.Month);
            var offsets = new int[random.NextPoisson(mean)];
            for (var i = 0; i < offsets.Length; i++) offsets[i] = random.NextInt(days);
            Array.Sort(offsets);

            foreach (var offset in offsets)
            {
                var opportunity = Create(source, rep, random, accounts, from.AddDays(offset), winForm, sequence++);
                if (opportunity is not null) yield return opportunity;
            }
        }
    }

    internal static DemoAccounts AccountsOf(DemoSource source, DemoRep rep)
    {
        var random = DemoRandom.Create(source.Options.Seed, DemoStream.Accounts, rep.Ordinal);
        var (min, max) = source.Scale.AccountsPerRep;
        var count = min + random.NextInt(max - min);
        var names = new HashSet<string>(StringComparer.Ordinal);
        for (var tries = 0; names.Count < count && tries < count * 10; tries++)
        {
            names.Add(DemoCatalog.CompanyName(random, rep.RegionIndex));
        }

        var weights = Enumerable.Range(1, names.Count).Select(rank => 1 / Math.Pow(rank, 0.8)).ToList();
        return new DemoAccounts([.. names], weights);
    }

    /// <summary>One opportunity, or null when its owner left before it closed (it went to a colleague, outside the demo data).</summary>
    private static DemoOpportunity? Create(
        DemoSource source, DemoRep rep, DemoRandom random, DemoAccounts accounts, DateOnly created, double winForm, int sequence)
    {
        // Always exactly 10 draws, whatever the outcome, so an uplift in the plan changes outcomes, not the stream.
        var product = DemoCatalog.Products[random.PickWeighted(source.Scale.ProductWeights)];
        var account = accounts.Names[random.PickWeighted(accounts.Weights)];
        var amountNoise = random.NextGaussian();
        var cycleNoise = random.NextGaussian();
        var winDraw = random.NextDouble();
        var lostShare = random.NextDouble();
        var leadSource = DemoCatalog.LeadSources[random.PickWeighted(DemoCatalog.LeadSourceWeights)];
        var dateDraw = random.NextDouble();

        var performance = rep.Performance;
        var ramp = performance.Ramp(rep.Person.HireDate, created);
        var amount = product.ListPrice * performance.DealSizeOn(created, ramp) * Math.Exp(DemoCatalog.AmountSpread * amountNoise);
        amount = Math.Clamp(amount, product.MinPrice, product.MaxPrice);
        var cycle = (int)Math.Clamp(Math.Round(product.CycleDays / performance.DealVelocity * Math.Exp(CycleSpread * cycleNoise)), 20, 120);
        var won = winDraw < performance.WinRateOn(created, ramp, winForm);
        // Lost deals end sooner on average: some are disqualified early.
        var closeOn = created.AddDays(won ? cycle : Math.Max(5, (int)(cycle * (0.3 + (0.8 * lostShare)))));

        var asOf = source.Options.AsOf;
        string stage;
        DateOnly? closeDate;
        if (closeOn <= rep.LastDay(source))
        {
            (stage, closeDate) = (won ? DemoStages.ClosedWon : DemoStages.ClosedLost, closeOn);
        }
        else if (rep.Person.LeftOn is not null)
        {
            return null;
        }
        else
        {
            var progress = (double)(asOf.DayNumber - created.DayNumber) / cycle;
            stage = progress < 0.25 ? DemoStages.Prospecting
                : progress < 0.5 ? DemoStages.Qualification
                : progress < 0.75 ? DemoStages.Proposal
                : DemoStages.Negotiation;
            var expected = created.AddDays(cycle);
            // A deal past its expected date has slipped: the rep pushed the date out by a few weeks.
            if (expected <= asOf) expected = asOf.AddDays(7 + (int)(dateDraw * 21));
            closeDate = stage == DemoStages.Prospecting && dateDraw < UndatedShare ? null : expected;
        }

        return new DemoOpportunity(
            ExternalId: DemoCrmIds.Opportunity(source.CrmPod, rep.Ordinal, sequence),
            OwnerId: rep.Person.Id,
            OwnerCrmId: rep.Person.CrmOwnerIds[0],
            Account: account,
            Product: product.Name,
            Name: $"{account} - {product.Name}",
            Stage: stage,
            Amount: Math.Round((decimal)amount, 2),
            Currency: source.Options.Currency,
            CreatedOn: created,
            CloseDate: closeDate,
            IsClosed: stage is DemoStages.ClosedWon or DemoStages.ClosedLost,
            IsWon: stage == DemoStages.ClosedWon,
            Probability: Probability(stage),
            LeadSource: leadSource);
    }

    private static int Probability(string stage) => stage switch
    {
        DemoStages.ClosedWon => 100,
        DemoStages.Prospecting => 10,
        DemoStages.Qualification => 20,
        DemoStages.Proposal => 50,
        DemoStages.Negotiation => 75,
        _ => 0,
    };
}
