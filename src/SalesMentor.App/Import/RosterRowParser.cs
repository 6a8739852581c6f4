using System.Globalization;
using SalesMentor.App.Features.People;
using SalesMentor.Core.Text;

namespace SalesMentor.App.Import;

/// <summary>
/// Turns the cells of one line into a <see cref="RosterRow"/>, checking each value on its own with
/// the same rules as an edit (<see cref="PersonRules"/>). Rules that need other rows or the
/// database (duplicates, managers, cycles, emails in use) come later, in the planner.
/// </summary>
internal sealed class RosterRowParser(RosterColumns columns)
{
    private readonly Dictionary<string, (string? Zone, string? Problem)> _zones = new(StringComparer.Ordinal);

    public RosterRow Parse(int line, IReadOnlyList<string> cells, List<ImportProblem> problems)
    {
        var before = problems.Count;
        void Problem(RosterField field, string? reason)
        {
            if (reason is not null) problems.Add(new ImportProblem(line, columns.Header(field), Sentence(reason)));
        }

        var externalId = PersonRules.Optional(Cell(cells, RosterField.ExternalId), PersonRules.MaxKey, "external id", out var p1);
        Problem(RosterField.ExternalId, p1);
        var name = PersonRules.Name(Cell(cells, RosterField.Name), out var p2);
        Problem(RosterField.Name, p2);
        var email = PersonRules.Email(Cell(cells, RosterField.Email), out var p3);
        Problem(RosterField.Email, p3);
        var hasKey = problems.Count == before;
        var title = PersonRules.Optional(Cell(cells, RosterField.Title), PersonRules.MaxTitle, "title", out var p4);
        Problem(RosterField.Title, p4);
        var team = PersonRules.Optional(Cell(cells, RosterField.Team), PersonRules.MaxName, "team name", out var p5);
        Problem(RosterField.Team, p5);
        var region = PersonRules.Optional(Cell(cells, RosterField.Region), PersonRules.MaxName, "region name", out var p6);
        Problem(RosterField.Region, p6);
        var hired = Date(cells, RosterField.HireDate, out var p7);
        Problem(RosterField.HireDate, p7);
        var left = Date(cells, RosterField.LeftDate, out var p8);
        Problem(RosterField.LeftDate, p8);
        if (PersonRules.Dates(hired, left) is { } order) Problem(RosterField.LeftDate, order);
        var zone = Zone(Cell(cells, RosterField.TimeZone), out var p9);
        Problem(RosterField.TimeZone, p9);
        var crm = CrmIds(Cell(cells, RosterField.CrmOwnerIds), out var p10);
        Problem(RosterField.CrmOwnerIds, p10);
        var manager = Manager(cells, out var managerField, out var p11);
        if (managerField is { } mf) Problem(mf, p11);

        return new RosterRow
        {
            Line = line, ExternalId = externalId, Name = name, NameKey = TextFold.NameKey(name), Email = email, Title = title,
            Team = team, Region = region, Manager = manager, HireDate = hired, LeftOn = left, TimeZone = zone, CrmOwnerIds = crm,
            HasKey = hasKey && name is not null, Bad = problems.Count > before,
        };
    }

    /// <summary>
    /// The cell's text as meant: our own exports put an apostrophe before text that a spreadsheet
    /// would run as a formula (<c>'=…</c>); it is taken off again so an export imports unchanged.
    /// </summary>
    public static string? Clean(string? cell)
    {
        if (cell is null) return null;
        var text = cell.Trim();
        return text.Length > 1 && text[0] == '\'' && text[1] is '=' or '+' or '-' or '@' or '\t' or '\r' ? text[1..] : text;
    }

    /// <summary>A date as yyyy-MM-dd, or a timestamp that starts with one (the time is ignored).</summary>
    public static bool TryParseDate(string text, out DateOnly date)
    {
        ArgumentNullException.ThrowIfNull(text);
        date = default;
        if (text.Length < 10 || !DateOnly.TryParseExact(text.AsSpan(0, 10), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)) return false;
        if (text.Length > 10 && (text[10] is not ('T' or ' ') || !DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out _))) return false;
        date = day;
        return true;
    }

    private string? Cell(IReadOnlyList<string> cells, RosterField field) => Clean(columns.Cell(cells, field));

    private DateOnly? Date(IReadOnlyList<string> cells, RosterField field, out string? problem)
    {
        problem = null;
        var text = Cell(cells, field);
        if (string.IsNullOrEmpty(text)) return null;
        if (TryParseDate(text, out var date)) return date;
        problem = $"'{PersonRules.Shorten(text)}' is not a date; write dates as yyyy-MM-dd, e.g. 2024-03-01";
        return null;
    }

    private string? Zone(string? text, out string? problem)
    {
        if (string.IsNullOrEmpty(text))
        {
            problem = null;
            return null;
        }

        if (!_zones.TryGetValue(text, out var known)) _zones[text] = known = (PersonRules.TimeZone(text, out var p), p);
        problem = known.Problem;
        return known.Zone;
    }

    private static List<string> CrmIds(string? text, out string? problem)
    {
        problem = null;
        var ids = new List<string>();
        if (string.IsNullOrEmpty(text)) return ids;
        foreach (var part in text.Split(';'))
        {
            var id = PersonRules.Optional(part, PersonRules.MaxKey, "CRM owner id", out var p);
            problem ??= p;
            if (id is not null && !ids.Contains(id, StringComparer.Ordinal)) ids.Add(id);
        }

        return ids;
    }

    // The explicit columns win over the general one, in this order; the first non-empty cell counts.
    private ManagerRef? Manager(IReadOnlyList<string> cells, out RosterField? field, out string? problem)
    {
        problem = null;
        field = null;
        foreach (var (f, match) in new[]
        {
            (RosterField.ManagerExternalId, ManagerMatch.ExternalId), (RosterField.ManagerEmail, ManagerMatch.Email),
            (RosterField.ManagerName, ManagerMatch.Name), (RosterField.Manager, ManagerMatch.Any),
        })
        {
            var text = Cell(cells, f);
            if (string.IsNullOrEmpty(text)) continue;
            field = f;
            var value = PersonRules.Optional(text, PersonRules.MaxEmail, "manager", out problem);
            return value is null ? null : new ManagerRef(match, value);
        }

        return null;
    }

    /// <summary>"a name is required" → "A name is required."</summary>
    public static string Sentence(string reason)
    {
        ArgumentNullException.ThrowIfNull(reason);
        if (reason.Length == 0) return reason;
        var text = char.ToUpperInvariant(reason[0]) + reason[1..];
        return text.EndsWith('.') ? text : text + ".";
    }
}
