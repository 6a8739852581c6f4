using System.Text.RegularExpressions;
using SalesMentor.App.Tests.Infrastructure;
using SalesMentor.Web.Components.Pages.Mentorships;

namespace SalesMentor.Web.Tests.Mentorships;

/// <summary>Shared session notes are Markdown from people: what the page renders can never carry script or raw HTML.</summary>
public partial class SafeMarkdownTests
{
    private static readonly HashSet<string> AllowedTags = new(StringComparer.Ordinal)
    {
        "p", "em", "strong", "a", "ul", "ol", "li", "code", "pre", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "hr", "br",
        "table", "thead", "tbody", "tr", "th", "td", "del", "ins", "mark", "sup", "sub",
    };

    [Theory]
    [InlineData("<script>alert(1)</script>")]
    [InlineData("<img src=x onerror=alert(1)>")]
    [InlineData("<a href=\"javascript:alert(1)\">x</a>")]
    [InlineData("[click](javascript:alert(1))")]
    [InlineData("[click](JaVaScRiPt:alert(1))")]
    [InlineData("[click](&#106;avascript:alert(1))")]
    [InlineData("[click]( javascript:alert(1) )")]
    [InlineData("[click](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)")]
    [InlineData("[click](vbscript:msgbox(1))")]
    [InlineData("<javascript:alert(1)>")]
    [InlineData("![pixel](https://tracker.example/p.png)")]
    [InlineData("[x](https://example.com \"\\\" onmouseover=\\\"alert(1)\")")]
    [InlineData("<iframe src=\"https://evil.example\"></iframe>")]
    [InlineData("<!-- comment --><style>body{display:none}</style>")]
    public void HostileMarkdown_RendersNoHtmlAndNoScript(string markdown)
    {
        var html = SafeMarkdown.ToHtml(markdown);

        AssertSafe(markdown, html);
        Assert.DoesNotContain("<img", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<iframe", html, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void EveryNaughtyString_RendersOnlyAllowedTagsAndSafeLinks()
    {
        foreach (var text in NaughtyStrings.All) AssertSafe(text, SafeMarkdown.ToHtml(text));
        foreach (var text in NaughtyStrings.All) AssertSafe(text, SafeMarkdown.ToHtml($"[{text}]({text})\n\n**{text}**\n\n- {text}"));
    }

    [Fact]
    public void OrdinaryMarkdown_StillRenders()
    {
        var html = SafeMarkdown.ToHtml("## Pricing\n\n**Went well**: *role-play*\n\n- call Ana\n- [deck](https://intranet.example/deck)\n\n`code`");

        Assert.Contains("<h2>Pricing</h2>", html, StringComparison.Ordinal);
        Assert.Contains("<strong>Went well</strong>", html, StringComparison.Ordinal);
        Assert.Contains("<li>call Ana</li>", html, StringComparison.Ordinal);
        Assert.Contains("<a href=\"https://intranet.example/deck\">deck</a>", html, StringComparison.Ordinal);
        Assert.Equal("", SafeMarkdown.ToHtml("   "));
        Assert.Contains("&lt;script&gt;", SafeMarkdown.ToHtml("<script>alert(1)</script>"), StringComparison.Ordinal);
    }

    private static void AssertSafe(string input, string html)
    {
        foreach (Match tag in Tag().Matches(html))
        {
            var name = tag.Groups["name"].Value.TrimStart('/').ToLowerInvariant();
            Assert.True(AllowedTags.Contains(name), $"<{name}> rendered from {input}");
            foreach (Match attribute in Attribute().Matches(tag.Groups["attributes"].Value))
            {
                var (key, value) = (attribute.Groups["key"].Value.ToLowerInvariant(), System.Net.WebUtility.HtmlDecode(attribute.Groups["value"].Value));
                var ok = key switch
                {
                    "href" => value.Length == 0 || SafeMarkdown.IsSafe(value),
                    "start" => value.All(char.IsAsciiDigit),
                    "class" => value.StartsWith("language-", StringComparison.Ordinal),
                    "style" => value.StartsWith("text-align:", StringComparison.Ordinal),
                    _ => false,
                };
                Assert.True(ok, $"{key}=\"{value}\" on <{name}> rendered from {input}");
            }

            var rest = Attribute().Replace(tag.Groups["attributes"].Value, "").Replace("/", "", StringComparison.Ordinal);
            Assert.True(string.IsNullOrWhiteSpace(rest), $"<{name}> carries more than known attributes ({rest}) from {input}");
        }
    }

    [GeneratedRegex("<(?<name>/?[a-zA-Z][a-zA-Z0-9]*)(?<attributes>[^>]*)>")]
    private static partial Regex Tag();

    [GeneratedRegex("(?<key>[a-zA-Z-]+)=\"(?<value>[^\"]*)\"")]
    private static partial Regex Attribute();
}
