using System.Globalization;
using System.Text.RegularExpressions;
using SalesMentor.Core.People;

namespace SalesMentor.App.Import.Crm;

/// <summary>One quota as read from a file; the person is found afterwards, against the roster.</summary>
internal sealed class QuotaRecord : IRecord
{
    public int Line { get; init; }
    public bool Bad { get; set; }
    public string? PersonRef { get; set; }
    public OwnerMatch Match { get; set; }
    public PersonId? Person { get; set; }

    /// <summary>The period, half-open: [Start, End).</summary>
    public DateOnly? Start { get; set; }
    public DateOnly? End { get; set; }
    public decimal? Amount { get; set; }
    public string Currency { get; set; } = "";

    public IReadOnlyList<(string Field, string? Value)> Describe() =>
    [
        ("person", PersonRef), ("from", Start?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
        ("to (last day)", End?.AddDays(-1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
        ("amount", Amount is { } a ? a.ToString("#,0.00##", CultureInfo.InvariantCulture) + " " + Currency : null),
    ];
}

/// <summary>
/// A quota file: a person (by <c>external_id</c>, <c>email</c>, <c>name</c>, a CRM <c>owner_id</c>,
/// or a <c>person</c> column that may hold any of them), the period — <c>period_start</c> and
/// <c>period_end</c> (the last day, inclusive, as people write it), or a <c>period</c> label such as
/// <c>2026-Q1</c>, <c>FY2026 Q1</c>, <c>2026-03</c> or <c>FY2026</c> read with the organization's
/// fiscal calendar — an <c>amount</c> (formatted amounts allowed, as in reports) and an optional
/// <c>currency</c> (default: the corporate currency).
/// </summary>
internal sealed partial class QuotaFormat : IRecordFormat<QuotaRecord>
{
    private readonly Column _person, _start, _end, _label, _amount, _currency;
    private readonly OwnerMatch _match;

    private QuotaFormat(HeaderIndex h)
    {
        (_person, _match) = h.Use("person", "person_external_id", "external_id", "employee_id") is { Exists: true } x ? (x, OwnerMatch.ExternalId)
            : h.Use("person", "email", "person_email", "rep_email") is { Exists: true } e ? (e, OwnerMatch.Email)
            : h.Use("person", "owner_id", "crm_owner_id", "user_id") is { Exists: true } o ? (o, OwnerMatch.CrmId)
            : (h.Use("person", "person", "rep", "owner", "name", "person_name", "rep_name"), OwnerMatch.Any);
        _label = h.Use("period", "period", "quarter", "month", "fiscal_period");
        _start = h.Use("period start", "period_start", "start", "from", "start_date");
        _end = h.Use("period end", "period_end", "end", "to", "end_date");
        _amount = h.Use("amount", "amount", "quota", "target");
        _currency = h.Use("currency", "currency", "currency_code");
    }

    public string Format => "quotas";
    public string Source => "";

    public static bool Fits(HeaderIndex h) => h.Has("quota", "target") || (h.Has("amount") && h.Has("period", "period_start", "quarter"));

    public static QuotaFormat? Bind(HeaderIndex h, List<string> problems)
    {
        ArgumentNullException.ThrowIfNull(h);
        var format = new QuotaFormat(h);
        if (!format._person.Exists) problems.Add("The file has no person column: name each quota's person by external_id, email, name or person.");
        if (!format._label.Exists && !(format._start.Exists && format._end.Exists)) problems.Add("The file has no period: give a period column (2026-Q1, 2026-03, FY2026) or period_start and period_end columns.");
        if (!format._amount.Exists) problems.Add("The file has no amount (or quota) column.");
        return problems.Count == 0 ? format : null;
    }

    public bool IsFooter(IReadOnlyList<string> cells) => false;

    public QuotaRecord Read(RowReader row)
    {
        ArgumentNullException.ThrowIfNull(row);
        var record = new QuotaRecord { Line = row.Line, Match = _match, PersonRef = row.Text(_person, OpportunityRecord.MaxOwner, "person") };
        if (record.PersonRef is null && !row.Bad) row.Problem(_person, "Whose quota is it? The person is empty.");
        var label = row.Text(_label, 40, "period");
        if (label is not null)
        {
            if (Period(label, row.Org) is { } period) (record.Start, record.End) = period;
            else row.Problem(_label, $"'{CellText.Short(label)}' is not a period; write 2026-Q1 (fiscal quarter), 2026-03 (month) or FY2026 (fiscal year).");
        }
        else
        {
            record.Start = row.IsoDate(_start, "the period start");
            var last = row.IsoDate(_end, "the period end");
            record.End = last?.AddDays(1);
            if ((record.Start is null || last is null) && !row.Bad) row.Problem(record.Start is null ? _start : _end, "The period needs a start and an end (its last day), or a period label.");
            else if (last < record.Start) row.Problem(_end, "The period ends before it starts.");
        }

        record.Amount = row.Formatted(_amount, allowNegative: false, "the quota", out var amountCurrency);
        if (record.Amount is null && !row.Bad) row.Problem(_amount, "The quota amount is empty.");
        record.Currency = row.Currency(_currency, amountCurrency ?? row.Org.CorporateCurrency);
        record.Bad = row.Bad;
        return record;
    }

    public IEnumerable<string> Notices() => [];

    /// <summary>
    /// A period label in the organization's fiscal calendar: <c>2026-Q1</c>, <c>2026 Q1</c>, <c>Q1 2026</c>,
    /// <c>FY2026 Q1</c> or <c>FY2026-Q1</c> (quarter 1 of fiscal year 2026); <c>2026-03</c> (March 2026);
    /// <c>FY2026</c> (the fiscal year). Fiscal years are named by the year they end in.
    /// </summary>
    public static (DateOnly Start, DateOnly End)? Period(string label, OrgContext org)
    {
        ArgumentNullException.ThrowIfNull(label);
        ArgumentNullException.ThrowIfNull(org);
        var text = label.Trim().ToUpperInvariant();
        if (QuarterFirst().Match(text) is { Success: true } qf) return Quarter(Year(qf), Number(qf, "q"), org);
        if (YearFirst().Match(text) is { Success: true } yf) return Quarter(Year(yf), Number(yf, "q"), org);
        if (Month().Match(text) is { Success: true } m && Number(m, "m") is >= 1 and <= 12 && Year(m) is >= 1900 and <= 2999)
        {
            var start = new DateOnly(Year(m), Number(m, "m"), 1);
            return (start, start.AddMonths(1));
        }

        if (FiscalYear().Match(text) is { Success: true } fy && Year(fy) is >= 1900 and <= 2999)
        {
            var start = FiscalYearStart(Year(fy), org);
            return (start, start.AddYears(1));
        }

        return null;
    }

    private static (DateOnly, DateOnly)? Quarter(int year, int quarter, OrgContext org)
    {
        if (year is < 1900 or > 2999 || quarter is < 1 or > 4) return null;
        var start = FiscalYearStart(year, org).AddMonths(3 * (quarter - 1));
        var period = org.Calendar.FiscalQuarterOf(start);
        return (period.Start, period.End);
    }

    // Fiscal year N ends in calendar year N (FiscalCalendar's naming).
    private static DateOnly FiscalYearStart(int year, OrgContext org) =>
        org.Calendar.FiscalYearStartMonth == 1 ? new DateOnly(year, 1, 1) : new DateOnly(year - 1, org.Calendar.FiscalYearStartMonth, 1);

    private static int Year(Match m) => int.Parse(m.Groups["y"].Value, CultureInfo.InvariantCulture);

    private static int Number(Match m, string group) => int.Parse(m.Groups[group].Value, CultureInfo.InvariantCulture);

    [GeneratedRegex(@"^Q(?<q>[1-4])[\s\-/]*(FY)?\s*(?<y>\d{4})$")]
    private static partial Regex QuarterFirst();

    [GeneratedRegex(@"^(FY)?\s*(?<y>\d{4})[\s\-/]*Q(?<q>[1-4])$")]
    private static partial Regex YearFirst();

    [GeneratedRegex(@"^(?<y>\d{4})-(?<m>\d{1,2})$")]
    private static partial Regex Month();

    [GeneratedRegex(@"^FY\s*(?<y>\d{4})$")]
    private static partial Regex FiscalYear();
}
