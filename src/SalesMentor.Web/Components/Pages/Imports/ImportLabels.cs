using SalesMentor.App.Features.Imports;

namespace SalesMentor.Web.Components.Pages.Imports;

/// <summary>Import kinds and formats in words, for the pages.</summary>
public static class ImportLabels
{
    public static string Kind(string kind) => kind switch
    {
        ImportKinds.Roster => "Roster (people, teams, managers)",
        ImportKinds.Opportunities => "Opportunities (deals)",
        ImportKinds.Activities => "Activities (Salesforce tasks and events)",
        ImportKinds.Quotas => "Quotas",
        ImportKinds.Users => "Salesforce users",
        ImportKinds.ExchangeRates => "Exchange rates",
        _ => kind,
    };

    public static string Format(string? format) => format switch
    {
        null or "" => "recognised from the columns",
        ImportFormats.Salesforce => "Salesforce export (API field names)",
        ImportFormats.SalesforceReport => "Salesforce report",
        ImportFormats.HubSpot => "HubSpot export",
        ImportFormats.Csv => "any CSV, through a column mapping",
        "salesforce-task" => "Salesforce tasks",
        "salesforce-event" => "Salesforce events",
        "salesforce-user" => "Salesforce users",
        _ => format,
    };
}
