using Markdig;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace SalesMentor.Web.Components.Pages.Mentorships;

/// <summary>
/// Renders shared session notes (Markdown, as the pair wrote them) to HTML that cannot carry script: raw HTML is
/// escaped as text (<c>DisableHtml</c>), images become plain links (no tracking pixels), and a link keeps its address
/// only when it is http, https or mailto — a <c>javascript:</c>, <c>data:</c> or other address is dropped.
/// </summary>
public static class SafeMarkdown
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().DisableHtml().UsePipeTables().UseEmphasisExtras().Build();

    /// <summary>The HTML of <paramref name="markdown"/>; empty for null or blank text.</summary>
    public static string ToHtml(string? markdown)
    {
        if (string.IsNullOrWhiteSpace(markdown)) return "";
        var document = Markdown.Parse(markdown, Pipeline);
        foreach (var link in document.Descendants<LinkInline>())
        {
            link.IsImage = false;
            if (!IsSafe(link.Url)) link.Url = "";
            link.Title = null;
        }

        foreach (var link in document.Descendants<AutolinkInline>())
        {
            if (!IsSafe(link.Url)) link.Url = "";
        }

        return document.ToHtml(Pipeline);
    }

    /// <summary>An absolute http, https or mailto address; relative addresses and every other scheme are refused.</summary>
    public static bool IsSafe(string? url) =>
        url is { Length: > 0 } && Uri.TryCreate(url.Trim(), UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" or "mailto";
}
