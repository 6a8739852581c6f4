using System.Globalization;
using SalesMentor.App.Domain;
using SalesMentor.App.Import;

namespace SalesMentor.App.Features.Imports;

/// <summary>Writes an outcome onto its <see cref="ImportRun"/>: status, counts, notice and errors (the first 1,000).</summary>
internal static class ImportRunRecord
{
    public const int MaxStoredErrors = 1_000;
    private const int MaxText = 2_000;
    private const int MaxColumn = 300;

    public static void Apply(ImportRun run, IImportOutcome outcome, bool staged, DateTime now)
    {
        var status = outcome.Status;
        var writes = status == ImportStatus.Completed && !staged;
        run.FileSize = Math.Max(run.FileSize, outcome.Bytes);
        run.Rows = outcome.DataRows;
        run.Status = staged && status != ImportStatus.Failed ? ImportStatus.Staged : status;
        run.Added = writes || staged ? outcome.Added : 0;
        run.Updated = writes || staged ? outcome.Updated : 0;
        run.Unchanged = writes || staged ? outcome.Unchanged : 0;
        run.RejectedRows = outcome.RejectedRows;
        run.FinishedAt = run.Status == ImportStatus.Staged ? null : now;
        if (run.Status != ImportStatus.Staged) run.StagedPath = null;

        var notices = outcome.Notices().ToList();
        var problems = outcome.Problems;
        if (status == ImportStatus.Failed) notices.Add($"Nothing was imported: the file cannot be read as {outcome.What}.");
        else if (status == ImportStatus.Rejected && !staged)
        {
            notices.Add($"Nothing was imported: {Rows(outcome.RejectedRows)} {(outcome.RejectedRows == 1 ? "has" : "have")} errors. Fix them, or import again with \"skip bad rows\" to import the other rows.");
        }

        var total = Math.Max(outcome.ProblemCount, problems.Count);
        if (total > MaxStoredErrors)
        {
            notices.Add(string.Create(CultureInfo.InvariantCulture, $"{total - MaxStoredErrors:#,0} more problems are not listed; only the first {MaxStoredErrors:#,0} are kept."));
        }

        run.Notice = Fit(string.Join(" ", notices), MaxText);
        SetErrors(run, problems.OrderBy(p => p.Line).Take(MaxStoredErrors));
    }

    /// <summary>Marks the run failed with one file-level reason (nothing was written).</summary>
    public static void Fail(ImportRun run, string reason)
    {
        ArgumentNullException.ThrowIfNull(run);
        run.Status = ImportStatus.Failed;
        run.StagedPath = null;
        run.Added = run.Updated = run.Unchanged = 0;
        run.Notice = Fit($"{run.Notice} {reason}".Trim(), MaxText);
        SetErrors(run, [new ImportProblem(0, null, reason)]);
    }

    /// <summary>The audit detail: counts only, never content.</summary>
    public static string Counts(ImportRun run) => string.Create(CultureInfo.InvariantCulture,
        $"status={run.Status} rows={run.Rows} added={run.Added} updated={run.Updated} unchanged={run.Unchanged} rejected={run.RejectedRows} bytes={run.FileSize}");

    private static void SetErrors(ImportRun run, IEnumerable<ImportProblem> problems)
    {
        run.Errors.Clear();
        foreach (var problem in problems)
        {
            run.Errors.Add(new ImportRowError
            {
                ImportRunId = run.Id, Line = problem.Line,
                Column = problem.Column is null ? null : Fit(problem.Column, MaxColumn), Reason = Fit(problem.Reason, MaxText),
            });
        }
    }

    private static string Rows(int count) => count == 1 ? "1 row" : string.Create(CultureInfo.InvariantCulture, $"{count:#,0} rows");

    // Reasons quote the file's cells, which may hold control characters (PostgreSQL refuses NUL) or
    // broken surrogates: those become U+FFFD, and the text is cut to fit its column.
    private static string Fit(string text, int max)
    {
        var cut = text.Length <= max ? text : string.Concat(text.AsSpan(0, max - 1), "…");
        return Core.Text.TextFold.WellFormed(string.Create(cut.Length, cut, (span, source) =>
        {
            for (var i = 0; i < span.Length; i++) span[i] = char.IsControl(source[i]) ? '\uFFFD' : source[i];
        }));
    }
}
