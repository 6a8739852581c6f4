namespace SalesMentor.App.Import.Crm;

/// <summary>An owner named in the file that matches no person: the rows still import, unlinked, and are linked when the person arrives.</summary>
public sealed record UnknownOwner(string Owner, int Rows, string Why);

/// <summary>A Salesforce user whose manager in the file differs from the roster's; the roster wins.</summary>
public sealed record ManagerDifference(string Person, string? ManagerInFile, string? ManagerInRoster);

/// <summary>
/// What an import found besides row errors, kept with the run: owners that match no person (with
/// how many rows each), the CRM stages and what they mean, managers the roster and the file
/// disagree on.
/// </summary>
public sealed record ImportReport
{
    /// <summary>Entries kept per list; the counts say how many more there were.</summary>
    public const int MaxListed = 500;

    public IReadOnlyList<UnknownOwner> UnknownOwners { get; init; } = [];
    public int MoreUnknownOwners { get; init; }
    public IReadOnlyList<StageSeen> Stages { get; init; } = [];
    public IReadOnlyList<ManagerDifference> ManagerDifferences { get; init; } = [];
    public int MoreManagerDifferences { get; init; }

    /// <summary>Rows whose owner matched no person.</summary>
    public int UnlinkedRows { get; init; }

    public bool IsEmpty => UnknownOwners.Count == 0 && Stages.Count == 0 && ManagerDifferences.Count == 0;
}

/// <summary>Counts the rows of owners that match no person, for the report.</summary>
internal sealed class OwnerTally
{
    private const int MaxDistinct = 20_000;
    private readonly Dictionary<string, (int Rows, string Why)> _owners = new(StringComparer.Ordinal);

    public int Rows { get; private set; }

    public void Add(string owner, string why)
    {
        Rows++;
        if (_owners.TryGetValue(owner, out var seen)) _owners[owner] = seen with { Rows = seen.Rows + 1 };
        else if (_owners.Count < MaxDistinct) _owners[owner] = (1, why);
    }

    public (IReadOnlyList<UnknownOwner> Listed, int More) List()
    {
        var all = _owners.OrderByDescending(o => o.Value.Rows).ThenBy(o => o.Key, StringComparer.Ordinal)
            .Select(o => new UnknownOwner(o.Key, o.Value.Rows, o.Value.Why)).ToList();
        return (all.Take(ImportReport.MaxListed).ToList(), Math.Max(0, all.Count - ImportReport.MaxListed));
    }
}
