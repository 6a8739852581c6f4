using SalesMentor.App.Common;
using SalesMentor.App.Domain;
using SalesMentor.App.Import;

namespace SalesMentor.App.Features.Imports;

/// <summary>The expected failures every import use case shares, and a new run's record.</summary>
public static class ImportErrors
{
    /// <summary>The code hosts map to 413 Payload Too Large.</summary>
    public const string TooLargeCode = "import.too_large";

    /// <summary>The code of a HubSpot import whose deal stages nobody confirmed yet.</summary>
    public const string UnknownStagesCode = "import.unknown_stages";

    public static Error AdminOnly { get; } = Error.Forbidden("import.admin_only", "Only an admin can import files or see imports.");

    public static Error TooLarge(long maxBytes) => Error.Validation(TooLargeCode,
        $"The file is larger than {maxBytes / (1024 * 1024)} MB, the most an import takes (setting Import:MaxUploadMegabytes).");

    internal static ImportRun NewRun(Actor actor, string? fileName, bool skipBadRows, DateTime now, string kind = ImportKinds.Roster) => new()
    {
        Kind = kind,
        FileName = ImportStaging.CleanFileName(fileName),
        SkipBadRows = skipBadRows,
        ActorName = actor.Name,
        ActorPersonId = actor.PersonId,
        StartedAt = now,
    };
}
