using System.Globalization;
using Microsoft.EntityFrameworkCore;
using SalesMentor.App.Common;
using SalesMentor.App.Data;
using SalesMentor.App.Domain;
using SalesMentor.App.Features.Programs;
using SalesMentor.App.Import;
using SalesMentor.App.Security;
using SalesMentor.Core.People;
using SalesMentor.Core.Text;

namespace SalesMentor.App.Features.Matching;

/// <summary>
/// Imports mentorships an organization already runs, from a CSV file with the columns <c>mentor</c>, <c>mentee</c>
/// and <c>start_date</c> (yyyy-MM-dd), and optionally <c>end_date</c>. People are named by email, external id or
/// unique name. All or nothing: any bad row is reported with its line and nothing is saved. Importing the same
/// file again changes nothing. Admins import; a program's coordinators may import into their program. A dry run
/// checks the file and shows what importing it would do, and writes nothing.
/// </summary>
public sealed class ImportMentorships(SalesMentorDb db, Access access, AuditLog audit, TimeProvider clock, OrgClock today)
{
    public const long MaxBytes = 20 * 1024 * 1024;
    public const int MaxRows = 100_000;
    public const int MaxPreviewRows = 1000;

    public async Task<Result<MentorshipImportOutcome>> HandleAsync(Actor actor, Stream csv, Guid? programId, CancellationToken ct, bool dryRun = false)
    {
        ArgumentNullException.ThrowIfNull(csv);
        if (programId is { } pid)
        {
            if (await access.LoadProgramAsync(actor, pid, ct) is null) return Error.NotFound("program");
            if (!await access.IsProgramManagerAsync(actor, pid, ct)) return Error.Forbidden("program.managers_only", "Only an admin or the program's coordinators import into it.");
        }
        else if (!Access.CanAdminister(actor))
        {
            return Error.Forbidden("mentorships.admin_only", "Only an admin imports mentorships without a program.");
        }

        var table = await CsvTable.ReadAsync(csv, MaxBytes, MaxRows, ct);
        var problems = new List<MentorshipImportProblem>();
        if (table.Problem is { } p) return new MentorshipImportOutcome(0, 0, [new(p.Line, p.Message)], dryRun);
        var (mentorCol, menteeCol) = (table.Column("mentor"), table.Column("mentee"));
        var (startCol, endCol) = (table.Column("start_date", "start date", "started_on", "start"), table.Column("end_date", "end date", "ended_on", "end"));
        if (mentorCol < 0 || menteeCol < 0 || startCol < 0)
        {
            return new MentorshipImportOutcome(0, 0, [new(1, "The header needs the columns mentor, mentee and start_date.")], dryRun);
        }

        var people = await db.People.AsNoTracking().Select(x => new { x.Id, x.Name, x.Email, x.ExternalId, x.NameKey }).ToListAsync(ct);
        var names = people.ToDictionary(x => x.Id, x => x.Name);
        var byEmail = people.Where(x => x.Email != null).ToDictionary(x => x.Email!, x => x.Id, StringComparer.Ordinal);
        var byExternal = people.Where(x => x.ExternalId != null).ToDictionary(x => x.ExternalId!, x => x.Id, StringComparer.Ordinal);
        var byName = people.GroupBy(x => x.NameKey, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Select(x => x.Id).ToList(), StringComparer.Ordinal);
        PersonId? Find(string text, int line, string column)
        {
            if (text.Length == 0) problems.Add(new(line, $"The {column} is empty."));
            else if (byEmail.TryGetValue(text.ToLowerInvariant(), out var e)) return e;
            else if (byExternal.TryGetValue(text, out var x)) return x;
            else if (byName.TryGetValue(TextFold.NameKey(text), out var named) && named.Count == 1) return named[0];
            else problems.Add(new(line, named is { Count: > 1 } ? $"Several people are called {Show(text)}; use their email." : $"No one in the directory is {Show(text)} ({column})."));
            return null;
        }

        var rows = new List<(int Line, PersonId Mentor, PersonId Mentee, DateOnly Start, DateOnly? End)>();
        var seen = new HashSet<(PersonId, PersonId, DateOnly)>();
        foreach (var row in table.Rows)
        {
            var (mentor, mentee) = (Find(CsvTable.Cell(row, mentorCol), row.Line, "mentor"), Find(CsvTable.Cell(row, menteeCol), row.Line, "mentee"));
            var start = Date(CsvTable.Cell(row, startCol), row.Line, "start_date", required: true, problems);
            var end = Date(CsvTable.Cell(row, endCol), row.Line, "end_date", required: false, problems);
            if (mentor is null || mentee is null || start is null) continue;
            if (mentor == mentee) problems.Add(new(row.Line, "The mentor and the mentee are the same person."));
            else if (end is { } e && e < start) problems.Add(new(row.Line, "The end date is before the start date."));
            else if (!seen.Add((mentor.Value, mentee.Value, start.Value))) problems.Add(new(row.Line, "This pair and start date are listed twice."));
            else rows.Add((row.Line, mentor.Value, mentee.Value, start.Value, end));
        }

        if (table.Rows.Count == 0) problems.Add(new(0, "The file has a header but no rows."));
        if (problems.Count > 0) return new MentorshipImportOutcome(0, 0, [.. problems.OrderBy(x => x.Line).Take(1000)], dryRun);

        var existing = (await db.Mentorships.AsNoTracking().Select(m => new { m.MentorId, m.MenteeId, m.StartedOn }).ToListAsync(ct))
            .Select(m => (m.MentorId, m.MenteeId, m.StartedOn)).ToHashSet();
        if (dryRun)
        {
            var isNew = rows.Select(r => !existing.Contains((r.Mentor, r.Mentee, r.Start))).ToList();
            var preview = rows.Take(MaxPreviewRows).Select((r, i) => new MentorshipImportRow(
                r.Line, new PersonRef(r.Mentor, names[r.Mentor]), new PersonRef(r.Mentee, names[r.Mentee]), r.Start, r.End, isNew[i])).ToList();
            var fresh = isNew.Count(x => x);
            return new MentorshipImportOutcome(fresh, rows.Count - fresh, [], DryRun: true, Rows: preview);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var day = await today.TodayAsync(ct);
        var created = 0;
        foreach (var r in rows.Where(r => !existing.Contains((r.Mentor, r.Mentee, r.Start))))
        {
            db.Mentorships.Add(new Mentorship
            {
                ProgramId = programId, MentorId = r.Mentor, MenteeId = r.Mentee, StartedOn = r.Start, EndedOn = r.End,
                Stage = r.End is { } e && e <= day ? MentorshipStage.Closed : MentorshipStage.Active, Source = "imported", CreatedAt = now,
            });
            created++;
        }

        audit.Record(actor, "mentorships.import", "program", programId?.ToString(), $"created={created} unchanged={rows.Count - created}");
        await db.SaveChangesAsync(ct);
        return new MentorshipImportOutcome(created, rows.Count - created, []);
    }

    private static DateOnly? Date(string text, int line, string column, bool required, List<MentorshipImportProblem> problems)
    {
        if (text.Length == 0)
        {
            if (required) problems.Add(new(line, $"The {column} is empty."));
            return null;
        }

        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)) return date;
        problems.Add(new(line, $"The {column} {Show(text)} is not a date like 2026-03-01."));
        return null;
    }

    private static string Show(string text) => "'" + (text.Length <= 60 ? text : text[..57] + "…") + "'";
}
