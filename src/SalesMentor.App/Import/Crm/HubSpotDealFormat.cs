using SalesMentor.App.Domain;

namespace SalesMentor.App.Import.Crm;

/// <summary>
/// A HubSpot deal export: <c>Record ID, Deal Name, Amount, Deal Stage, Close Date, Deal Owner,
/// Create Date, Pipeline</c>, …. HubSpot writes no won/closed flags, so the outcome comes from the
/// stage through the <see cref="StageBook"/> (saved per pipeline and stage, confirmed by the user).
/// Owners are matched by name first (HubSpot writes the owner's name), then email or CRM id.
/// </summary>
internal sealed class HubSpotDealFormat : IRecordFormat<OpportunityRecord>
{
    private readonly Column _id, _owner, _account, _name, _stage, _pipeline, _amount, _close, _created, _currency;
    private readonly StageBook _stages;
    private readonly string _corporate;

    private HubSpotDealFormat(HeaderIndex h, OrgContext org, StageBook stages)
    {
        _stages = stages;
        _corporate = org.CorporateCurrency;
        _id = h.Use("external id", "Record ID", "Deal ID", "hs_object_id");
        _name = h.Use("name", "Deal Name", "dealname");
        _stage = h.Use("stage", "Deal Stage", "dealstage");
        _pipeline = h.Use("pipeline", "Pipeline");
        _amount = h.Use("amount", "Amount");
        _currency = h.Use("currency", "Currency", "Deal Currency Code", "deal_currency_code", "Currency Code");
        _close = h.Use("close date", "Close Date", "closedate");
        _created = h.Use("created date", "Create Date", "Created Date", "createdate");
        _owner = h.Use("owner", "Deal Owner", "hubspot_owner_id", "Owner");
        _account = h.Use("account", "Associated Company", "Associated Company (Primary)", "Company Name", "Company");
    }

    public string Format => "hubspot";
    public string Source => "hubspot";

    public static OwnerMatch OwnerMatch => OwnerMatch.Name;

    public static bool Fits(HeaderIndex h) => h.Has("Deal Stage", "dealstage") && h.Has("Record ID", "Deal Name", "dealname");

    public static HubSpotDealFormat? Bind(HeaderIndex h, OrgContext org, StageBook stages, List<string> problems)
    {
        ArgumentNullException.ThrowIfNull(h);
        ArgumentNullException.ThrowIfNull(org);
        var format = new HubSpotDealFormat(h, org, stages);
        SalesforceOpportunityFormat.Require(format._id, "Record ID", "the deal's id, which recognises it on the next import", problems);
        SalesforceOpportunityFormat.Require(format._stage, "Deal Stage", "the stage, which says whether the deal is won, lost or open", problems);
        return problems.Count == 0 ? format : null;
    }

    public bool IsFooter(IReadOnlyList<string> cells) => false;

    public OpportunityRecord Read(RowReader row)
    {
        ArgumentNullException.ThrowIfNull(row);
        var record = new OpportunityRecord
        {
            Line = row.Line,
            ExternalId = row.Text(_id, OpportunityRecord.MaxKey, "record id"),
            Name = row.Text(_name, OpportunityRecord.MaxText, "deal name"),
            Stage = row.Text(_stage, OpportunityRecord.MaxName, "deal stage"),
            Pipeline = row.Text(_pipeline, OpportunityRecord.MaxName, "pipeline"),
            Amount = row.Plain(_amount, '.', allowNegative: false, "the amount"),
            Currency = row.Currency(_currency, _corporate),
            CloseDate = row.ReportDate(_close, "the close date"),
            CreatedOn = row.ReportDate(_created, "the create date"),
            OwnerRef = row.Text(_owner, OpportunityRecord.MaxOwner, "deal owner"),
            Account = row.Text(_account, OpportunityRecord.MaxText, "company"),
        };
        if (record.ExternalId is null && !row.Bad) row.Problem(_id, "The record id is empty; every row needs one.");
        if (record.Stage is null && !row.Bad) row.Problem(_stage, "The deal stage is empty; it says whether the deal is won, lost or open.");
        if (record.Stage is { } stage && !row.Bad)
        {
            var outcome = _stages.Outcome(record.Pipeline ?? "", stage);
            record.IsClosed = outcome != StageOutcome.Open;
            record.IsWon = outcome == StageOutcome.Won;
        }

        record.Bad = row.Bad;
        return record;
    }

    public IEnumerable<string> Notices()
    {
        if (!_currency.Exists) yield return $"The file has no currency column, so every amount is taken to be in the corporate currency ({_corporate}).";
    }
}
