using System.Text;

namespace SalesMentor.App.Import;

/// <summary>The roster columns the importer understands.</summary>
public enum RosterField
{
    ExternalId, Name, Email, Title, Team, Region, Manager, ManagerExternalId, ManagerEmail, ManagerName,
    HireDate, LeftDate, TimeZone, CrmOwnerIds,
}

/// <summary>
/// The header of a roster file: which column holds which field. Names are matched ignoring case,
/// spaces, underscores, dashes and dots (<c>Hire Date</c>, <c>hire_date</c>, <c>HireDate</c>);
/// unknown columns are ignored and listed in the run's notice.
/// </summary>
internal sealed class RosterColumns
{
    private static readonly Dictionary<string, RosterField> Aliases = new(StringComparer.Ordinal)
    {
        ["externalid"] = RosterField.ExternalId, ["employeeid"] = RosterField.ExternalId,
        ["name"] = RosterField.Name, ["fullname"] = RosterField.Name,
        ["email"] = RosterField.Email, ["emailaddress"] = RosterField.Email,
        ["title"] = RosterField.Title, ["jobtitle"] = RosterField.Title,
        ["team"] = RosterField.Team, ["region"] = RosterField.Region,
        ["manager"] = RosterField.Manager,
        ["managerexternalid"] = RosterField.ManagerExternalId, ["manageremail"] = RosterField.ManagerEmail, ["managername"] = RosterField.ManagerName,
        ["hiredate"] = RosterField.HireDate, ["hiredon"] = RosterField.HireDate,
        ["leftdate"] = RosterField.LeftDate, ["lefton"] = RosterField.LeftDate,
        ["timezone"] = RosterField.TimeZone,
        ["crmownerids"] = RosterField.CrmOwnerIds, ["crmownerid"] = RosterField.CrmOwnerIds,
    };

    private readonly int[] _index;

    private RosterColumns(IReadOnlyList<string> headers, int[] index, IReadOnlyList<string> ignored)
    {
        Headers = headers;
        _index = index;
        Ignored = ignored;
    }

    /// <summary>The header cells as written in the file.</summary>
    public IReadOnlyList<string> Headers { get; }

    /// <summary>Columns that mean nothing to a roster import, as written in the file.</summary>
    public IReadOnlyList<string> Ignored { get; }

    public bool Has(RosterField field) => _index[(int)field] >= 0;

    /// <summary>True when the file says who the managers are (any manager column).</summary>
    public bool HasManager => Has(RosterField.Manager) || Has(RosterField.ManagerExternalId) || Has(RosterField.ManagerEmail) || Has(RosterField.ManagerName);

    /// <summary>The cell of <paramref name="field"/>, or null when the file has no such column.</summary>
    public string? Cell(IReadOnlyList<string> cells, RosterField field)
    {
        ArgumentNullException.ThrowIfNull(cells);
        var i = _index[(int)field];
        return i >= 0 && i < cells.Count ? cells[i] : null;
    }

    /// <summary>The column's header as the file writes it, for messages.</summary>
    public string Header(RosterField field) => _index[(int)field] >= 0 ? Headers[_index[(int)field]] : Describe(field);

    /// <summary>What column <paramref name="position"/> (0-based) is read as; null when ignored.</summary>
    public RosterField? FieldAt(int position)
    {
        for (var f = 0; f < _index.Length; f++)
        {
            if (_index[f] == position) return (RosterField)f;
        }

        return null;
    }

    /// <summary>The field in plain words: "hire date", "CRM owner ids".</summary>
    public static string Describe(RosterField field) => field switch
    {
        RosterField.ExternalId => "external id",
        RosterField.ManagerExternalId => "manager external id",
        RosterField.ManagerEmail => "manager email",
        RosterField.ManagerName => "manager name",
        RosterField.HireDate => "hire date",
        RosterField.LeftDate => "left date",
        RosterField.TimeZone => "time zone",
        RosterField.CrmOwnerIds => "CRM owner ids",
        _ => field.ToString().ToLowerInvariant(),
    };

    /// <summary>Reads the header; null (with the reasons added to <paramref name="problems"/>) when the file cannot be imported.</summary>
    public static RosterColumns? Read(IReadOnlyList<string> header, List<string> problems)
    {
        ArgumentNullException.ThrowIfNull(header);
        ArgumentNullException.ThrowIfNull(problems);
        var headers = header.Select(h => h.Trim().TrimStart('\uFEFF').Trim()).ToList();
        var index = Enumerable.Repeat(-1, Enum.GetValues<RosterField>().Length).ToArray();
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        var ignored = new List<string>();
        for (var i = 0; i < headers.Count; i++)
        {
            var key = Normalize(headers[i]);
            if (key.Length == 0) continue;
            if (seen.TryGetValue(key, out var earlier))
            {
                problems.Add($"The columns '{Short(headers[earlier])}' (column {earlier + 1}) and '{Short(headers[i])}' (column {i + 1}) have the same name. Keep one of them.");
                continue;
            }

            seen[key] = i;
            if (Aliases.TryGetValue(key, out var field))
            {
                if (index[(int)field] >= 0)
                {
                    var first = index[(int)field];
                    problems.Add($"The columns '{Short(headers[first])}' (column {first + 1}) and '{Short(headers[i])}' (column {i + 1}) both mean {Describe(field)}. Keep one of them.");
                    continue;
                }

                index[(int)field] = i;
            }
            else
            {
                ignored.Add(headers[i]);
            }
        }

        if (problems.Count > 0) return null;
        if (index.All(i => i < 0))
        {
            problems.Add("The first line does not name any roster column. It must be a header such as: external_id, name, email, title, team, region, manager, hire_date, left_date, time_zone, crm_owner_ids. " +
                $"The first line reads: '{Short(string.Join(",", headers))}'.");
            return null;
        }

        if (index[(int)RosterField.Name] < 0)
        {
            problems.Add($"The file has no name column, and every person needs a name. The columns found are: {Short(string.Join(", ", headers.Where(h => h.Length > 0)))}.");
            return null;
        }

        return new RosterColumns(headers, index, ignored);
    }

    /// <summary>Lower case, without spaces, underscores, dashes and dots.</summary>
    public static string Normalize(string header)
    {
        ArgumentNullException.ThrowIfNull(header);
        var builder = new StringBuilder(header.Length);
        foreach (var c in header)
        {
            if (c is ' ' or '_' or '-' or '.' || char.IsWhiteSpace(c)) continue;
            builder.Append(char.ToLowerInvariant(c));
        }

        return builder.ToString();
    }

    private static string Short(string text) => Features.People.PersonRules.Shorten(text);
}
