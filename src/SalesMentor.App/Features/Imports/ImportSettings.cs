using System.Text.Json;
using SalesMentor.App.Import.Crm;

namespace SalesMentor.App.Features.Imports;

/// <summary>The kinds of file an import takes.</summary>
public static class ImportKinds
{
    public const string Roster = "roster";
    public const string Opportunities = "opportunities";
    public const string Activities = "activities";
    public const string Quotas = "quotas";
    public const string Users = "users";
    public const string ExchangeRates = "exchange-rates";

    public static IReadOnlyList<string> All { get; } = [Roster, Opportunities, Activities, Quotas, Users, ExchangeRates];

    /// <summary>The kinds that are sales data (everything but the roster).</summary>
    public static IReadOnlyList<string> Sales { get; } = [Opportunities, Activities, Quotas, Users, ExchangeRates];
}

/// <summary>The file formats sales data comes in.</summary>
public static class ImportFormats
{
    /// <summary>Salesforce with API field names (Data Loader, Data Export); for opportunities, a report export is recognised too.</summary>
    public const string Salesforce = "salesforce";
    public const string SalesforceReport = "salesforce-report";
    public const string HubSpot = "hubspot";

    /// <summary>Any CSV, through a column mapping (a saved profile or one given inline).</summary>
    public const string Csv = "csv";

    public static IReadOnlyList<string> ForOpportunities { get; } = [Salesforce, SalesforceReport, HubSpot, Csv];
}

/// <summary>
/// How to read a file: what it holds (<see cref="ImportKinds"/>), its format (null: recognised from
/// the header), and for any-CSV deals the saved profile or an inline mapping.
/// </summary>
public sealed record ImportSettings
{
    public required string Kind { get; init; }
    public string? Format { get; init; }
    public Guid? ProfileId { get; init; }
    public ImportMapping? Mapping { get; init; }

    public string ToJson() => JsonSerializer.Serialize(this, ImportMapping.Json);

    public static ImportSettings? FromJson(string? json)
    {
        if (string.IsNullOrEmpty(json)) return null;
        try { return JsonSerializer.Deserialize<ImportSettings>(json, ImportMapping.Json); }
        catch (JsonException) { return null; }
    }
}
