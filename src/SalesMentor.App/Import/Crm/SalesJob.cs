namespace SalesMentor.App.Import.Crm;

/// <summary>
/// One sales-data import, ready to run: how to read the file's header into a format, the kind of
/// data, and — for CRMs whose rows need the user's confirmation first — what may block writing.
/// </summary>
internal sealed class SalesJob<TRecord, TEntity>(
    Func<HeaderIndex, List<string>, IRecordFormat<TRecord>?> bind, SalesKind<TRecord, TEntity> kind, OrgContext org, Func<string?>? blocker = null)
    where TRecord : class, IRecord, new() where TEntity : class
{
    public Func<HeaderIndex, List<string>, IRecordFormat<TRecord>?> Bind { get; } = bind;
    public SalesKind<TRecord, TEntity> Kind { get; } = kind;
    public OrgContext Org { get; } = org;

    /// <summary>Evaluated after the last row: a reason the rows may not be written yet, or null.</summary>
    public Func<string?>? Blocker { get; } = blocker;
}
