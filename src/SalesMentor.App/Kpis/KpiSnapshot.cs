using SalesMentor.Core.Kpis;
using SalesMentor.Core.People;
using SalesMentor.Core.Skills;
using SalesMentor.Core.Stars;

namespace SalesMentor.App.Kpis;

/// <summary>One person as the KPI snapshot knows them; <see cref="IsRep"/>: owns opportunities or has a quota, so is ranked.</summary>
public sealed record KpiPerson(PersonId Id, string Name, Guid? TeamId, Guid? RegionId, bool IsRep);

/// <summary>A deal left out of every sum because its currency has no exchange rate on its date.</summary>
public sealed record DealWithoutRate(string Source, string ExternalId, string Currency, DateOnly? Date);

/// <summary>Problems the loader found in one person's records (beyond those the KPI engine counts itself).</summary>
public sealed class KpiLoadProblems
{
    /// <summary>How many of the deals in <see cref="DealsWithoutRate"/> are kept as examples.</summary>
    public const int Examples = 20;

    public int DealsWithoutRateCount { get; set; }
    public List<DealWithoutRate> DealsWithoutRate { get; } = [];
    public int QuotasWithoutRate { get; set; }
    public int ImplausibleAmounts { get; set; }
    public int WonButNotClosed { get; set; }
}

/// <summary>The KPIs of one kind of period, with percentile ranks among all reps and among team mates.</summary>
public sealed class KpiPeriodTable
{
    private readonly Dictionary<string, int> _byKey;

    internal KpiPeriodTable(PeriodKind kind, KpiTable table, KpiRanks everyone, KpiRanks team)
    {
        Kind = kind;
        Table = table;
        Everyone = everyone;
        Team = team;
        _byKey = table.Periods.Select((p, i) => (KpiPeriodKeys.KeyOf(p), i)).ToDictionary(x => x.Item1, x => x.i, StringComparer.Ordinal);
    }

    public PeriodKind Kind { get; }
    public KpiTable Table { get; }
    public KpiRanks Everyone { get; }
    public KpiRanks Team { get; }
    public IReadOnlyList<Period> Periods => Table.Periods;

    /// <summary>The index of the period with this canonical key (see <see cref="KpiPeriodKeys"/>), or −1.</summary>
    public int IndexOf(string key) => _byKey.TryGetValue(key, out var index) ? index : -1;

    /// <summary>The index of the period that contains <paramref name="day"/>, clamped to the first or last period.</summary>
    public int IndexOf(DateOnly day)
    {
        var index = Table.PeriodIndexOf(day);
        if (index >= 0) return index;
        return day < Periods[0].Start ? 0 : Periods.Count - 1;
    }
}

/// <summary>
/// Every KPI of every person for every month, fiscal quarter and fiscal year of the data, with ranks, star verdicts
/// and skill signals: what <see cref="KpiCache"/> holds. Immutable once built; readers share it.
/// </summary>
public sealed class KpiSnapshot
{
    /// <summary>More derived values of one kind than this start that kind over (each is one array per person or one view).</summary>
    private const int MaxDerived = 512;

    private readonly Dictionary<PersonId, int> _index;
    private readonly System.Collections.Concurrent.ConcurrentDictionary<Type, System.Collections.Concurrent.ConcurrentDictionary<object, object>> _derived = new();

    internal KpiSnapshot(KpiCacheKey key, KpiData data, IReadOnlyList<KpiPeriodTable> tables, KpiStars stars, KpiSignals signals, KpiBuildStats stats)
    {
        Key = key;
        Data = data;
        Tables = tables;
        Stars = stars;
        Signals = signals;
        Stats = stats;
        Calendar = new FiscalCalendar(key.FiscalYearStartMonth);
        _index = data.People.Select((p, i) => (p.Id, i)).ToDictionary(x => x.Id, x => x.i);
    }

    public KpiCacheKey Key { get; }
    internal KpiData Data { get; }
    public IReadOnlyList<KpiPerson> People => Data.People;

    /// <summary>The last day with data (and not after today): the default period contains it, star quarters end on or before it.</summary>
    public DateOnly AsOf => Data.AsOf;
    public string Currency => Key.Currency;
    public FiscalCalendar Calendar { get; }
    internal IReadOnlyList<KpiPeriodTable> Tables { get; }
    public KpiStars Stars { get; }
    public KpiSignals Signals { get; }
    public KpiBuildStats Stats { get; }

    public KpiPeriodTable TableOf(PeriodKind kind) => Tables.First(t => t.Kind == kind);

    /// <summary>The person's index in every table, or −1 when they are not in this snapshot (added since).</summary>
    public int IndexOf(PersonId person) => _index.TryGetValue(person, out var index) ? index : -1;

    public KpiLoadProblems ProblemsOf(int person) => Data.Problems[person];

    /// <summary>
    /// A value computed from this snapshot and the key alone (nothing read elsewhere, nothing about who asks), kept as
    /// long as the snapshot: ranks, per-person values and orders that every request for the same board would compute
    /// again, views every allowed reader gets alike. Two requests may compute the same value at once; both results are
    /// equal, one is kept. Each kind of key (its type: a tuple shape of its own) has its own memo and bound, so browsing
    /// many scorecards never pushes out the leaderboard's orders.
    /// </summary>
    internal T Derived<TKey, T>(TKey key, Func<KpiSnapshot, TKey, T> compute)
        where TKey : notnull
        where T : class
    {
        ArgumentNullException.ThrowIfNull(compute);
        var memo = _derived.GetOrAdd(typeof(TKey), static _ => new());
        if (memo.TryGetValue(key, out var kept)) return (T)kept;
        var value = compute(this, key);
        if (memo.Count >= MaxDerived) memo.Clear();
        return (T)memo.GetOrAdd(key, value);
    }

    /// <summary>The same numbers judged by another star rule.</summary>
    internal KpiSnapshot WithStars(KpiCacheKey key, KpiStars stars, KpiBuildStats stats) => new(key, Data, Tables, stars, Signals, stats);
}

/// <summary>The star verdicts under one rule, by person index (null: not judged, not a rep).</summary>
public sealed record KpiStars(StarRule Rule, IReadOnlyList<Period> Quarters, IReadOnlyList<StarVerdict?> Verdicts);

/// <summary>Skill signals from the last four completed quarters taken together, by person index.</summary>
public sealed record KpiSignals(Period Window, IReadOnlyList<IReadOnlyList<SkillSignal>> ByPerson);

/// <summary>How long the last rebuild took and how much it read; logged, and shown to admins.</summary>
public sealed record KpiBuildStats(
    long SalesDataVersion, int People, int Opportunities, int Activities, int Quotas, int Periods,
    TimeSpan Load, TimeSpan Compute, DateTime ComputedAt);
