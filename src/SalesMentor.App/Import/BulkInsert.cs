using SalesMentor.App.Data;

namespace SalesMentor.App.Import;

/// <summary>Inserts a list of new rows of one entity with the provider's <see cref="TableWriter{T}"/>, inside the import's transaction.</summary>
internal static class BulkInsert
{
    public static async Task InsertAsync<T>(SalesMentorDb db, IReadOnlyList<T> rows, CancellationToken ct) where T : class
    {
        ArgumentNullException.ThrowIfNull(rows);
        if (rows.Count == 0) return;
        await using var writer = TableWriter<T>.Create(db);
        foreach (var row in rows) await writer.InsertAsync(row, ct);
        await writer.FlushAsync(ct);
    }
}
