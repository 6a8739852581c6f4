using System.Globalization;
using System.Net;
using System.Text;
using SalesMentor.App.Features.ApiTokens;
using SalesMentor.App.Tests.Infrastructure;
using SalesMentor.Web.Tests.Infrastructure;

namespace SalesMentor.Web.Tests.Security;

/// <summary>The bad-input corpus into the one string field of POST /api/tokens: the name round-trips (trimmed), or 400 with a code and nothing stored.</summary>
public class ApiTokenBadInputTests
{
    private static readonly string[] Extra = ["\0", "a\0b", "\uD800", "x\uDC00y", "\u202Eevil\u202C", "\r\n", "\t", new string('x', 10_000), "Zoë\u0301", "\uFEFFbom"];

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.Postgres)]
    public async Task TokenName_NaughtyStrings_RoundTripOrAre400(Provider provider)
    {
        await using var host = await WebTestHost.StartAsync(provider);
        var world = await host.CreateWorldAsync();
        using var session = await host.SignedInClientAsync(world.RepA.Email!);
        var corpus = NaughtyStrings.All.Concat(Extra).Concat(NaughtyStrings.RealNames).Distinct(StringComparer.Ordinal)
            .Where(s => provider == Provider.Sqlite || s.Any(c => c is < ' ' or > '~')).ToList();
        var failures = new List<string>();
        var stored = 0;
        foreach (var naughty in corpus)
        {
            using var body = new StringContent($"{{\"name\":{Literal(naughty)},\"scope\":\"Read\",\"expiresInDays\":7}}", Encoding.UTF8, "application/json");
            using var response = await session.PostAsync("/api/tokens", body);
            if (response.StatusCode == HttpStatusCode.OK)
            {
                stored++;
                var created = (await response.Content.ReadFromJsonAsync<CreatedApiToken>())!;
                if (created.Token.Name != naughty.Trim()) failures.Add($"{Literal(naughty)}: stored as {Literal(created.Token.Name)}");
                using var revoke = await session.DeleteAsync($"/api/tokens/{created.Token.Id}"); // stay under the active-token limit
            }
            else if (response.StatusCode != HttpStatusCode.BadRequest || await TestHttp.ProblemCodeAsync(response) is null)
            {
                failures.Add($"{Literal(naughty)}: {(int)response.StatusCode} {TestHttp.Shorten(await response.Content.ReadAsStringAsync())}");
            }
        }

        Assert.Equal(stored, (await TestTokens.StoredAsync(host)).Count);
        Assert.True(failures.Count == 0, string.Join("\n", failures.Take(30)));
        foreach (var name in NaughtyStrings.RealNames.Where(n => n.Trim().Length is > 0 and <= 100))
        {
            Assert.Contains((await TestTokens.StoredAsync(host)), t => t.Name == name.Trim());
        }
    }

    /// <summary>A JSON string literal with every non-ASCII code unit escaped, lone surrogates included.</summary>
    private static string Literal(string value)
    {
        var literal = new StringBuilder("\"");
        foreach (var c in value)
        {
            if (c is >= ' ' and <= '~' and not '"' and not '\\') literal.Append(c);
            else literal.Append(CultureInfo.InvariantCulture, $"\\u{(int)c:x4}");
        }

        return literal.Append('"').ToString();
    }
}
