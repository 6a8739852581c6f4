using Microsoft.EntityFrameworkCore;
using SalesMentor.App.Common;
using SalesMentor.App.Data;
using SalesMentor.App.Domain;
using SalesMentor.App.Features.Imports;

namespace SalesMentor.App.Import.Crm;

/// <summary>
/// Imports Salesforce users: links each user id to a person (CRM owner ids), adds the users who
/// are nobody yet as people — managers before their reports — and re-links every deal and
/// activity whose owner is one of them. Users are few (at most <see cref="MaxRows"/> per file),
/// so the rows are planned in memory, all together.
/// </summary>
internal sealed class UserImporter(SalesMentorDb db)
{
    public const int MaxRows = 200_000;

    public async Task<SalesOutcome> RunAsync(Stream source, OrgContext org, SalesMode mode, bool skipBadRows, long? maxBytes, IProgress<long>? progress,
        Func<SalesOutcome, CancellationToken, Task>? beforeCommit, DateTime now, CancellationToken ct)
    {
        var outcome = new SalesOutcome("Salesforce users", skipBadRows);
        var table = new CsvTableReader(source, maxBytes, progress);
        var header = await table.ReadHeaderAsync(ct) ? new HeaderIndex(table.Header!) : null;
        var problems = new List<string>();
        var format = header is null ? null : SalesforceUserFormat.Bind(header, problems);
        problems.AddRange(header?.Problems ?? []);
        outcome.FileProblems.AddRange(problems.Select(p => new ImportProblem(table.HeaderLine, null, p)));
        outcome.FormatProblem = problems.Count > 0;
        var records = new List<UserRecord>();
        var preview = new List<ImportPreviewRow>();
        if (format is not null && problems.Count == 0)
        {
            outcome.Format = format.Format;
            outcome.Source = format.Source;
            var row = new RowReader(outcome.RowProblems, org);
            var cells = new List<string>();
            int line;
            while ((line = await table.ReadRowAsync(cells, ct)) > 0 && (mode != SalesMode.Preview || preview.Count < SalesImporter.PreviewRows))
            {
                if (table.DataRows > MaxRows)
                {
                    outcome.FileProblems.Add(new ImportProblem(line, null, "The file has more than 200,000 users; import at most that many at once."));
                    break;
                }

                if (!CsvTableReader.HasHeaderShape(cells, header!.Headers.Count))
                {
                    outcome.FileProblems.Add(new ImportProblem(line, null, CsvTableReader.ShapeProblem(line, cells.Count, header.Headers.Count)));
                    continue;
                }

                row.Start(line, cells);
                var record = format.Read(row);
                records.Add(record);
                if (preview.Count < SalesImporter.PreviewRows) preview.Add(new ImportPreviewRow(line, [.. header.Used.Select(u => row.Cell(u.Column))], [.. record.Describe().Select(d => d.Value)]));
            }

            outcome.Preview = new ImportPreview([.. header!.Headers.Select((h, i) => new ImportColumnView(i + 1, h, header.Used.Where(u => u.Column.Index == i).Select(u => u.Field).FirstOrDefault()))],
                [.. header.Used.Select(u => u.Column.Header)], preview, [.. new UserRecord().Describe().Select(d => d.Field)]);
        }

        outcome.EncodingName = table.EncodingName;
        outcome.Bytes = table.Bytes;
        outcome.TooLarge = table.TooLarge;
        outcome.DataRows = table.DataRows;
        if (table.Problem is { } problem) outcome.FileProblems.Add(problem);
        if (header is null && outcome.FileProblems.Count == 0 && !table.TooLarge) outcome.FileProblems.Add(new ImportProblem(0, null, "The file is empty."));
        else if (format is not null && outcome.FileProblems.Count == 0 && table.DataRows == 0) outcome.FileProblems.Add(new ImportProblem(0, null, "The file has a header but no users."));
        if (outcome.Status == ImportStatus.Failed || mode == SalesMode.Preview) return outcome;

        var stored = await StoredRoster.LoadAsync(db, ct);
        var planner = new UserPlanner(stored, new UserProblems(outcome.RowProblems, header!), skipBadRows);
        planner.Plan(records);
        outcome.RejectedRows = records.Count(r => r.Bad);
        outcome.Added = planner.Accepted.Count(r => r.Target is null);
        outcome.Updated = planner.Accepted.Count(r => r.Target is not null && r.NewLink);
        outcome.Unchanged = planner.Accepted.Count - outcome.Added - outcome.Updated;
        var differences = planner.Differences.Take(ImportReport.MaxListed).ToList();
        outcome.Report = new ImportReport { ManagerDifferences = differences, MoreManagerDifferences = planner.Differences.Count - differences.Count };
        if (mode == SalesMode.Write && outcome.Status == ImportStatus.Completed)
        {
            await WriteAsync(planner.Accepted, org, outcome, beforeCommit, now, ct);
            outcome.Written = true;
        }

        return outcome;
    }

    private async Task WriteAsync(List<UserPlanRow> rows, OrgContext org, SalesOutcome outcome, Func<SalesOutcome, CancellationToken, Task>? beforeCommit, DateTime now, CancellationToken ct)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var added = ManagerOrder.Sort(rows.Where(r => r.Target is null).ToList(), r => r.Id, r => r.ManagerId).Select(r =>
        {
            var person = new Person
            {
                Id = r.Id, Name = r.Record.Name!, Email = r.Record.Email, ManagerId = r.ManagerId,
                LeftOn = r.Record.IsActive ? null : org.Today, CreatedAt = now, UpdatedAt = now,
            };
            person.RefreshKeys();
            return person;
        }).ToList();
        await BulkInsert.InsertAsync(db, added, ct);
        var links = rows.Where(r => r.NewLink).Select(r => new CrmOwnerLink { OwnerId = r.Record.Id!, PersonId = r.Id }).ToList();
        await BulkInsert.InsertAsync(db, links, ct);
        var relinked = await OwnerRelink.RelinkAsync(db, ct);
        if (added.Count + links.Count + relinked > 0) await SalesDataStamp.BumpAsync(db, ct);
        if (beforeCommit is not null) await beforeCommit(outcome, ct);
        await transaction.CommitAsync(ct);
    }
}
