using SalesMentor.App.Features.People;

namespace SalesMentor.App.Import.Crm;

/// <summary>One Salesforce user as read from a file.</summary>
internal sealed class UserRecord : IRecord
{
    public int Line { get; init; }
    public bool Bad { get; set; }
    public string? Id { get; set; }
    public string? Name { get; set; }
    public string? Email { get; set; }
    public string? ManagerId { get; set; }
    public bool IsActive { get; set; } = true;

    public IReadOnlyList<(string Field, string? Value)> Describe() =>
        [("user id", Id), ("name", Name), ("email", Email), ("manager user id", ManagerId), ("active", IsActive ? "yes" : "no")];
}

/// <summary>
/// A Salesforce User export (API field names): <c>Id, Name</c> (or <c>FirstName, LastName</c>),
/// <c>Email, ManagerId, IsActive, UserRoleId</c>. Each user links a CRM owner id to a person.
/// </summary>
internal sealed class SalesforceUserFormat : IRecordFormat<UserRecord>
{
    private readonly Column _id, _name, _first, _last, _email, _manager, _active;

    private SalesforceUserFormat(HeaderIndex h)
    {
        _id = h.Use("user id", "Id");
        _name = h.Use("name", "Name");
        _first = _name.Exists ? Column.None : h.Use("first name", "FirstName");
        _last = _name.Exists ? Column.None : h.Use("last name", "LastName");
        _email = h.Use("email", "Email");
        _manager = h.Use("manager", "ManagerId");
        _active = h.Use("active", "IsActive");
        h.Use("role", "UserRoleId");
    }

    public string Format => "salesforce-user";
    public string Source => "salesforce";

    public static bool Fits(HeaderIndex h) => h.Has("Id") && h.Has("Email") && h.Has("ManagerId", "IsActive", "UserRoleId", "Username", "ProfileId");

    public static SalesforceUserFormat? Bind(HeaderIndex h, List<string> problems)
    {
        ArgumentNullException.ThrowIfNull(h);
        var format = new SalesforceUserFormat(h);
        SalesforceOpportunityFormat.Require(format._id, "Id", "the user id that deals and activities name as their owner", problems);
        if (!format._name.Exists && !format._last.Exists) problems.Add("The file has no Name column (nor FirstName and LastName): people need names.");
        return problems.Count == 0 ? format : null;
    }

    public bool IsFooter(IReadOnlyList<string> cells) => false;

    public UserRecord Read(RowReader row)
    {
        ArgumentNullException.ThrowIfNull(row);
        var record = new UserRecord
        {
            Line = row.Line,
            Id = row.Text(_id, PersonRules.MaxKey, "user id"),
            ManagerId = row.Text(_manager, PersonRules.MaxKey, "manager id"),
            IsActive = !_active.Exists || row.Bool(_active, "IsActive"),
        };
        var name = _name.Exists ? row.Cell(_name) : $"{row.Cell(_first)?.Trim()} {row.Cell(_last)?.Trim()}".Trim();
        record.Name = PersonRules.Name(name, out var nameProblem);
        if (nameProblem is not null) row.Problem(_name.Exists ? _name : _last, RosterRowParser.Sentence(nameProblem));
        record.Email = PersonRules.Email(row.Cell(_email), out var emailProblem);
        if (emailProblem is not null) row.Problem(_email, RosterRowParser.Sentence(emailProblem));
        if (record.Id is null && !row.Bad) row.Problem(_id, "The user id is empty; every row needs one.");
        record.Bad = row.Bad;
        return record;
    }

    public IEnumerable<string> Notices() => [];
}
