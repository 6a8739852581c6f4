using SalesMentor.App.Import;
using SalesMentor.App.Import.Crm;

namespace SalesMentor.App.Features.Imports;

/// <summary>Recognises a staged file's kind and format from its header, and checks settings a user chose.</summary>
internal static class ImportDetection
{
    /// <summary>The kind and format the file's header looks like; null when it is not one the import recognises.</summary>
    public static async Task<(string Kind, string? Format)?> RecogniseAsync(string path, CancellationToken ct)
    {
        await using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 4096, FileOptions.Asynchronous);
        var table = new CsvTableReader(stream);
        return await table.ReadHeaderAsync(ct) ? SalesJobs.Recognise(new HeaderIndex(table.Header!)) : null;
    }

    /// <summary>The settings' shape: a known kind and format, a mapping only for deals. Null when fine.</summary>
    public static Common.Error? Check(ImportSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (!ImportKinds.All.Contains(settings.Kind))
        {
            return Common.Error.Validation("import.kind", $"'{CellText.Short(settings.Kind ?? "")}' is not something to import; choose one of: {string.Join(", ", ImportKinds.All)}.");
        }

        if (settings.Format is { } format && !ImportFormats.ForOpportunities.Contains(format))
        {
            return Common.Error.Validation("import.format", $"'{CellText.Short(format)}' is not a file format; choose one of: {string.Join(", ", ImportFormats.ForOpportunities)}.");
        }

        if ((settings.ProfileId is not null || settings.Mapping is not null || settings.Format is ImportFormats.Csv) && settings.Kind != ImportKinds.Opportunities)
        {
            return Common.Error.Validation("import.mapping_kind", "A column mapping reads deals (opportunities) only.");
        }

        return null;
    }
}
