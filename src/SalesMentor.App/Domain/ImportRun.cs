using System.Text.Json.Serialization;
using SalesMentor.Core.People;

namespace SalesMentor.App.Domain;

[JsonConverter(typeof(JsonStringEnumConverter<ImportStatus>))]
public enum ImportStatus
{
    /// <summary>Uploaded and checked; waiting for the user to confirm.</summary>
    Staged,
    Completed,

    /// <summary>Nothing was imported because of bad rows (all-or-nothing).</summary>
    Rejected,

    /// <summary>The file could not be read at all.</summary>
    Failed,
}

/// <summary>One import of one file: who, when, what it did, and every bad row with its line.</summary>
public sealed class ImportRun
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    /// <summary><c>roster</c>, <c>opportunities</c>, <c>activities</c>, <c>quotas</c>, <c>users</c> or <c>exchange-rates</c>.</summary>
    public required string Kind { get; set; }

    /// <summary>How the file is read: <c>salesforce</c>, <c>salesforce-report</c>, <c>hubspot</c>, <c>csv</c> (a column mapping), …; null for the roster.</summary>
    public string? Format { get; set; }

    /// <summary>While staged: the chosen kind, format and column mapping (JSON), so the commit reads the file the way the preview did.</summary>
    public string? SettingsJson { get; set; }

    /// <summary>What the run found besides row errors (JSON): owners that match no person, CRM stages, manager differences.</summary>
    public string? ReportJson { get; set; }
    public required string FileName { get; init; }
    public long FileSize { get; set; }

    /// <summary>Where the uploaded file waits while staged; deleted when the run ends.</summary>
    public string? StagedPath { get; set; }
    public ImportStatus Status { get; set; }
    public bool SkipBadRows { get; set; }
    public int Rows { get; set; }
    public int Added { get; set; }
    public int Updated { get; set; }
    public int Unchanged { get; set; }
    public int RejectedRows { get; set; }

    /// <summary>A note about how the file was read, e.g. the text encoding that was detected.</summary>
    public string? Notice { get; set; }
    public required string ActorName { get; init; }
    public PersonId? ActorPersonId { get; init; }
    public DateTime StartedAt { get; init; }
    public DateTime? FinishedAt { get; set; }
    public List<ImportRowError> Errors { get; } = [];
}

/// <summary>A bad row: 1-based line in the file, the column (if one), and the reason in plain words.</summary>
public sealed class ImportRowError
{
    public long Id { get; init; }
    public Guid ImportRunId { get; init; }
    public int Line { get; init; }
    public string? Column { get; init; }
    public required string Reason { get; init; }
}
