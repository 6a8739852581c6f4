using SalesMentor.App.Features.People;
using SalesMentor.Core.People;
using SalesMentor.Core.Text;

namespace SalesMentor.App.Import;

/// <summary>
/// One pass of the checks that need the whole roster: the roster as it would be after importing
/// <c>universe</c> (those rows' values over the stored people they update, everyone else as
/// stored), and in it: emails and CRM owner ids held twice, managers that cannot be found, and
/// manager cycles. Each problem lands on the row that causes it.
/// </summary>
internal sealed class RosterRelations(RosterColumns columns, StoredRoster stored, List<RosterRow> universe, List<RosterRow> allRows)
{
    private readonly Dictionary<string, PersonId> _ext = new(StringComparer.Ordinal);
    private readonly Dictionary<string, PersonId> _email = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<PersonId>> _names = new(StringComparer.Ordinal);
    private readonly Dictionary<PersonId, RosterRow> _rowOf = [];
    private readonly Dictionary<PersonId, RosterRow> _rejectedRowOf = [];
    private readonly List<ImportProblem> _problems = [];
    private readonly HashSet<RosterRow> _bad = [];
    private Dictionary<string, RosterRow>? _rejected;

    public (List<ImportProblem> Problems, HashSet<RosterRow> BadRows) Check()
    {
        foreach (var row in universe) _rowOf[row.Id] = row;
        foreach (var row in allRows.Where(r => r.Target is not null && !_rowOf.ContainsKey(r.Id))) _rejectedRowOf.TryAdd(row.Id, row);
        IndexPeople();
        CheckCrmIds();
        if (columns.HasManager)
        {
            ResolveManagers();
            CheckCycles();
        }

        return (_problems, _bad);
    }

    private void IndexPeople()
    {
        foreach (var row in universe)
        {
            if ((row.ExternalId ?? row.Target?.ExternalId) is { } x) _ext.TryAdd(x, row.Id);
            var email = columns.Has(RosterField.Email) ? row.Email : row.Target?.Email;
            if (email is not null && !_email.TryAdd(email, row.Id)) Fail(row, RosterField.Email, $"The email {Short(email)} is also on line {_rowOf[_email[email]].Line}.");
            AddName(row.Name!, row.Id);
        }

        foreach (var person in stored.People)
        {
            if (person.ExternalId is { } x) _ext.TryAdd(x, person.Id);
            if (_rowOf.ContainsKey(person.Id)) continue;
            if (person.Email is { } email && !_email.TryAdd(email, person.Id))
            {
                Fail(_rowOf[_email[email]], RosterField.Email, $"The email {Short(email)} already belongs to {Short(person.Name)}{StaysAsStored(person.Id)}.");
            }

            AddName(person.Name, person.Id);
        }
    }

    private void CheckCrmIds()
    {
        if (!columns.Has(RosterField.CrmOwnerIds)) return;
        var owner = new Dictionary<string, PersonId>(StringComparer.Ordinal);
        foreach (var row in universe)
        {
            foreach (var id in row.CrmOwnerIds)
            {
                if (!owner.TryAdd(id, row.Id)) Fail(row, RosterField.CrmOwnerIds, $"The CRM owner id '{Short(id)}' is also on line {_rowOf[owner[id]].Line}.");
            }
        }

        foreach (var (id, link) in stored.Links)
        {
            if (_rowOf.ContainsKey(link.PersonId) || !owner.TryGetValue(id, out var holder) || holder == link.PersonId) continue;
            var name = stored.ById.TryGetValue(link.PersonId, out var person) ? Short(person.Name) : "another person";
            Fail(_rowOf[holder], RosterField.CrmOwnerIds, $"The CRM owner id '{Short(id)}' already belongs to {name}{StaysAsStored(link.PersonId)}.");
        }
    }

    private void ResolveManagers()
    {
        foreach (var row in universe)
        {
            row.ManagerId = null;
            if (row.Manager is not { } manager) continue;
            var id = Find(manager, out var problem);
            if (id == row.Id) problem = "A person cannot be their own manager.";
            if (problem is not null) Fail(row, FieldOf(manager.Match), problem);
            else row.ManagerId = id;
        }
    }

    private void CheckCycles()
    {
        var edges = universe.Select(r => (r.Id, r.ManagerId))
            .Concat(stored.People.Where(p => !_rowOf.ContainsKey(p.Id)).Select(p => (p.Id, p.ManagerId)));
        foreach (var cycle in new Hierarchy(edges).Cycles())
        {
            var names = cycle.Take(10).Select(NameOf).ToList();
            var circle = cycle.Count <= 10 ? string.Join(" → ", names) + " → " + names[0] : string.Join(" → ", names) + $" → … ({cycle.Count} people)";
            foreach (var id in cycle)
            {
                if (_rowOf.TryGetValue(id, out var row) && row.Manager is { } m)
                {
                    Fail(row, FieldOf(m.Match), $"Manager cycle: {circle}. Someone in this circle must report to a person outside it.");
                }
            }
        }
    }

    private PersonId? Find(ManagerRef manager, out string? problem)
    {
        problem = null;
        var value = manager.Value;
        var lower = value.ToLowerInvariant();
        var key = TextFold.NameKey(value);
        if (manager.Match is ManagerMatch.Any or ManagerMatch.ExternalId && _ext.TryGetValue(value, out var byId)) return byId;
        if (manager.Match is ManagerMatch.Any or ManagerMatch.Email && _email.TryGetValue(lower, out var byEmail)) return byEmail;
        if (manager.Match is ManagerMatch.Any or ManagerMatch.Name && _names.TryGetValue(key, out var named))
        {
            if (named.Count == 1) return named[0];
            problem = $"{named.Count} people are named '{Short(value)}'; name the manager by external id or email instead.";
            return null;
        }

        var rejected = RejectedRowNamed(manager, lower, key);
        var what = manager.Match switch
        {
            ManagerMatch.ExternalId => "the external id",
            ManagerMatch.Email => "the email",
            ManagerMatch.Name => "the name",
            _ => "the external id, email or name",
        };
        problem = rejected is not null
            ? $"The manager '{Short(value)}' is on line {rejected.Line}, which has errors, so they are not imported and cannot be this person's manager."
            : $"Unknown manager: no one in the file or in the directory has {what} '{Short(value)}'.";
        return null;
    }

    // Rows left out of this pass, by key: to say why a manager on one of them cannot be found.
    private RosterRow? RejectedRowNamed(ManagerRef manager, string lower, string key)
    {
        if (_rejected is null)
        {
            _rejected = new Dictionary<string, RosterRow>(StringComparer.Ordinal);
            foreach (var row in allRows.Where(r => r.HasKey && !_rowOf.ContainsKey(r.Id)))
            {
                if (row.ExternalId is { } x) _rejected.TryAdd("x:" + x, row);
                if (row.Email is { } e) _rejected.TryAdd("e:" + e, row);
                _rejected.TryAdd("n:" + row.NameKey, row);
            }
        }

        RosterRow? Get(string k) => _rejected.GetValueOrDefault(k);
        return manager.Match switch
        {
            ManagerMatch.ExternalId => Get("x:" + manager.Value),
            ManagerMatch.Email => Get("e:" + lower),
            ManagerMatch.Name => Get("n:" + key),
            _ => Get("x:" + manager.Value) ?? Get("e:" + lower) ?? Get("n:" + key),
        };
    }

    private void AddName(string name, PersonId id)
    {
        var key = TextFold.NameKey(name);
        if (!_names.TryGetValue(key, out var list)) _names[key] = list = [];
        list.Add(id);
    }

    private string NameOf(PersonId id) =>
        _rowOf.TryGetValue(id, out var row) ? Short(row.Name!) : stored.ById.TryGetValue(id, out var person) ? Short(person.Name) : "?";

    private string StaysAsStored(PersonId id) =>
        _rejectedRowOf.TryGetValue(id, out var row) ? $" (their own row, line {row.Line}, has errors, so they keep it)" : "";

    private static RosterField FieldOf(ManagerMatch match) => match switch
    {
        ManagerMatch.ExternalId => RosterField.ManagerExternalId,
        ManagerMatch.Email => RosterField.ManagerEmail,
        ManagerMatch.Name => RosterField.ManagerName,
        _ => RosterField.Manager,
    };

    private void Fail(RosterRow row, RosterField field, string reason)
    {
        _problems.Add(new ImportProblem(row.Line, columns.Header(field), reason));
        _bad.Add(row);
    }

    private static string Short(string text) => PersonRules.Shorten(text);
}
