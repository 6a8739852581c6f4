namespace SalesMentor.App.Import;

/// <summary>
/// The row problems of one import, kept in the order found (line order, as files are read
/// forwards) up to <see cref="MaxKept"/>, and all of them counted: a file of a million bad rows
/// must not fill the memory with messages nobody reads.
/// </summary>
internal sealed class ProblemList
{
    /// <summary>As many as an import run stores.</summary>
    public const int MaxKept = 1_000;

    private readonly List<ImportProblem> _kept = [];

    public IReadOnlyList<ImportProblem> Kept => _kept;

    public int Total { get; private set; }

    public void Add(int line, string? column, string reason)
    {
        Total++;
        if (_kept.Count < MaxKept) _kept.Add(new ImportProblem(line, column, reason));
    }
}
