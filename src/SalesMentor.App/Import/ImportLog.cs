using Microsoft.Extensions.Logging;

namespace SalesMentor.App.Import;

/// <summary>What imports write to the log: ids, counts and times, never a cell of the file.</summary>
internal static partial class ImportLog
{
    [LoggerMessage(Level = LogLevel.Information,
        Message = "Import {RunId} of {Kind} ({Mode}): {Status}; {Rows} rows, {Added} added, {Updated} updated, {Unchanged} unchanged, {Rejected} rejected; {Bytes} bytes in {ElapsedMs} ms")]
    public static partial void Finished(ILogger logger, string kind, Guid runId, Features.Imports.RunMode mode, Domain.ImportStatus status, int rows, int added, int updated, int unchanged, int rejected, long bytes, long elapsedMs);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Import {RunId} of {Kind}: the database refused the changes; nothing was imported")]
    public static partial void SaveFailed(ILogger logger, string kind, Guid runId, Exception exception);

    [LoggerMessage(Level = LogLevel.Information, Message = "Import {RunId}: upload refused, larger than {MaxBytes} bytes")]
    public static partial void TooLarge(ILogger logger, Guid runId, long maxBytes);
}
