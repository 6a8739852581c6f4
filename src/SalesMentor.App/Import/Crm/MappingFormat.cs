namespace SalesMentor.App.Import.Crm;

/// <summary>
/// Deals from any CRM's CSV, read through an <see cref="ImportMapping"/>: each of our fields from
/// the column the mapping names, dates in its format, amounts with its decimal separator, won and
/// lost by its rule, the currency from its column or fixed.
/// </summary>
internal sealed class MappingFormat : IRecordFormat<OpportunityRecord>
{
    private readonly ImportMapping _mapping;
    private readonly Column _id, _owner, _account, _name, _product, _stage, _amount, _currency, _created, _close, _probability, _leadSource, _outcome;
    private readonly string _fixedCurrency;
    private readonly HashSet<string> _won, _lost, _open;
    private readonly char _decimal;

    private MappingFormat(HeaderIndex h, OrgContext org, ImportMapping mapping, List<string> problems)
    {
        _mapping = mapping;
        var c = mapping.Columns;
        Column Named(string field, string? header)
        {
            var column = h.Named(field, header);
            if (header is not null && !column.Exists) problems.Add($"The mapping reads the {field} from the column '{CellText.Short(header)}', but the file has no such column.");
            return column;
        }

        _id = Named("external id", c.ExternalId);
        _owner = Named("owner", c.Owner);
        _name = Named("name", c.Name);
        _account = Named("account", c.Account);
        _product = Named("product", c.Product);
        _stage = Named("stage", c.Stage);
        _amount = Named("amount", c.Amount);
        _currency = Named("currency", c.Currency);
        _created = Named("created date", c.CreatedDate);
        _close = Named("close date", c.CloseDate);
        _probability = Named("probability", c.Probability);
        _leadSource = Named("lead source", c.LeadSource);
        _outcome = mapping.Outcome.Column is { } outcome && !string.Equals(outcome, c.Stage, StringComparison.OrdinalIgnoreCase) ? Named("outcome", outcome) : _stage;
        _fixedCurrency = mapping.Currency?.Trim().ToUpperInvariant() ?? org.CorporateCurrency;
        _won = Set(mapping.Outcome.Won);
        _lost = Set(mapping.Outcome.Lost);
        _open = Set(mapping.Outcome.Open);
        _decimal = mapping.DecimalSeparator == "," ? ',' : '.';
    }

    public string Format => "csv";
    public string Source => _mapping.StoredSource;
    public OwnerMatch OwnerMatch => _mapping.OwnerMatch;

    /// <summary>Checks a mapping on its own (before any file): the problems in words, none when it can be used.</summary>
    public static List<string> Check(ImportMapping? mapping)
    {
        var problems = new List<string>();
        if (mapping is null) return ["The mapping is empty."];
        if (!string.Equals(mapping.Kind, "opportunities", StringComparison.OrdinalIgnoreCase)) problems.Add("A column mapping imports opportunities only (kind: opportunities).");
        if (string.IsNullOrWhiteSpace(mapping.Columns?.ExternalId)) problems.Add("Choose the column with each deal's id (external id): it recognises the deal on the next import.");
        if (!CellDate.IsUsableFormat(mapping.DateFormat)) problems.Add($"'{CellText.Short(mapping.DateFormat ?? "")}' is not a date format; use a pattern such as yyyy-MM-dd, dd/MM/yyyy or MM/dd/yyyy.");
        if (mapping.DecimalSeparator is not ("." or ",")) problems.Add("The decimal separator must be . or ,");
        if (mapping.Currency is { } currency && !Common.Currencies.IsWellFormed(currency.Trim().ToUpperInvariant())) problems.Add($"'{CellText.Short(currency)}' is not a currency code; write three letters such as USD or EUR.");
        if (mapping.Outcome is null || (mapping.Outcome.Column is null && mapping.Columns?.Stage is null)) problems.Add("Choose the column that says whether a deal is won, lost or open (the outcome rule).");
        else if (mapping.Outcome.Won.Count == 0 && mapping.Outcome.Lost.Count == 0) problems.Add("List the values that mean won and lost (the outcome rule), e.g. Closed Won and Closed Lost.");
        else if (mapping.Outcome.Won.Concat(mapping.Outcome.Lost).Concat(mapping.Outcome.Open).GroupBy(v => v.Trim(), StringComparer.OrdinalIgnoreCase).FirstOrDefault(g => g.Count() > 1) is { } twice)
        {
            problems.Add($"The value '{CellText.Short(twice.Key)}' is listed for more than one outcome.");
        }

        if ((mapping.Source ?? mapping.Name) is { Length: > 100 }) problems.Add("The mapping's name (or source) is longer than 100 characters.");
        return problems;
    }

    public static MappingFormat? Bind(HeaderIndex h, OrgContext org, ImportMapping mapping, List<string> problems)
    {
        ArgumentNullException.ThrowIfNull(h);
        ArgumentNullException.ThrowIfNull(org);
        problems.AddRange(Check(mapping));
        if (problems.Count > 0) return null;
        var format = new MappingFormat(h, org, mapping, problems);
        return problems.Count == 0 ? format : null;
    }

    public bool IsFooter(IReadOnlyList<string> cells) => false;

    public OpportunityRecord Read(RowReader row)
    {
        ArgumentNullException.ThrowIfNull(row);
        var hint = "Allow negative amounts (credits) in the mapping to import them.";
        var record = new OpportunityRecord
        {
            Line = row.Line,
            ExternalId = row.Text(_id, OpportunityRecord.MaxKey, "external id"),
            OwnerRef = row.Text(_owner, OpportunityRecord.MaxOwner, "owner"),
            Name = row.Text(_name, OpportunityRecord.MaxText, "name"),
            Account = row.Text(_account, OpportunityRecord.MaxText, "account"),
            Product = row.Text(_product, OpportunityRecord.MaxText, "product"),
            Stage = row.Text(_stage, OpportunityRecord.MaxName, "stage"),
            Amount = row.Plain(_amount, _decimal, _mapping.AllowNegativeAmounts, "the amount", hint),
            Currency = row.Currency(_currency, _fixedCurrency),
            CreatedOn = row.Date(_created, _mapping.DateFormat, "the created date"),
            CloseDate = row.Date(_close, _mapping.DateFormat, "the close date"),
            Probability = row.Whole(_probability, 0, 100, "probability"),
            LeadSource = row.Text(_leadSource, OpportunityRecord.MaxName, "lead source"),
        };
        if (record.ExternalId is null && !row.Bad) row.Problem(_id, "The external id is empty; every row needs one.");
        var outcome = row.Cell(_outcome)?.Trim() ?? "";
        if (_won.Contains(outcome)) (record.IsClosed, record.IsWon) = (true, true);
        else if (_lost.Contains(outcome)) record.IsClosed = true;
        else if (_open.Count > 0 && !_open.Contains(outcome))
        {
            var allowed = string.Join(", ", _won.Concat(_lost).Concat(_open).Select(v => $"'{v}'"));
            row.Problem(_outcome, $"'{CellText.Short(outcome)}' is not one of the values the mapping knows for won, lost or open ({CellText.Short(allowed)}).");
        }

        record.Bad = row.Bad;
        return record;
    }

    public IEnumerable<string> Notices()
    {
        if (!_currency.Exists) yield return $"Every amount is taken to be in {_fixedCurrency}{(_mapping.Currency is null ? " (the corporate currency)" : "")}: the mapping names no currency column.";
    }

    private static HashSet<string> Set(IEnumerable<string> values) => new(values.Select(v => v.Trim()), StringComparer.OrdinalIgnoreCase);
}
