namespace SalesMentor.App.Common;

/// <summary>One page of a longer list: <see cref="Total"/> counts every matching item.</summary>
public sealed record Paged<T>(IReadOnlyList<T> Items, int Total, int Page, int PageSize);

/// <summary>Page and size from a request, clamped to sane bounds (page is 0-based; size 0 means the default).</summary>
public readonly record struct PageRequest(int Page = 0, int PageSize = PageRequest.DefaultPageSize)
{
    public const int DefaultPageSize = 25;
    public const int MaxPageSize = 500;

    public int SafePage => Math.Max(0, Page);

    public int SafeSize => PageSize <= 0 ? DefaultPageSize : Math.Min(PageSize, MaxPageSize);

    public int Skip => (int)Math.Min((long)SafePage * SafeSize, int.MaxValue);
}
