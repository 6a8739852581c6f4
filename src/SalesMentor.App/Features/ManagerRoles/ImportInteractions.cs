using System.Globalization;
using Microsoft.EntityFrameworkCore;
using SalesMentor.App.Common;
using SalesMentor.App.Data;
using SalesMentor.App.Domain;
using SalesMentor.App.Import;
using SalesMentor.App.Security;
using SalesMentor.Core.Impact;
using SalesMentor.Core.People;

namespace SalesMentor.App.Features.ManagerRoles;

/// <summary>
/// Imports interactions from CSV (columns <c>manager_email, rep_email, date, role, minutes, topic</c> and optionally
/// <c>private_note</c>), all or nothing: every line is checked with the same rules as logging one by hand, and when any
/// line is wrong nothing is stored and every problem is listed with its line. The importer is the author of each entry.
/// </summary>
public sealed class ImportInteractions(SalesMentorDb db, Access access, OrgClock clock, AuditLog audit, TimeProvider time)
{
    public const long MaxBytes = 10 * 1024 * 1024;
    private static readonly string[] Required = ["manager_email", "rep_email", "date", "role", "minutes", "topic"];

    public async Task<Result<InteractionImportResult>> HandleAsync(Actor actor, Stream csv, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(csv);
        if (!actor.IsAdmin && actor.PersonId is null) return Error.Forbidden("interaction.import", "Sign in to import interactions.");
        var problems = new List<InteractionImportProblem>();
        var decoder = new DetectingDecoder(csv, MaxBytes);
        var reader = new CsvRecordReader(decoder);
        var cells = new List<string>();
        if (await reader.ReadAsync(cells, ct) == 0)
            return new InteractionImportResult(0, [new(1, "", reader.Problem?.Reason ?? decoder.Problem ?? "The file is empty; the first line names the columns.")]);
        var header = cells.Select(h => h.Trim().TrimStart('\uFEFF').Trim().ToLowerInvariant()).ToList();
        var missing = Required.Where(r => !header.Contains(r)).ToList();
        if (missing.Count > 0) return new InteractionImportResult(0, [new(1, string.Join(", ", missing), $"The first line names the columns; missing: {string.Join(", ", missing)}.")]);
        int Col(string name) => header.IndexOf(name);

        var people = await db.People.AsNoTracking().Where(p => p.Email != null).Select(p => new { p.Id, p.Email }).ToListAsync(ct);
        var byEmail = people.GroupBy(p => p.Email!.Trim().ToUpperInvariant()).ToDictionary(g => g.Key, g => g.Count() == 1 ? g.First().Id : (PersonId?)null);
        var tree = await access.HierarchyAsync(ct);
        var today = await clock.TodayAsync(ct);
        var now = time.GetUtcNow().UtcDateTime;
        var entries = new List<ManagerInteraction>();
        int line;
        while ((line = await reader.ReadAsync(cells, ct)) != 0)
        {
            if (cells.All(string.IsNullOrWhiteSpace)) continue;
            string Cell(string name) => Col(name) is var i and >= 0 && i < cells.Count ? cells[i].Trim() : "";
            void Problem(string column, string reason) => problems.Add(new(line, column, reason));

            var manager = Find(Cell("manager_email"));
            var rep = Find(Cell("rep_email"));
            if (manager is null) { Problem("manager_email", $"No one (or more than one person) has the email '{Cell("manager_email")}'."); continue; }
            if (rep is null) { Problem("rep_email", $"No one (or more than one person) has the email '{Cell("rep_email")}'."); continue; }
            if (!InteractionRules.MayLog(actor, manager.Value, rep.Value, tree) && !(actor.PersonId is null && actor.IsAdmin && manager != rep))
            {
                Problem("rep_email", "You can import only your own interactions with people who report to you.");
                continue;
            }

            if (!DateOnly.TryParseExact(Cell("date"), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)) { Problem("date", "Write the date as YYYY-MM-DD."); continue; }
            if (!Enum.TryParse<ManagerRole>(Cell("role"), ignoreCase: true, out var role) || !Enum.IsDefined(role) || int.TryParse(Cell("role"), CultureInfo.InvariantCulture, out _))
            {
                Problem("role", "The role is supervisor, coach, trainer or mentor.");
                continue;
            }

            if (!int.TryParse(Cell("minutes"), NumberStyles.None, CultureInfo.InvariantCulture, out var minutes)) { Problem("minutes", "Minutes are a whole number from 1 to 1440."); continue; }
            var note = Col("private_note") >= 0 && Col("private_note") < cells.Count ? cells[Col("private_note")] : null;
            if (InteractionRules.Check(date, role, minutes, Cell("topic"), note, today) is { } bad) { Problem(bad.Code == "interaction.note" ? "private_note" : bad.Code["interaction.".Length..], bad.Message); continue; }
            entries.Add(new ManagerInteraction
            {
                ManagerId = manager.Value, RepId = rep.Value, AuthorId = actor.PersonId, Date = date, Role = role, Minutes = minutes,
                Topic = Cell("topic"), PrivateNote = InteractionRules.CleanNote(note), CreatedAt = now,
            });
        }

        if (reader.Problem is { } stop) problems.Add(new(stop.Line, "", stop.Reason));
        else if (decoder.Problem is { } decoding) problems.Add(new(reader.Line, "", decoding));
        if (problems.Count > 0) return new InteractionImportResult(0, problems);

        db.ManagerInteractions.AddRange(entries);
        audit.Record(actor, "interaction.import", "interaction", null, $"rows={entries.Count}");
        await db.SaveChangesAsync(ct);
        return new InteractionImportResult(entries.Count, []);

        PersonId? Find(string email) => byEmail.TryGetValue(email.ToUpperInvariant(), out var id) ? id : null;
    }
}
