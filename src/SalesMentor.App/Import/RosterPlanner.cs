using SalesMentor.App.Domain;
using SalesMentor.App.Features.People;
using SalesMentor.Core.People;
using SalesMentor.Core.Text;

namespace SalesMentor.App.Import;

/// <summary>
/// Decides what each row of a readable roster file does: which stored person it is (by external
/// id, else email, else name), whether it repeats an earlier row, and — against the roster as it
/// would be after the import — whether its email, CRM ids and manager are possible.
/// <para>
/// With <c>skipBadRows</c> the rows that pass are imported and the checks run again without the
/// rejected ones until nothing changes: a row whose manager (or whose email's current holder) is on
/// a rejected row gets an error of its own, and a cycle that only closes once a row falls back to
/// its stored manager is found too. Without it, one pass over all rows lists every problem, and
/// nothing is written if there is any.
/// </para>
/// </summary>
internal sealed class RosterPlanner(RosterFile file, StoredRoster stored, bool skipBadRows)
{
    private readonly RosterColumns _columns = file.Columns ?? throw new ArgumentException("The file has no header.", nameof(file));
    private readonly HashSet<RosterRow> _unmatched = [];

    public RosterPlan Plan()
    {
        var plan = new RosterPlan();
        plan.Problems.AddRange(file.RowProblems);
        MatchPeople(plan.Problems);
        var universe = file.Rows.Where(r => r.HasKey && !_unmatched.Contains(r) && (!skipBadRows || !r.Bad)).ToList();
        while (true)
        {
            var found = new RosterRelations(_columns, stored, universe, file.Rows).Check();
            foreach (var problem in found.Problems) plan.Problems.Add(problem);
            foreach (var row in found.BadRows) row.Bad = true;
            if (!skipBadRows || found.BadRows.Count == 0) break;
            universe.RemoveAll(r => r.Bad);
        }

        plan.Accepted.AddRange(universe.Where(r => !r.Bad));
        Summarize(plan);
        plan.RejectedRows = file.Rows.Count(r => r.Bad);
        plan.Problems.Sort((a, b) => a.Line.CompareTo(b.Line));
        return plan;
    }

    private void MatchPeople(List<ImportProblem> problems)
    {
        var keys = new Dictionary<string, RosterRow>(StringComparer.Ordinal);
        var claimed = new Dictionary<PersonId, RosterRow>();
        foreach (var row in file.Rows.Where(r => r.HasKey))
        {
            var (key, what, field) = row.ExternalId is { } x ? ("x:" + x, $"external id '{Short(x)}'", RosterField.ExternalId)
                : row.Email is { } e ? ("e:" + e, $"email {Short(e)}", RosterField.Email)
                : ("n:" + row.NameKey, $"name '{Short(row.Name!)}' and no external id or email", RosterField.Name);
            if (keys.TryGetValue(key, out var first))
            {
                Reject(row, field, $"This person is already on line {first.Line} (same {what}); each person may appear only once.", problems);
                continue;
            }

            keys[key] = row;
            var target = FindStored(row, out var ambiguity);
            if (ambiguity is not null)
            {
                Reject(row, RosterField.Name, ambiguity, problems);
                continue;
            }

            if (target is not null && claimed.TryGetValue(target.Id, out var earlier))
            {
                Reject(row, field, $"This row and line {earlier.Line} are the same stored person ({Short(target.Name)}); each person may appear only once.", problems);
                continue;
            }

            if (target is not null) claimed[target.Id] = row;
            row.Target = target;
            row.Id = target?.Id ?? PersonId.New();
            CheckDatesAgainstStored(row, problems);
        }
    }

    private Person? FindStored(RosterRow row, out string? ambiguity)
    {
        ambiguity = null;
        if (row.ExternalId is { } x)
        {
            if (stored.ByExternalId.TryGetValue(x, out var byId)) return byId;
            // A roster that starts carrying ids adopts the person with the same email who has none yet.
            return row.Email is { } mail && stored.ByEmail.TryGetValue(mail, out var adopt) && adopt.ExternalId is null ? adopt : null;
        }

        if (row.Email is { } email) return stored.ByEmail.GetValueOrDefault(email);
        var named = stored.ByNameKey.GetValueOrDefault(row.NameKey)?.Where(p => p.ExternalId is null && p.Email is null).ToList() ?? [];
        if (named.Count > 1) ambiguity = $"{named.Count} people named '{Short(row.Name!)}' have no external id or email, so this row cannot tell which one it is. Add an external id or email.";
        return named.Count == 1 ? named[0] : null;
    }

    // When the file has only one of the two dates, the other is the stored one.
    private void CheckDatesAgainstStored(RosterRow row, List<ImportProblem> problems)
    {
        if (row.Target is not { } person || _columns.Has(RosterField.HireDate) == _columns.Has(RosterField.LeftDate)) return;
        var hired = _columns.Has(RosterField.HireDate) ? row.HireDate : person.HireDate;
        var left = _columns.Has(RosterField.LeftDate) ? row.LeftOn : person.LeftOn;
        if (PersonRules.Dates(hired, left) is { } problem)
        {
            var field = _columns.Has(RosterField.HireDate) ? RosterField.HireDate : RosterField.LeftDate;
            problems.Add(new ImportProblem(row.Line, _columns.Header(field), RosterRowParser.Sentence(problem + " stored for this person")));
            row.Bad = true;
        }
    }

    private void Reject(RosterRow row, RosterField field, string reason, List<ImportProblem> problems)
    {
        problems.Add(new ImportProblem(row.Line, _columns.Header(field), reason));
        row.Bad = true;
        _unmatched.Add(row);
    }

    private void Summarize(RosterPlan plan)
    {
        foreach (var row in plan.Accepted)
        {
            if (_columns.Has(RosterField.Region)) row.RegionId = row.Region is null ? null : RegionFor(row.Region, plan).Id;
            if (_columns.Has(RosterField.Team)) row.TeamId = row.Team is null ? null : TeamFor(row, plan).Id;
            if (row.Target is null) plan.Added++;
            else if (RosterChanges.Differs(row, row.Target, _columns, stored)) plan.Changed.Add(row);
            else plan.Unchanged++;
        }

        plan.Updated = plan.Changed.Count;
        foreach (var row in plan.Accepted.Where(r => _columns.Has(RosterField.Email) && r.Email is not null))
        {
            if (stored.ByEmail.TryGetValue(row.Email!, out var holder) && holder.Id != row.Id) plan.EmailsToRelease.Add(holder.Id);
        }
    }

    private Region RegionFor(string name, RosterPlan plan)
    {
        var key = TextFold.NameKey(name);
        if (stored.Regions.TryGetValue(key, out var region) || plan.NewRegions.TryGetValue(key, out region)) return region;
        return plan.NewRegions[key] = new Region { Name = name };
    }

    // A new team belongs to the region of the first row that names it.
    private Team TeamFor(RosterRow row, RosterPlan plan)
    {
        var key = TextFold.NameKey(row.Team);
        if (stored.Teams.TryGetValue(key, out var team) || plan.NewTeams.TryGetValue(key, out team)) return team;
        var region = row.Region is null ? null : RegionFor(row.Region, plan);
        return plan.NewTeams[key] = new Team { Name = row.Team!, RegionId = region?.Id };
    }

    private static string Short(string text) => PersonRules.Shorten(text);
}
