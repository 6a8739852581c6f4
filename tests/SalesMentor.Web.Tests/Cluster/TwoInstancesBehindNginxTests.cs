using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using SalesMentor.App;
using SalesMentor.App.Data;
using SalesMentor.App.Domain;
using SalesMentor.App.Features.People;
using SalesMentor.App.Jobs;
using SalesMentor.App.Tests.Infrastructure;
using SalesMentor.Web.Tests.Crash;
using SalesMentor.Web.Tests.Infrastructure;
using SalesMentor.Web.Tests.Security;

namespace SalesMentor.Web.Tests.Cluster;

/// <summary>
/// docs/deploy.md "Several instances", for real: PostgreSQL, two app instances (the Release build, as processes) and
/// Debian's nginx with the configuration in deploy/nginx on loopback ports. Signed in through one instance, a person
/// keeps working through the other; the API goes round-robin and pages stay with one instance; 1,000 pairs of
/// concurrent updates of the same record across the two lose nothing; each mail is sent once; each fire of a
/// scheduled job runs once. Each response names the instance that served it (InstanceName).
/// </summary>
public partial class TwoInstancesBehindNginxTests
{
    private const string InstanceHeader = "X-SalesMentor-Instance";

    [Fact]
    public async Task TwoInstances_BehindNginx_ShareSignInWritesMailAndJobs()
    {
        _ = NginxProcess.Binary; // first of all: without nginx this test fails here, saying how to install it
        await using var database = await TestDatabase.CreateAsync(Provider.Postgres);
        await using var smtp = await TestSmtpServer.StartAsync();
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(database.Settings).Build();
        await using var services = new ServiceCollection().AddLogging().AddSalesMentorApp(configuration).BuildServiceProvider();
        var world = await TestWorld.CreateAsync(services, DateTime.UtcNow);
        var backups = Path.Combine(database.Folder, "backups");

        await using var a = await AppProcess.StartAsync(Settings(database, smtp, backups, "a"));
        await using var b = await AppProcess.StartAsync(Settings(database, smtp, backups, "b"));
        await using var nginx = await NginxProcess.StartAsync(a.Address, b.Address);
        var instances = new Dictionary<string, AppProcess> { ["a"] = a, ["b"] = b };

        // Sign in through nginx: a session cookie, then pages stick to one instance.
        var cookies = new CookieContainer();
        using var proxy = Client(nginx.Address, cookies);
        using (var signIn = await WebTestHost.SignInAsync(proxy, world.Admin.Email!, TestWorld.Password))
        {
            Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        }

        var pageServers = new List<string>();
        foreach (var page in new[] { "/", "/people", "/org", "/", "/people", "/programs" })
        {
            using var response = await proxy.GetAsync(page);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            pageServers.Add(Served(response));
        }

        var pagesOn = Assert.Single(pageServers.Distinct());
        var other = pagesOn == "a" ? "b" : "a";

        // The other instance accepts the same cookie: pages and the API (the Data Protection keys are in the database).
        using var otherDirect = Client(instances[other].Address, cookies);
        using (var page = await otherDirect.GetAsync("/people"))
        {
            Assert.Equal((HttpStatusCode.OK, other), (page.StatusCode, Served(page)));
        }

        // The API through nginx: round-robin over both, every answer 200.
        var antiforgery = await proxy.GetFromJsonAsync<JsonElement>("/api/antiforgery");
        proxy.DefaultRequestHeaders.Add(antiforgery.GetProperty("headerName").GetString()!, antiforgery.GetProperty("token").GetString());
        var apiServers = new List<string>();
        for (var i = 0; i < 8; i++)
        {
            using var response = await proxy.GetAsync($"/api/people/{world.RepA.Id}");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            apiServers.Add(Served(response));
        }

        Assert.Equal("a,b", string.Join(",", apiServers.Distinct().Order(StringComparer.Ordinal)));

        // Writes alternate between the instances through nginx; each instance reads the last one.
        var person = (await proxy.GetFromJsonAsync<PersonDetails>($"/api/people/{world.RepA.Id}"))!;
        var writers = new HashSet<string>();
        for (var i = 0; i < 6; i++)
        {
            using var response = await proxy.PutAsJsonAsync($"/api/people/{person.Id}", TestHttp.UpdateOf(person) with { Title = $"Title {i}" });
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            writers.Add(Served(response));
            person = (await response.Content.ReadFromJsonAsync<PersonDetails>())!;
        }

        Assert.Equal(2, writers.Count);
        foreach (var instance in instances.Values)
        {
            using var direct = Client(instance.Address, cookies);
            Assert.Equal("Title 5", (await direct.GetFromJsonAsync<PersonDetails>($"/api/people/{person.Id}"))!.Title);
        }

        await RaceUpdatesAsync(a, b, cookies, proxy, [world.RepA, world.RepB, world.RepC, world.Star]);
        await MailIsSentOnceAsync(proxy, smtp, services, [world.Vp, world.SupervisorA, world.SupervisorB, world.RepB, world.RepC, world.Star], a, b);
        await ScheduledJobRunsOncePerFireAsync(a, b, backups);

        foreach (var instance in instances.Values)
        {
            using var direct = Client(instance.Address, new CookieContainer());
            using var ready = JsonDocument.Parse(await direct.GetStringAsync("/health/ready"));
            var jobs = ready.RootElement.GetProperty("checks").GetProperty("jobs");
            Assert.Equal("Healthy", jobs.GetProperty("status").GetString());
            Assert.StartsWith("running, clustered on PostgreSQL", jobs.GetProperty("description").GetString(), StringComparison.Ordinal);
        }
    }

    /// <summary>
    /// 1,000 pairs: both instances get an update of the same record with the same version at the same moment. Exactly
    /// one of each pair wins and the other gets 409; the record's final state is the last winner's.
    /// </summary>
    private static async Task RaceUpdatesAsync(AppProcess a, AppProcess b, CookieContainer cookies, HttpClient proxy, SalesMentor.App.Domain.Person[] people)
    {
        const int PairsPerPerson = 250;
        var token = proxy.DefaultRequestHeaders.First(h => h.Key == "X-CSRF-TOKEN");
        var lanes = people.Select(async target =>
        {
            using var first = Client(a.Address, cookies);
            using var second = Client(b.Address, cookies);
            foreach (var client in new[] { first, second }) client.DefaultRequestHeaders.Add(token.Key, token.Value);
            var current = (await first.GetFromJsonAsync<PersonDetails>($"/api/people/{target.Id}"))!;
            var (won, conflicts, lost) = (0, 0, 0);
            for (var pair = 0; pair < PairsPerPerson; pair++)
            {
                var update = TestHttp.UpdateOf(current);
                var sent = await Task.WhenAll(
                    first.PutAsJsonAsync($"/api/people/{target.Id}", update with { Title = $"pair {pair} a" }),
                    second.PutAsJsonAsync($"/api/people/{target.Id}", update with { Title = $"pair {pair} b" }));
                var winners = sent.Where(r => r.StatusCode == HttpStatusCode.OK).ToList();
                Assert.All(sent, r => Assert.True(r.StatusCode is HttpStatusCode.OK or HttpStatusCode.Conflict, $"{r.StatusCode} from {Served(r)}"));
                conflicts += sent.Count(r => r.StatusCode == HttpStatusCode.Conflict);
                if (winners.Count > 1) lost++;
                if (winners.Count > 0)
                {
                    won++;
                    current = (await winners[^1].Content.ReadFromJsonAsync<PersonDetails>())!;
                }

                foreach (var response in sent) response.Dispose();
            }

            var stored = (await second.GetFromJsonAsync<PersonDetails>($"/api/people/{target.Id}"))!;
            return (won, conflicts, lost, current, stored);
        }).ToList();

        var results = await Task.WhenAll(lanes);
        Assert.Equal(0, results.Sum(r => r.lost));
        Assert.Equal(people.Length * PairsPerPerson, results.Sum(r => r.won));
        Assert.Equal(people.Length * PairsPerPerson, results.Sum(r => r.conflicts));
        Assert.All(results, r => Assert.Equal((r.current.Title, r.current.Version), (r.stored.Title, r.stored.Version)));
    }

    /// <summary>Password-reset mails asked for through nginx (so through both instances): each sent exactly once.</summary>
    private static async Task MailIsSentOnceAsync(HttpClient proxy, TestSmtpServer smtp, IServiceProvider services, SalesMentor.App.Domain.Person[] people, AppProcess a, AppProcess b)
    {
        foreach (var person in people)
        {
            using var response = await proxy.PostAsync($"/api/accounts/{person.Id}/reset-password", null);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        foreach (var person in people) await smtp.WaitForAsync(person.Email!, timeout: TimeSpan.FromMinutes(1));
        List<OutboxMessage> rows = [];
        for (var i = 0; i < 600; i++)
        {
            await using var scope = services.CreateAsyncScope();
            var emails = people.Select(p => p.Email!).ToList();
            rows = await scope.ServiceProvider.GetRequiredService<SalesMentorDb>().Outbox.AsNoTracking().Where(m => emails.Contains(m.ToAddress)).ToListAsync();
            if (rows.Count == people.Length && rows.All(m => m.Status == OutboxStatus.Sent)) break;
            await Task.Delay(100);
        }

        Assert.Equal(people.Length, rows.Count);
        Assert.All(rows, m => Assert.Equal((OutboxStatus.Sent, 1, (string?)null), (m.Status, m.Attempts, m.ClaimedBy)));
        foreach (var person in people) Assert.Single(smtp.Messages, m => m.To.Mailboxes.Any(x => x.Address == person.Email));
        var sentLines = a.Output.Concat(b.Output).Where(l => l.Contains("Sent outbox message ", StringComparison.Ordinal)).ToList();
        foreach (var row in rows) Assert.Single(sentLines, l => l.Contains(row.Id.ToString(), StringComparison.Ordinal));
    }

    /// <summary>The nightly backup, retimed to every 10 s on both instances: each fire runs on one of them only.</summary>
    private static async Task ScheduledJobRunsOncePerFireAsync(AppProcess a, AppProcess b, string backups)
    {
        List<(string Instance, string Fire)> Runs() => [.. a.Output.Concat(b.Output).Select(l => FinishedLine().Match(l)).Where(m => m.Success).Select(m => (m.Groups[1].Value, m.Groups[2].Value))];
        for (var i = 0; i < 900 && Runs().Count < 2; i++) await Task.Delay(100);
        var runs = Runs();
        Assert.True(runs.Count >= 2, "the backup job did not run twice within 90 s:\n" + string.Join("\n", a.Output.Concat(b.Output).TakeLast(40)));
        Assert.All(runs.GroupBy(r => r.Fire), fire => Assert.Single(fire));
        Assert.DoesNotContain(a.Output.Concat(b.Output), l => l.Contains("Job backup failed", StringComparison.Ordinal));
        Assert.True(Directory.GetFiles(backups, "salesmentor-2*.smbackup").Length >= runs.Count);
    }

    private static Dictionary<string, string?> Settings(TestDatabase database, TestSmtpServer smtp, string backups, string name)
    {
        var settings = database.Settings;
        settings["InstanceName"] = name;
        settings["Demo:Enabled"] = "false";
        settings["ReverseProxy:KnownProxies"] = "127.0.0.1";
        settings["Security:LoginRatePermitLimit"] = "1000";
        settings["Mail:Host"] = "127.0.0.1";
        settings["Mail:Port"] = smtp.Port.ToString(CultureInfo.InvariantCulture);
        settings["Mail:Security"] = "None";
        settings["Mail:PollSeconds"] = "0.5";
        settings["Backup:Nightly:Enabled"] = "true";
        settings["Backup:Nightly:Folder"] = backups;
        settings["Backup:Nightly:Keep"] = "1000";
        settings["Jobs:backup:Cron"] = "0/10 * * * * ?";
        settings["Jobs:ClusterCheckinSeconds"] = "5";
        settings[NightlyBackupOptions.PassphraseVariable] = "the two-instance test passphrase";
        return settings;
    }

    private static HttpClient Client(Uri address, CookieContainer cookies) =>
        new(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = true, CookieContainer = cookies }) { BaseAddress = address, Timeout = TimeSpan.FromSeconds(60) };

    private static string Served(HttpResponseMessage response) => response.Headers.GetValues(InstanceHeader).Single();

    [GeneratedRegex(@"Job backup finished on (\S+) \(fire of (\S+)\)")]
    private static partial Regex FinishedLine();
}
