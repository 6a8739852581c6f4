using SalesMentor.App.Domain;

namespace SalesMentor.App.Import;

/// <summary>What reading and checking a roster file found, and what importing it does (or would do).</summary>
internal sealed class RosterOutcome(RosterFile file, StoredRoster? stored, RosterPlan? plan, bool skipBadRows) : IImportOutcome
{
    public string What => "a roster";
    public long Bytes => File.Bytes;
    public int DataRows => File.DataRows;
    public int ProblemCount => Problems.Count;
    public IEnumerable<string> Notices() => File.Notices();

    public RosterFile File { get; } = file;
    public StoredRoster? Stored { get; } = stored;
    public RosterPlan? Plan { get; } = plan;

    /// <summary>Completed when the rows that pass may be written; Rejected when bad rows stop an all-or-nothing import; Failed when the file cannot be read.</summary>
    public ImportStatus Status =>
        Plan is null ? ImportStatus.Failed
        : Plan.RejectedRows > 0 && !skipBadRows ? ImportStatus.Rejected
        : ImportStatus.Completed;

    public int Added => Plan?.Added ?? 0;
    public int Updated => Plan?.Updated ?? 0;
    public int Unchanged => Plan?.Unchanged ?? 0;
    public int RejectedRows => Plan?.RejectedRows ?? 0;

    /// <summary>True when writing would change the database (new or changed people).</summary>
    public bool HasChanges => Plan is { } p && (p.Added > 0 || p.Changed.Count > 0);

    /// <summary>Every problem: the file's when it cannot be read, else the rows'. In line order.</summary>
    public IReadOnlyList<ImportProblem> Problems => Plan?.Problems ?? File.FileProblems;
}
