using SalesMentor.App.Domain;
using SalesMentor.Core.People;
using SalesMentor.Core.Text;

namespace SalesMentor.App.Import.Crm;

/// <summary>What a Salesforce user row does: link to the person it is, or add a new person.</summary>
internal sealed class UserPlanRow(UserRecord record)
{
    public UserRecord Record { get; } = record;

    /// <summary>The stored person the user is; null for a new person.</summary>
    public Person? Target { get; set; }
    public PersonId Id { get; set; }
    public PersonId? ManagerId { get; set; }

    /// <summary>The user id is not yet one of the stored person's CRM owner ids.</summary>
    public bool NewLink { get; set; }
}

/// <summary>
/// Plans a Salesforce user file against the roster. A user is the person already linked to their
/// user id, else the person with their email, else the one person with their name; nobody —
/// a new person (inactive users with a left date of today). The roster wins: a stored person's
/// manager is never changed, and where the file's manager differs it is listed. New people get
/// the manager the file names (when that manager is found); a manager cycle among new people,
/// or a manager on a rejected row, is an error on the row.
/// </summary>
internal sealed class UserPlanner(StoredRoster stored, UserProblems problems, bool skipBadRows)
{
    public List<UserPlanRow> Accepted { get; } = [];
    public List<ManagerDifference> Differences { get; } = [];

    public void Plan(IReadOnlyList<UserRecord> records)
    {
        ArgumentNullException.ThrowIfNull(records);
        foreach (var record in records.Where(r => r.Bad)) problems.Rejected(record);
        var rows = Match(records.Where(r => !r.Bad).ToList());
        HashSet<UserPlanRow> rejected;
        do
        {
            // Without the rows just rejected, managers may be missing now: check again until nothing changes.
            rejected = CheckManagers(rows);
            rows.RemoveAll(rejected.Contains);
        }
        while (skipBadRows && rejected.Count > 0);

        Accepted.AddRange(rows);
        foreach (var row in rows.Where(r => r.Target is { } t && t.ManagerId != r.ManagerId && r.ManagerId is not null))
        {
            Differences.Add(new ManagerDifference(row.Target!.Name, NameOf(row.ManagerId, rows), NameOf(row.Target.ManagerId, rows)));
        }
    }

    private List<UserPlanRow> Match(List<UserRecord> records)
    {
        var ids = new Dictionary<string, int>(StringComparer.Ordinal);
        var emails = new Dictionary<string, int>(StringComparer.Ordinal);
        var claimed = new Dictionary<PersonId, int>();
        var rows = new List<UserPlanRow>();
        foreach (var record in records)
        {
            if (ids.TryGetValue(record.Id!, out var firstId)) { problems.Add(record, "user id", $"The user '{CellText.Short(record.Id!)}' is already on line {firstId}; each user may appear only once."); continue; }
            ids[record.Id!] = record.Line;
            if (record.Email is { } email && emails.TryGetValue(email, out var firstEmail)) { problems.Add(record, "email", $"The email {CellText.Short(email)} is also on line {firstEmail}; two users cannot be one person."); continue; }
            if (record.Email is { } e) emails[e] = record.Line;
            var target = Find(record, out var ambiguity);
            if (ambiguity is not null) { problems.Add(record, "name", ambiguity); continue; }
            if (target is not null && claimed.TryGetValue(target.Id, out var other)) { problems.Add(record, "user id", $"This user and the one on line {other} are the same person ({CellText.Short(target.Name)})."); continue; }
            if (target is not null) claimed[target.Id] = record.Line;
            rows.Add(new UserPlanRow(record)
            {
                Target = target, Id = target?.Id ?? PersonId.New(),
                NewLink = target is null || !stored.CrmIdsOf(target.Id).Contains(record.Id!, StringComparer.Ordinal),
            });
        }

        return rows;
    }

    private Person? Find(UserRecord record, out string? ambiguity)
    {
        ambiguity = null;
        if (stored.Links.TryGetValue(record.Id!, out var link)) return stored.ById[link.PersonId];
        if (record.Email is { } email && stored.ByEmail.TryGetValue(email, out var byEmail)) return byEmail;
        var named = stored.ByNameKey.GetValueOrDefault(TextFold.NameKey(record.Name)) ?? [];
        if (named.Count > 1) ambiguity = $"{named.Count} people are named '{CellText.Short(record.Name!)}', so the user cannot be told apart by name. Add the user's email to the roster (or to the file).";
        return named.Count == 1 ? named[0] : null;
    }

    // Resolves each row's manager and returns the rows whose manager makes them bad.
    private HashSet<UserPlanRow> CheckManagers(List<UserPlanRow> rows)
    {
        var byUser = rows.ToDictionary(r => r.Record.Id!, StringComparer.Ordinal);
        var bad = new HashSet<UserPlanRow>();
        foreach (var row in rows)
        {
            row.ManagerId = null;
            if (row.Record.ManagerId is not { } manager) continue;
            if (byUser.TryGetValue(manager, out var managerRow)) row.ManagerId = managerRow.Id;
            else if (stored.Links.TryGetValue(manager, out var link)) row.ManagerId = link.PersonId;
            else if (row.Target is null && problems.LineOf(manager) is { } line)
            {
                problems.Add(row.Record, "manager", $"The manager (user '{CellText.Short(manager)}') is on line {line}, which has errors, so they are not added and cannot be this person's manager.");
                bad.Add(row);
            }
        }

        var newRows = rows.Where(r => r.Target is null).ToDictionary(r => r.Id);
        foreach (var cycle in new Hierarchy(newRows.Values.Select(r => (r.Id, r.ManagerId is { } m && newRows.ContainsKey(m) ? r.ManagerId : null))).Cycles())
        {
            var names = string.Join(" → ", cycle.Take(10).Select(id => newRows[id].Record.Name));
            foreach (var id in cycle)
            {
                problems.Add(newRows[id].Record, "manager", $"Manager cycle among new people: {names} → {newRows[cycle[0]].Record.Name}. Someone in this circle must report to a person outside it.");
                bad.Add(newRows[id]);
            }
        }

        return bad;
    }

    private string? NameOf(PersonId? id, List<UserPlanRow> rows) =>
        id is not { } value ? null
        : stored.ById.TryGetValue(value, out var person) ? person.Name
        : rows.FirstOrDefault(r => r.Id == value)?.Record.Name;
}

/// <summary>Problems found while planning users, recorded on the row's line and column.</summary>
internal sealed class UserProblems(ProblemList problems, HeaderIndex header)
{
    private readonly Dictionary<string, int> _badUsers = new(StringComparer.Ordinal);

    public void Add(UserRecord record, string field, string reason)
    {
        var column = header.Used.FirstOrDefault(u => u.Field == field);
        problems.Add(record.Line, column.Field is null ? null : column.Column.Header, reason);
        if (!record.Bad && record.Id is { } id) _badUsers.TryAdd(id, record.Line);
        record.Bad = true;
    }

    public void Rejected(UserRecord record)
    {
        if (record.Id is { } id) _badUsers.TryAdd(id, record.Line);
    }

    /// <summary>The line of a rejected row for this user id, when there is one.</summary>
    public int? LineOf(string userId) => _badUsers.TryGetValue(userId, out var line) ? line : null;
}
