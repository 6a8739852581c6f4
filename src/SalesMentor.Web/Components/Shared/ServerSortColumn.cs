using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace SalesMentor.Web.Components.Shared;

/// <summary>
/// A data grid column for grids sorted on the server: its cells come from its template, and a sort on it reaches
/// <c>ServerData</c> under <see cref="SortKey"/>. The grid's own settings decide sorting, column options, resizing and
/// drag and drop, as for a <see cref="PropertyColumn{T, TProperty}"/>, which renders the same but compiles its property
/// expression on every page render.
/// </summary>
/// <typeparam name="T">The type of the grid's rows.</typeparam>
public sealed class ServerSortColumn<T> : TemplateColumn<T>
{
    /// <summary>What <c>GridState.SortDefinitions</c> call this column (its <c>SortBy</c>).</summary>
    [Parameter, EditorRequired] public string SortKey { get; set; } = "";

    /// <inheritdoc />
    public override string PropertyName => SortKey;

    /// <inheritdoc />
    [Parameter] public override bool? Sortable { get; set; }

    /// <inheritdoc />
    [Parameter] public override bool? Filterable { get; set; }

    /// <inheritdoc />
    [Parameter] public override bool? DragAndDropEnabled { get; set; }

    /// <inheritdoc />
    [Parameter] public override bool? Resizable { get; set; }

    /// <inheritdoc />
    [Parameter] public override bool? ShowColumnOptions { get; set; }
}
