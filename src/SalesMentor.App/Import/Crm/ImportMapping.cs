using System.Text.Json;
using System.Text.Json.Serialization;

namespace SalesMentor.App.Import.Crm;

/// <summary>
/// A column mapping for deal files from any CRM: which column of the file holds each of our
/// fields, and how to read them. Saved as a named import profile, or given to the command line
/// as a JSON file (<c>--map</c>); the format is documented in docs/import-crm.md.
/// </summary>
public sealed record ImportMapping
{
    public static JsonSerializerOptions Json { get; } = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        AllowTrailingCommas = true,
        ReadCommentHandling = JsonCommentHandling.Skip,
    };

    /// <summary>The profile's name (the command line reads it from the file; the page keeps it beside the mapping).</summary>
    public string? Name { get; init; }

    /// <summary>Where the deals come from; stored as <c>csv:SOURCE</c> and, with the external id, their key. Defaults to the name.</summary>
    public string? Source { get; init; }

    /// <summary>Only <c>opportunities</c> for now.</summary>
    public string Kind { get; init; } = "opportunities";

    public MappingColumns Columns { get; init; } = new();

    /// <summary>How the owner column names people; the other identities are tried after it.</summary>
    public OwnerMatch OwnerMatch { get; init; } = OwnerMatch.Any;

    /// <summary>The currency of every amount when the file has no currency column (default: the corporate currency).</summary>
    public string? Currency { get; init; }

    /// <summary>Which column says won, lost or open, and with which values.</summary>
    public OutcomeRule Outcome { get; init; } = new();

    /// <summary>A .NET date pattern: <c>yyyy-MM-dd</c> (default), <c>dd/MM/yyyy</c>, <c>MM/dd/yyyy</c>, <c>dd.MM.yyyy</c>, ….</summary>
    public string DateFormat { get; init; } = "yyyy-MM-dd";

    /// <summary><c>.</c> (default) or <c>,</c>; the other one may group thousands.</summary>
    public string DecimalSeparator { get; init; } = ".";

    /// <summary>Negative amounts (credits) are imported instead of refused.</summary>
    public bool AllowNegativeAmounts { get; init; }

    /// <summary>What is wrong with the mapping on its own (before any file), in words; empty when it can be used.</summary>
    public IReadOnlyList<string> Check() => MappingFormat.Check(this);

    /// <summary>The source the deals are stored under: <c>csv:</c> and the source (or name), lower case, letters, digits and dashes.</summary>
    [JsonIgnore]
    public string StoredSource => "csv:" + Slug(Source ?? Name ?? "mapping");

    public static string Slug(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var chars = text.Trim().ToLowerInvariant().Select(c => char.IsAsciiLetterOrDigit(c) ? c : '-').ToArray();
        var slug = string.Join('-', new string(chars).Split('-', StringSplitOptions.RemoveEmptyEntries));
        return slug.Length == 0 ? "mapping" : slug.Length <= 60 ? slug : slug[..60];
    }
}

/// <summary>The file's column (its header, as written) for each of our fields; null when the file has none.</summary>
public sealed record MappingColumns
{
    public string? ExternalId { get; init; }
    public string? Owner { get; init; }
    public string? Name { get; init; }
    public string? Account { get; init; }
    public string? Product { get; init; }
    public string? Amount { get; init; }
    public string? Currency { get; init; }
    public string? Stage { get; init; }
    public string? CreatedDate { get; init; }
    public string? CloseDate { get; init; }
    public string? Probability { get; init; }
    public string? LeadSource { get; init; }
}

/// <summary>
/// Won, lost or open from one column (default: the stage column): a value in <see cref="Won"/> is
/// won, in <see cref="Lost"/> lost; when <see cref="Open"/> lists values, only those are open and
/// any other value is an error, else everything else is open. Values match ignoring case.
/// </summary>
public sealed record OutcomeRule
{
    public string? Column { get; init; }
    public IReadOnlyList<string> Won { get; init; } = [];
    public IReadOnlyList<string> Lost { get; init; } = [];
    public IReadOnlyList<string> Open { get; init; } = [];
}
