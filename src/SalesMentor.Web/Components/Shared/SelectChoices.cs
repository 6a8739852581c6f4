using Microsoft.AspNetCore.Components;

namespace SalesMentor.Web.Components.Shared;

/// <summary>
/// The items a <c>MudSelect</c> needs in this render. A prerender (static HTML, nothing can be clicked or typed) shows
/// only the chosen item's label and never the list, yet MudSelect makes a component of every item it is given; so a
/// prerender gets the chosen item only, and the live (interactive) render, which opens the list and searches it by
/// keyboard, gets them all. The prerendered HTML is the same either way.
/// </summary>
public static class SelectChoices
{
    public static IEnumerable<T> For<T>(RendererInfo renderer, IEnumerable<T> all, Func<T, bool> isChosen)
    {
        ArgumentNullException.ThrowIfNull(renderer);
        ArgumentNullException.ThrowIfNull(all);
        ArgumentNullException.ThrowIfNull(isChosen);
        return renderer.IsInteractive ? all : all.Where(isChosen);
    }
}
