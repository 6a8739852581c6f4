using Microsoft.EntityFrameworkCore;
using SalesMentor.App.Data;

namespace SalesMentor.App.Import;

/// <summary>
/// Writes many rows of one entity on the context's connection and inside its transaction,
/// bypassing the change tracker (which costs about ten times more per row). Inserts are for new
/// rows whose keys the application sets; updates rewrite every column of a row by its key and
/// succeed only when the stored version is the one the row was read at (optimistic concurrency,
/// as EF would check it). Rows may be buffered: <see cref="FlushAsync"/> writes what is pending.
/// </summary>
internal abstract class TableWriter<T> : IAsyncDisposable where T : class
{
    protected TableWriter(SalesMentorDb db)
    {
        Db = db;
        Shape = TableShape.For<T>(db);
        if (db.Database.CurrentTransaction is null) throw new InvalidOperationException("Bulk writes run inside the import's transaction.");
    }

    protected SalesMentorDb Db { get; }
    protected TableShape Shape { get; }

    /// <summary>The provider's writer: prepared statements on SQLite, COPY and batches on PostgreSQL.</summary>
    public static TableWriter<T> Create(SalesMentorDb db)
    {
        ArgumentNullException.ThrowIfNull(db);
        return db.Database.IsNpgsql() ? new PostgresTableWriter<T>(db) : new SqliteTableWriter<T>(db);
    }

    public abstract ValueTask InsertAsync(T row, CancellationToken ct);

    /// <summary>
    /// Rewrites the stored row with <paramref name="row"/>'s key. Its <c>Version</c> must already be
    /// the new one; the stored row must still have <paramref name="expectedVersion"/>, or the write
    /// fails with <see cref="DbUpdateConcurrencyException"/> (now or at the next flush).
    /// </summary>
    public abstract ValueTask UpdateAsync(T row, int expectedVersion, CancellationToken ct);

    public abstract Task FlushAsync(CancellationToken ct);

    public abstract ValueTask DisposeAsync();

    /// <summary>The text of an INSERT of <paramref name="rows"/> rows, with the given parameter names (row by row, column by column).</summary>
    protected string InsertSql(Func<int, string> parameter, int rows = 1)
    {
        var columns = Shape.Columns.Count;
        var values = Enumerable.Range(0, rows).Select(r => $"({string.Join(", ", Enumerable.Range(0, columns).Select(c => parameter((r * columns) + c)))})");
        return $"INSERT INTO {Shape.Table} ({string.Join(", ", Shape.Columns.Select(c => c.Name))}) VALUES {string.Join(", ", values)}";
    }

    /// <summary>
    /// The text of an UPDATE of one row by key and expected version. Parameters: one per column in
    /// column order, then the expected version at index <c>Columns.Count</c>.
    /// </summary>
    protected string UpdateSql(Func<int, string> parameter)
    {
        if (Shape.Version < 0) throw new InvalidOperationException($"{typeof(T).Name} has no version column to update by.");
        var sets = Shape.Columns.Select((c, i) => (c, i)).Where(x => !x.c.IsKey).Select(x => $"{x.c.Name} = {parameter(x.i)}");
        return $"UPDATE {Shape.Table} SET {string.Join(", ", sets)} WHERE {Shape.Columns[Shape.Key].Name} = {parameter(Shape.Key)} " +
               $"AND {Shape.Columns[Shape.Version].Name} = {parameter(Shape.Columns.Count)}";
    }

    protected static DbUpdateConcurrencyException Stale() =>
        new($"A {typeof(T).Name} changed while the import ran (its version moved on); nothing of the file was written.");
}
