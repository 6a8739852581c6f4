using SalesMentor.App.Domain;

namespace SalesMentor.App.Import;

/// <summary>What reading and checking one file found, and what importing it does (or would do): the part every import kind shares.</summary>
internal interface IImportOutcome
{
    /// <summary>Completed when the rows that pass may be written; Rejected when bad rows stop an all-or-nothing import; Failed when the file cannot be read.</summary>
    ImportStatus Status { get; }

    /// <summary>What the file holds, in words for messages: "a roster", "opportunities".</summary>
    string What { get; }

    long Bytes { get; }

    /// <summary>Data rows read, blank lines and report footers not counted.</summary>
    int DataRows { get; }
    int Added { get; }
    int Updated { get; }
    int Unchanged { get; }
    int RejectedRows { get; }

    /// <summary>The problems kept (the file's when it cannot be read, else the rows'), in line order.</summary>
    IReadOnlyList<ImportProblem> Problems { get; }

    /// <summary>How many problems there were in all; more than <see cref="Problems"/> when some were not kept.</summary>
    int ProblemCount { get; }

    /// <summary>Notes for the run: the encoding, ignored columns, defaults that were applied.</summary>
    IEnumerable<string> Notices();
}
