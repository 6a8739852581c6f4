using SalesMentor.App.Domain;
using SalesMentor.Core.People;

namespace SalesMentor.App.Import;

/// <summary>What an import would do: the rows that go in, as what, and every row that cannot.</summary>
internal sealed class RosterPlan
{
    /// <summary>The rows that are imported (added, updated or unchanged), in file order.</summary>
    public List<RosterRow> Accepted { get; } = [];
    public int Added { get; set; }
    public int Updated { get; set; }
    public int Unchanged { get; set; }

    /// <summary>Rows with at least one problem.</summary>
    public int RejectedRows { get; set; }

    /// <summary>Every row problem, in line order.</summary>
    public List<ImportProblem> Problems { get; } = [];

    /// <summary>Teams and regions named in the file that do not exist yet, by folded name.</summary>
    public Dictionary<string, Team> NewTeams { get; } = new(StringComparer.Ordinal);
    public Dictionary<string, Region> NewRegions { get; } = new(StringComparer.Ordinal);

    /// <summary>Stored people whose email moves to someone else in this file: freed first, so the unique index never sees it twice.</summary>
    public HashSet<PersonId> EmailsToRelease { get; } = [];

    /// <summary>Accepted rows that change a stored person.</summary>
    public List<RosterRow> Changed { get; } = [];
}
