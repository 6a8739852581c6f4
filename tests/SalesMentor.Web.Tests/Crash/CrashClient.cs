using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using SalesMentor.App.Features.Imports;
using SalesMentor.App.Features.People;
using SalesMentor.Core.People;

namespace SalesMentor.Web.Tests.Crash;

/// <summary>What one client knows of its writes: acknowledged, and in doubt (sent, no answer).</summary>
public sealed class CrashLedger
{
    /// <summary>The title of the last acknowledged update and the version the server answered with.</summary>
    public string? AckedTitle { get; set; }
    public int AckedVersion { get; set; }

    /// <summary>Titles sent after the last acknowledgement whose fate is unknown: the stored title may be any of them.</summary>
    public List<string> TitlesInDoubt { get; } = [];

    /// <summary>Roster batches the server acknowledged as imported; every row must be there.</summary>
    public List<string> AckedBatches { get; } = [];

    /// <summary>Roster batches without an acknowledgement: all rows or none.</summary>
    public List<string> BatchesInDoubt { get; } = [];

    public int AckedUpdates { get; set; }
    public int AckedImports { get; set; }
    public int Failed { get; set; }
}

/// <summary>
/// One writer: updates its own person's title (a client-chosen write id and a hash of it) through
/// PUT /api/people/{id}, and every fifth write imports a roster batch of <see cref="BatchSize"/> new
/// people through POST /api/imports/roster, which is all-or-nothing. Calls with an API token.
/// </summary>
public sealed class CrashClient(int number, PersonId person, UpdatePersonRequest baseline, string token)
{
    public const int BatchSize = 5;

    public int Number => number;
    public PersonId Person => person;
    public string BaselineTitle => baseline.Title ?? "";
    public CrashLedger Ledger { get; } = new();

    public static string Hash(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..16];

    public static string TitleOf(string writeId) => $"crash {writeId} {Hash(writeId)}";

    public static string EmailOf(string batch, int row) => $"{batch}-{row}@crash.test";

    public static string NameOf(string batch, int row) => $"Crash {batch} {row} {Hash(batch + row.ToString(CultureInfo.InvariantCulture))}";

    /// <summary>Learns the person's current version after a restart (an in-doubt write may have landed).</summary>
    public async Task<int> ResyncAsync(Uri address)
    {
        using var http = Client(address);
        var current = await http.GetFromJsonAsync<PersonDetails>($"api/people/{person}");
        return current!.Version;
    }

    /// <summary>Writes until <paramref name="stop"/> fires or the server goes away.</summary>
    public async Task RunAsync(Uri address, int version, CancellationToken stop)
    {
        using var http = Client(address);
        var sequence = 0;
        while (!stop.IsCancellationRequested)
        {
            sequence++;
            var writeId = $"{number}-{Guid.NewGuid():N}"[..20];
            try
            {
                if (sequence % 5 == 0)
                {
                    await ImportAsync(http, writeId);
                    continue;
                }

                var title = TitleOf(writeId);
                Ledger.TitlesInDoubt.Add(title);
                using var response = await http.PutAsJsonAsync($"api/people/{person}", baseline with { Title = title, Version = version }, CancellationToken.None);
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    var stored = (await response.Content.ReadFromJsonAsync<PersonDetails>(CancellationToken.None))!;
                    (Ledger.AckedTitle, Ledger.AckedVersion, version) = (stored.Title, stored.Version, stored.Version);
                    Ledger.TitlesInDoubt.Clear();
                    Ledger.AckedUpdates++;
                }
                else
                {
                    Ledger.Failed++;
                    if (response.StatusCode == HttpStatusCode.Conflict) version = await ResyncAsync(address);
                }
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException or IOException)
            {
                Ledger.Failed++;
                await Task.Delay(50, CancellationToken.None); // the server is gone (or going): stop soon
            }
        }
    }

    private async Task ImportAsync(HttpClient http, string batch)
    {
        var csv = new StringBuilder("name,email,title\r\n");
        for (var row = 0; row < BatchSize; row++) csv.Append(CultureInfo.InvariantCulture, $"{NameOf(batch, row)},{EmailOf(batch, row)},{TitleOf(batch)}\r\n");
        Ledger.BatchesInDoubt.Add(batch);
        using var content = new StringContent(csv.ToString(), Encoding.UTF8, "text/csv");
        using var response = await http.PostAsync($"api/imports/roster?fileName={batch}.csv", content, CancellationToken.None);
        if (response.StatusCode != HttpStatusCode.OK) return;
        var run = (await response.Content.ReadFromJsonAsync<ImportRunView>(CancellationToken.None))!;
        if (run.Status != App.Domain.ImportStatus.Completed) return;
        Ledger.BatchesInDoubt.Remove(batch);
        Ledger.AckedBatches.Add(batch);
        Ledger.AckedImports++;
    }

    private HttpClient Client(Uri address)
    {
        var http = new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromSeconds(30) }) { BaseAddress = address, Timeout = TimeSpan.FromSeconds(20) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return http;
    }
}
