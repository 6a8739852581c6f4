using SalesMentor.App.Data;

namespace SalesMentor.App.Import.Crm;

/// <summary>
/// What one kind of sales data (deals, activities, quotas, exchange rates) needs from the import
/// engine: its stored rows by key, the checks that need stored data, and how a row becomes a
/// stored record. The engine (<see cref="SalesImporter"/>) does the reading, counting and writing.
/// </summary>
internal abstract class SalesKind<TRecord, TEntity> where TRecord : class, IRecord, new() where TEntity : class
{
    /// <summary>The kind in words: "opportunities".</summary>
    public abstract string What { get; }

    /// <summary>The field whose column a duplicate-key problem points at.</summary>
    public abstract string KeyField { get; }

    /// <summary>The file's header, once the format has read it: the columns each field comes from.</summary>
    public HeaderIndex? Header { get; set; }

    /// <summary>Loads the stored rows (of the format's source) into <paramref name="index"/>, and whatever else the checks need.</summary>
    public abstract Task LoadAsync(SalesMentorDb db, string source, KeyedIndex index, CancellationToken ct);

    /// <summary>Checks that need stored data (the person a quota names); records problems on <paramref name="row"/>.</summary>
    public virtual void Check(TRecord record, RowReader row) { }

    /// <summary>The row's key, or null when the value it comes from was bad.</summary>
    public abstract string? KeyOf(TRecord record);

    /// <summary>The problem for a key seen twice.</summary>
    public abstract string Duplicate(TRecord record, int firstLine);

    public abstract UInt128 Print(TRecord record);

    /// <summary>A row that is imported (added, updated or unchanged): counted for the report.</summary>
    public virtual void Accept(TRecord record) { }

    public abstract TEntity ToEntity(TRecord record, string source, Guid id, int version, DateTime now);

    /// <summary>After the rows are written, in the same transaction: re-link owners and deals.</summary>
    public virtual Task FinishAsync(SalesMentorDb db, CancellationToken ct) => OwnerRelink.RelinkAsync(db, ct);

    public virtual ImportReport Report() => new();

    /// <summary>The file's column that holds <paramref name="field"/>, for problems found after reading.</summary>
    public Column FieldColumn(string field)
    {
        foreach (var (name, column) in Header?.Used ?? [])
        {
            if (name == field) return column;
        }

        return Column.None;
    }
}
