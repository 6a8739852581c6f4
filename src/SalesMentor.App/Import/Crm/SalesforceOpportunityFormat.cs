namespace SalesMentor.App.Import.Crm;

/// <summary>
/// Salesforce opportunities exported with API field names (Data Loader, Data Export): <c>Id,
/// OwnerId, AccountId</c> or <c>Account.Name</c>, <c>Name, StageName, Amount, CloseDate,
/// CreatedDate, IsClosed, IsWon, Probability, LeadSource, CurrencyIsoCode</c>, in any order, among
/// any number of other columns. Won and lost come from <c>IsWon</c> and <c>IsClosed</c>, never
/// from the stage label. Owners are Salesforce user ids (linked to people by their CRM owner ids).
/// </summary>
internal sealed class SalesforceOpportunityFormat : IRecordFormat<OpportunityRecord>
{
    private readonly Column _id, _owner, _account, _name, _stage, _amount, _close, _created, _closed, _won, _probability, _leadSource, _currency, _product;

    private readonly string _corporate;

    private SalesforceOpportunityFormat(HeaderIndex h, OrgContext org)
    {
        _corporate = org.CorporateCurrency;
        _id = h.Use("external id", "Id");
        _owner = h.Use("owner", "OwnerId");
        _account = h.Use("account", "Account.Name", "AccountName", "AccountId");
        _name = h.Use("name", "Name");
        _stage = h.Use("stage", "StageName");
        _amount = h.Use("amount", "Amount");
        _currency = h.Use("currency", "CurrencyIsoCode");
        _close = h.Use("close date", "CloseDate");
        _created = h.Use("created date", "CreatedDate");
        _closed = h.Use("closed", "IsClosed");
        _won = h.Use("won", "IsWon");
        _probability = h.Use("probability", "Probability");
        _leadSource = h.Use("lead source", "LeadSource");
        _product = h.Use("product", "Product__c", "Product", "ProductName");
    }

    public string Format => "salesforce";
    public string Source => "salesforce";

    /// <summary>What OwnerId holds: Salesforce user ids.</summary>
    public static OwnerMatch OwnerMatch => OwnerMatch.CrmId;

    /// <summary>A Salesforce opportunity export by its API field names.</summary>
    public static bool Fits(HeaderIndex h) => h.Has("StageName") && h.Has("IsWon", "IsClosed") && h.Has("Id");

    public static SalesforceOpportunityFormat? Bind(HeaderIndex h, OrgContext org, List<string> problems)
    {
        ArgumentNullException.ThrowIfNull(h);
        ArgumentNullException.ThrowIfNull(org);
        var format = new SalesforceOpportunityFormat(h, org);
        Require(format._id, "Id", "the opportunity's id, which recognises it on the next import", problems);
        Require(format._closed, "IsClosed", "whether the deal is closed", problems);
        Require(format._won, "IsWon", "whether it was won", problems);
        return problems.Count == 0 ? format : null;
    }

    public bool IsFooter(IReadOnlyList<string> cells) => false;

    public OpportunityRecord Read(RowReader row)
    {
        ArgumentNullException.ThrowIfNull(row);
        var record = new OpportunityRecord
        {
            Line = row.Line,
            ExternalId = row.Text(_id, OpportunityRecord.MaxKey, "opportunity id"),
            OwnerRef = row.Text(_owner, OpportunityRecord.MaxOwner, "owner id"),
            Account = row.Text(_account, OpportunityRecord.MaxText, "account"),
            Name = row.Text(_name, OpportunityRecord.MaxText, "name"),
            Stage = row.Text(_stage, OpportunityRecord.MaxName, "stage"),
            Amount = row.Plain(_amount, '.', allowNegative: false, "the amount"),
            Currency = row.Currency(_currency, row.Org.CorporateCurrency),
            CloseDate = row.IsoDate(_close, "the close date"),
            CreatedOn = row.IsoDate(_created, "the created date"),
            IsClosed = row.Bool(_closed, "IsClosed"),
            IsWon = row.Bool(_won, "IsWon"),
            Probability = row.Whole(_probability, 0, 100, "probability"),
            LeadSource = row.Text(_leadSource, OpportunityRecord.MaxName, "lead source"),
            Product = row.Text(_product, OpportunityRecord.MaxText, "product"),
        };
        if (record.ExternalId is null && row.Cell(_id) is { } id && id.Trim().Length == 0) row.Problem(_id, "The opportunity id is empty; every row needs one.");
        if (record.IsWon && !record.IsClosed) row.Problem(_closed, "The deal is marked won (IsWon) but not closed (IsClosed); a won deal is closed.");
        record.Bad = row.Bad;
        return record;
    }

    public IEnumerable<string> Notices()
    {
        if (!_currency.Exists) yield return $"The file has no CurrencyIsoCode column, so every amount is taken to be in the corporate currency ({_corporate}).";
    }

    internal static void Require(Column column, string name, string why, List<string> problems)
    {
        if (!column.Exists) problems.Add($"The file has no {name} column ({why}).");
    }
}
