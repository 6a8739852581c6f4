using Microsoft.EntityFrameworkCore;
using SalesMentor.App.Common;
using SalesMentor.App.Data;
using SalesMentor.App.Features.Imports;
using SalesMentor.Core.Text;

namespace SalesMentor.App.Import.Crm;

/// <summary>
/// The sales-data import engine: one forward pass over the file — header, format, then each row
/// read, checked, matched to the stored row by key and, when writing, written at once — so a file
/// of any size streams through in bounded memory (the stored keys and their fingerprints, not the
/// file). Writing happens in one transaction: an all-or-nothing import stops writing at its first
/// bad row and rolls back; so does one whose rows need a confirmation nobody gave. New rows go in
/// through <see cref="TableWriter{T}"/> (no change tracking), changed rows are rewritten by key and
/// version, unchanged rows are not touched.
/// </summary>
internal sealed class SalesImporter(SalesMentorDb db)
{
    public const int PreviewRows = 10;
    private const int MaxShapeProblems = 100;
    private const int MaxIgnoredListed = 15;
    private const long SizingSample = 1024 * 1024;

    /// <param name="beforeCommit">Called inside the transaction once the rows are written: adds the run record and the audit event.</param>
    public async Task<SalesOutcome> RunAsync<TRecord, TEntity>(
        SalesJob<TRecord, TEntity> job, Stream source, SalesMode mode, bool skipBadRows, long? maxBytes, IProgress<long>? progress,
        Func<SalesOutcome, CancellationToken, Task>? beforeCommit, DateTime now, CancellationToken ct)
        where TRecord : class, IRecord, new() where TEntity : class
    {
        ArgumentNullException.ThrowIfNull(job);
        var kind = job.Kind;
        var outcome = new SalesOutcome(kind.What, skipBadRows);
        var table = new CsvTableReader(source, maxBytes, progress);
        var format = await ReadHeaderAsync(job, table, outcome, ct);
        if (format is not null)
        {
            var index = new KeyedIndex();
            if (mode != SalesMode.Preview) await kind.LoadAsync(db, format.Source, index, ct);
            await using var session = await SqliteImportSession.StartAsync(db, mode == SalesMode.Write, ct);
            await using var transaction = mode == SalesMode.Write ? await db.Database.BeginTransactionAsync(ct) : null;
            await using var writer = transaction is null ? null : TableWriter<TEntity>.Create(db);
            var writing = await ReadRowsAsync(job, format, table, index, outcome, mode, writer, skipBadRows, now, ct);
            Finish(job, format, table, outcome);
            if (writing && writer is not null && transaction is not null && outcome.Status == Domain.ImportStatus.Completed && outcome.Blocked is null)
            {
                await writer.FlushAsync(ct);
                await kind.FinishAsync(db, ct);
                if (outcome.Added + outcome.Updated > 0) await SalesDataStamp.BumpAsync(db, ct);
                if (beforeCommit is not null) await beforeCommit(outcome, ct);
                await transaction.CommitAsync(ct);
                outcome.Written = true;
            }
        }
        else
        {
            if (table.Header is { } header && outcome.FormatProblem) outcome.Preview = await RawPreviewAsync(header, table, ct);
            Finish(job, null, table, outcome);
        }

        return outcome;
    }

    // The header and first rows as they are, for choosing how to read a file whose columns were not recognised.
    private static async Task<ImportPreview> RawPreviewAsync(IReadOnlyList<string> header, CsvTableReader table, CancellationToken ct)
    {
        var rows = new List<ImportPreviewRow>();
        var cells = new List<string>();
        int line;
        while (rows.Count < PreviewRows && (line = await table.ReadRowAsync(cells, ct)) > 0)
        {
            rows.Add(new ImportPreviewRow(line, [.. Enumerable.Range(0, header.Count).Select(i => i < cells.Count ? Show(cells[i]) : null)]));
        }

        return new ImportPreview([.. header.Select((h, i) => new ImportColumnView(i + 1, Show(h)!, null))], [.. header.Select(h => Show(h)!)], rows);
    }

    private static async Task<IRecordFormat<TRecord>?> ReadHeaderAsync<TRecord, TEntity>(SalesJob<TRecord, TEntity> job, CsvTableReader table, SalesOutcome outcome, CancellationToken ct)
        where TRecord : class, IRecord, new() where TEntity : class
    {
        if (!await table.ReadHeaderAsync(ct)) return null;
        var header = new HeaderIndex(table.Header!);
        var problems = new List<string>();
        var format = job.Bind(header, problems);
        problems.AddRange(header.Problems);
        if (format is null || problems.Count > 0)
        {
            outcome.FileProblems.AddRange(problems.Distinct().Select(p => new ImportProblem(table.HeaderLine, null, p)));
            if (outcome.FileProblems.Count == 0) outcome.FileProblems.Add(new ImportProblem(table.HeaderLine, null, "The file's columns are not ones this import reads."));
            outcome.FormatProblem = true;
            return null;
        }

        job.Kind.Header = header;
        outcome.Format = format.Format;
        outcome.Source = format.Source;
        var ignored = header.Ignored().ToList();
        if (ignored.Count > 0)
        {
            var names = string.Join(", ", ignored.Take(MaxIgnoredListed).Select(h => $"'{CellText.Short(h)}'"));
            outcome.Notes.Add($"Ignored {(ignored.Count == 1 ? "a column" : ignored.Count + " columns")} the import does not use: {names}{(ignored.Count > MaxIgnoredListed ? $" and {ignored.Count - MaxIgnoredListed} more" : "")}.");
        }

        return format;
    }

    // Returns whether the rows were all written (or would have been, for a check).
    private static async Task<bool> ReadRowsAsync<TRecord, TEntity>(
        SalesJob<TRecord, TEntity> job, IRecordFormat<TRecord> format, CsvTableReader table, KeyedIndex index, SalesOutcome outcome, SalesMode mode,
        TableWriter<TEntity>? writer, bool skipBadRows, DateTime now, CancellationToken ct)
        where TRecord : class, IRecord, new() where TEntity : class
    {
        var kind = job.Kind;
        var row = new RowReader(outcome.RowProblems, job.Org);
        var preview = new List<ImportPreviewRow>();
        var cells = new List<string>();
        var headers = kind.Header!.Headers.Count;
        var writing = writer is not null;
        var shapeProblems = 0;
        var ids = new NewIds(TimeProvider.System);
        var sized = mode == SalesMode.Preview;
        int line;
        while ((line = await table.ReadRowAsync(cells, ct)) > 0)
        {
            if (!sized && table.EstimatedRows(SizingSample) is { } rows)
            {
                // A megabyte in, the file's size says about how many rows it has (10 % added for rows longer than those so far).
                index.Expect(rows * 11 / 10);
                sized = true;
            }

            if (format.IsFooter(cells))
            {
                outcome.Footers++;
                continue;
            }

            if (!CsvTableReader.HasHeaderShape(cells, headers))
            {
                outcome.FileProblems.Add(new ImportProblem(line, null, CsvTableReader.ShapeProblem(line, cells.Count, headers)));
                if (++shapeProblems >= MaxShapeProblems) break;
                continue;
            }

            row.Start(line, cells);
            var before = outcome.RowProblems.Total;
            var record = format.Read(row);
            if (mode != SalesMode.Preview && !row.Bad) kind.Check(record, row);
            var action = RowAction.Add;
            var (id, version) = (Guid.Empty, 0);
            if (mode != SalesMode.Preview && kind.KeyOf(record) is { } key)
            {
                action = index.Claim(key, line, (kind, record, row.Bad), static s => s.Bad ? null : s.kind.Print(s.record), out var first, out id, out version);
                if (action == RowAction.Duplicate) row.Problem(kind.FieldColumn(kind.KeyField), kind.Duplicate(record, first));
            }

            if (preview.Count < PreviewRows) preview.Add(PreviewRow(kind.Header, line, cells, record, outcome.RowProblems, before));
            if (mode == SalesMode.Preview)
            {
                if (preview.Count >= PreviewRows) break;
                continue;
            }

            if (row.Bad)
            {
                outcome.RejectedRows++;
                writing &= skipBadRows;
                continue;
            }

            kind.Accept(record);
            switch (action)
            {
                case RowAction.Add:
                    outcome.Added++;
                    if (writing) await writer!.InsertAsync(kind.ToEntity(record, format.Source, ids.Next(), 0, now), ct);
                    break;
                case RowAction.Update:
                    outcome.Updated++;
                    if (writing) await writer!.UpdateAsync(kind.ToEntity(record, format.Source, id, version + 1, now), version, ct);
                    break;
                default:
                    outcome.Unchanged++;
                    break;
            }
        }

        outcome.Preview = Preview<TRecord>(kind.Header, preview);
        return writing;
    }

    private static void Finish<TRecord, TEntity>(SalesJob<TRecord, TEntity> job, IRecordFormat<TRecord>? format, CsvTableReader table, SalesOutcome outcome)
        where TRecord : class, IRecord, new() where TEntity : class
    {
        outcome.EncodingName = table.EncodingName;
        outcome.Bytes = table.Bytes;
        outcome.TooLarge = table.TooLarge;
        outcome.DataRows = table.DataRows - outcome.Footers;
        if (table.Problem is { } problem) outcome.FileProblems.Add(problem);
        if (table.Header is null && outcome.FileProblems.Count == 0 && !table.TooLarge)
        {
            outcome.FileProblems.Add(new ImportProblem(0, null, $"The file is empty. It must be a CSV file whose first line names the columns, with one row of {job.Kind.What} per line after it."));
        }
        else if (format is not null && outcome.FileProblems.Count == 0 && outcome.DataRows == 0 && !table.TooLarge)
        {
            outcome.FileProblems.Add(new ImportProblem(0, null, $"The file has a header but no rows of {job.Kind.What}."));
        }

        if (format is null) return;
        outcome.Notes.InsertRange(0, format.Notices());
        outcome.Report = job.Kind.Report();
        outcome.Blocked = job.Blocker?.Invoke();
    }

    private static ImportPreviewRow PreviewRow(HeaderIndex header, int line, List<string> cells, IRecord record, ProblemList problems, int before)
    {
        var raw = header.Used.Select(u => u.Column.Index < cells.Count ? Show(cells[u.Column.Index]) : null).ToList();
        var parsed = record.Describe().Select(v => v.Value is null ? null : Show(v.Value)).ToList();
        var mine = problems.Kept.Skip(before).Where(p => p.Line == line).Select(p => $"{p.Column}: {p.Reason}").ToList();
        return new ImportPreviewRow(line, raw, parsed, mine);
    }

    private static ImportPreview Preview<TRecord>(HeaderIndex header, List<ImportPreviewRow> rows) where TRecord : class, IRecord, new()
    {
        var used = header.Used.ToDictionary(u => u.Column.Index, u => u.Field);
        var columns = header.Headers.Select((h, i) => new ImportColumnView(i + 1, Show(h)!, used.GetValueOrDefault(i))).ToList();
        return new ImportPreview(columns, [.. header.Used.Select(u => Show(u.Column.Header)!)], rows, [.. new TRecord().Describe().Select(d => d.Field)]);
    }

    private static string? Show(string? cell) => cell is null ? null : TextFold.WellFormed(Features.People.PersonRules.Shorten(cell));
}
