using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using SalesMentor.App.Domain;
using SalesMentor.App.Features.People;
using SalesMentor.App.Features.Settings;
using SalesMentor.App.Tests.Infrastructure;
using SalesMentor.Core.People;
using SalesMentor.Web.Tests.Infrastructure;
using Xunit.Abstractions;

namespace SalesMentor.Web.Tests.Security;
/// <summary>
/// Requests that are not what an endpoint reads — malformed or oversized bodies, bodies cut short on
/// the wire, paging past the ends of int: 4xx, never 5xx, and nothing changes.
/// </summary>
public class MalformedRequestTests(ITestOutputHelper output)
{
    public static TheoryData<string> WriteRoutes => new() { "/api/people/{RepA}", "/api/settings" };

    /// <summary>Bodies that are not what the endpoint reads: 400, 413 or 415 — never 5xx — and nothing changes.</summary>
    [Theory]
    [MemberData(nameof(WriteRoutes))]
    public async Task Put_MalformedBodies_AreRefusedAndChangeNothing(string route)
    {
        await using var host = await WebTestHost.StartAsync();
        var world = await host.CreateWorldAsync();
        using var admin = await host.SignedInClientAsync(world.Admin.Email!);
        var path = route.Replace("{RepA}", world.RepA.Id.ToString(), StringComparison.Ordinal);
        var valid = route == "/api/settings"
            ? JsonSerializer.Serialize(TestHttp.UpdateOf(await TestHttp.StoredSettingsAsync(host)), JsonSerializerOptions.Web)
            : JsonSerializer.Serialize(TestHttp.UpdateOf((await TestHttp.StoredPersonAsync(host, world.RepA.Id))!), JsonSerializerOptions.Web);
        var fiveMegabytes = new string('n', 5 * 1024 * 1024);
        var huge = route == "/api/settings"
            ? valid.Replace("\"name\":\"", "\"name\":\"" + fiveMegabytes, StringComparison.Ordinal)
            : valid.Replace("\"title\":\"", "\"title\":\"" + fiveMegabytes, StringComparison.Ordinal);
        var cases = new (string What, HttpContent Content, int[] Allowed)[]
        {
            ("malformed JSON", TestHttp.Json("{\"name\": \"x\",, }"), [400]),
            ("truncated JSON", TestHttp.Json(valid[..(valid.Length / 2)]), [400]),
            ("wrong types", TestHttp.Json(valid.Replace("\"version\":", "\"version\":\"one\",\"x\":", StringComparison.Ordinal)), [400]),
            ("a number for a string", TestHttp.Json(valid.Replace("\"name\":\"", "\"name\":5,\"x\":\"", StringComparison.Ordinal)), [400]),
            ("an overflowing number", TestHttp.Json(valid.Replace("\"version\":", "\"version\":99999999999999999999,\"x\":", StringComparison.Ordinal)), [400]),
            ("a JSON array", TestHttp.Json("[1,2,3]"), [400]),
            ("JSON null", TestHttp.Json("null"), [400]),
            ("an empty body", TestHttp.Json(""), [400]),
            ("nesting 10 000 deep", TestHttp.Json(new string('[', 10_000) + new string(']', 10_000)), [400]),
            ("Latin-1 bytes labelled UTF-8", new ByteArrayContent(Encoding.Latin1.GetBytes(valid.Replace("\"name\":\"", "\"name\":\"Zoë ", StringComparison.Ordinal))) { Headers = { ContentType = new("application/json") { CharSet = "utf-8" } } }, [400]),
            ("UTF-16 bytes", new ByteArrayContent(Encoding.Unicode.GetBytes(valid)) { Headers = { ContentType = new("application/json") } }, [400, 415]),
            ("a 5 MB string", TestHttp.Json(huge), [400, 413]),
            ("text/plain", TestHttp.Json(valid, "text/plain"), [415]),
            ("a form", new FormUrlEncodedContent(new Dictionary<string, string> { ["name"] = "x" }), [415]),
            ("XML", TestHttp.Json("<person><name>x</name></person>", "application/xml"), [415]),
            ("no content type", new ByteArrayContent(Encoding.UTF8.GetBytes(valid)), [415]),
        };
        var before = await StateAsync(host, world);
        var failures = new List<string>();
        foreach (var (what, content, allowed) in cases)
        {
            using (content)
            using (var response = await admin.PutAsync(path, content))
            {
                var status = (int)response.StatusCode;
                if (!allowed.Contains(status)) failures.Add($"{what}: {status} {TestHttp.Shorten(await response.Content.ReadAsStringAsync())}");
                else if (await TestHttp.ProblemCodeAsync(response) is null) failures.Add($"{what}: {status} without a ProblemDetails code");
            }

            if (await StateAsync(host, world) != before) failures.Add($"{what}: the stored record changed");
        }

        // A body larger than the server accepts (30 MB): 413, or the connection is cut; nothing changes and the server serves on.
        using (var tooLarge = new HttpRequestMessage(HttpMethod.Put, path) { Content = new ByteArrayContent(new byte[31_000_000]) { Headers = { ContentType = new("application/json") } } })
        {
            tooLarge.Headers.ExpectContinue = true;
            try
            {
                using var response = await admin.SendAsync(tooLarge);
                if (response.StatusCode != HttpStatusCode.RequestEntityTooLarge) failures.Add($"31 MB body: {(int)response.StatusCode}");
            }
            catch (HttpRequestException e)
            {
                output.WriteLine("31 MB body: the server cut the connection: " + e.Message);
            }
        }

        // A body cut short on the wire (Content-Length promises more than arrives).
        var truncated = await SendTruncatedAsync(host, world, path, valid.Replace("\"name\":\"", "\"name\":\"Cut ", StringComparison.Ordinal));
        output.WriteLine("body cut short on the wire: " + truncated);
        if (truncated != ConnectionClosed && !truncated.StartsWith("HTTP/1.1 4", StringComparison.Ordinal)) failures.Add("body cut short on the wire: " + truncated);

        Assert.Equal(before, await StateAsync(host, world));
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/api/settings")).StatusCode);
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    /// <summary>Page numbers and sizes at and past the ends of int, negative, and not numbers: no 5xx, and never more than the largest page.</summary>
    [Fact]
    public async Task ListEndpoints_HugeOrNegativePaging_NeverServerError()
    {
        await using var host = await WebTestHost.StartAsync();
        var world = await host.CreateWorldAsync();
        using var admin = await host.SignedInClientAsync(world.Admin.Email!);
        List<string> lists = ["/api/people", $"/api/people/{world.RepA.Id}/opportunities", $"/api/people/{world.RepA.Id}/activities", "/api/accounts", "/api/outbox", "/api/audit"];
        using (var imports = await admin.GetAsync("/api/imports"))
        {
            if (imports.StatusCode != HttpStatusCode.NotFound) lists.Add("/api/imports"); // once the import endpoints exist
        }

        (string Page, string Size)[] pagings =
        [
            ("2147483647", "2147483647"), ("2147483647", "500"), ("-2147483648", "-2147483648"), ("-1", "-1"), ("0", "0"),
            ("99999999999", "25"), ("0", "99999999999"), ("1e9", "x"), ("", ""), ("1073741824", "3"),
        ];
        var failures = new List<string>();
        foreach (var list in lists)
        {
            foreach (var (page, size) in pagings)
            {
                var url = $"{list}?page={page}&pageSize={size}";
                using var response = await admin.GetAsync(url);
                var status = (int)response.StatusCode;
                var body = await response.Content.ReadAsStringAsync();
                if (status == 200)
                {
                    using var json = JsonDocument.Parse(body);
                    var paged = json.RootElement.TryGetProperty("messages", out var messages) ? messages : json.RootElement;
                    if (paged.GetProperty("items").GetArrayLength() > App.Common.PageRequest.MaxPageSize) failures.Add($"{url}: more than {App.Common.PageRequest.MaxPageSize} items");
                }
                else if (status != 400 || await TestHttp.ProblemCodeAsync(response) is null)
                {
                    failures.Add($"{url}: {status} {TestHttp.Shorten(body)}");
                }
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    private const string ConnectionClosed = "(the server closed the connection without an answer)";

    private static async Task<string> StateAsync(WebTestHost host, TestWorld world) =>
        TestHttp.Snapshot(await TestHttp.StoredPersonAsync(host, world.RepA.Id)) + TestHttp.Snapshot(await TestHttp.StoredSettingsAsync(host));

    /// <summary>Sends the head and half the body of a PUT over a raw socket, then closes the sending side; returns the status line.</summary>
    private static async Task<string> SendTruncatedAsync(WebTestHost host, TestWorld world, string path, string json)
    {
        var jar = new CookieContainer();
        using var client = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, CookieContainer = jar }) { BaseAddress = host.BaseAddress };
        Assert.Equal(HttpStatusCode.Redirect, (await WebTestHost.SignInAsync(client, world.Admin.Email!, TestWorld.Password)).StatusCode);
        var token = (await client.GetFromJsonAsync<Web.Api.ApiRouting.AntiforgeryTokenView>("/api/antiforgery"))!;
        var bytes = Encoding.UTF8.GetBytes(json);
        var head = $"PUT {path} HTTP/1.1\r\nHost: {host.BaseAddress.Authority}\r\nCookie: {jar.GetCookieHeader(host.BaseAddress)}\r\n" +
                   $"{token.HeaderName}: {token.Token}\r\nContent-Type: application/json\r\nContent-Length: {bytes.Length}\r\nConnection: close\r\n\r\n";
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(host.BaseAddress.Host, host.BaseAddress.Port);
        var stream = tcp.GetStream();
        await stream.WriteAsync(Encoding.ASCII.GetBytes(head));
        await stream.WriteAsync(bytes.AsMemory(0, bytes.Length / 2));
        tcp.Client.Shutdown(SocketShutdown.Send);
        using var reader = new StreamReader(stream, Encoding.ASCII);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        try
        {
            return await reader.ReadLineAsync(timeout.Token) ?? ConnectionClosed;
        }
        catch (IOException)
        {
            return ConnectionClosed; // Kestrel may drop a connection whose body ended early instead of answering
        }
    }
}
