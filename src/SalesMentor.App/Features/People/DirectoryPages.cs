using Microsoft.EntityFrameworkCore;
using SalesMentor.App.Common;
using SalesMentor.App.Data;

namespace SalesMentor.App.Features.People;

/// <summary>
/// Pages of the people directory (<see cref="SearchPeople"/>) kept per instance: the same search, filters, order and page
/// on the same day give the same rows whoever asks (the directory shows no sales data), so they are answered from memory
/// while the <see cref="ChangeCounters.Directory"/> counter — raised by every write to People, Teams and Regions, whoever
/// writes — is unchanged. Nothing read inside a transaction is kept.
/// </summary>
public sealed class DirectoryPages(ChangeCounterReader counters)
{
    /// <summary>More rows than this kept in one version start the cache over (bounds its memory, whatever is asked).</summary>
    private const int MaxRows = 50_000;

    /// <summary>Larger pages (exports, "show 500") are read but not kept.</summary>
    private const int MaxKeptPageSize = 100;

    private readonly CountedMap<(SearchPeopleRequest, DateOnly), Paged<PersonRow>> _pages = new(MaxRows);

    /// <summary>The page as stored now: kept, or read by <paramref name="read"/> (and kept).</summary>
    public async Task<Paged<PersonRow>> GetAsync(
        SalesMentorDb db, SearchPeopleRequest request, DateOnly today, Func<Task<Paged<PersonRow>>> read, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(read);
        if (db.Database.CurrentTransaction is not null) return await read();
        var database = db.Database.GetConnectionString() ?? "";
        // The version first, then the rows: rows newer than their version only cause one more read later.
        var version = await counters.ReadAsync(db, ChangeCounters.Directory, ct);
        if (_pages.TryGet(database, version, (request, today), out var kept)) return kept;
        var page = await read();
        if (request.Paging.SafeSize <= MaxKeptPageSize) _pages.Keep(database, version, (request, today), page, page.Items.Count);
        return page;
    }
}
