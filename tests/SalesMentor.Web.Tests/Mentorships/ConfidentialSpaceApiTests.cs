using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using SalesMentor.App.Data;
using SalesMentor.App.Domain;
using SalesMentor.App.Features.Confidential;
using SalesMentor.App.Tests.Infrastructure;
using SalesMentor.Web.Tests.Infrastructure;

namespace SalesMentor.Web.Tests.Mentorships;

/// <summary>The confidential space over HTTP with a real mail server: the pair talks, everyone else gets 404, and no mail or log line carries the text.</summary>
public class ConfidentialSpaceApiTests
{
    private const string Canary = "CANARY-api-i-freeze-on-pricing-calls";
    private const string ReplyCanary = "CANARY-api-role-play-it-with-me";

    [Theory, BothProviders]
    public async Task MenteeRaises_MentorAnswers_SupervisorAndAdminGet404_MailSaysOnlyNewMessage(Provider provider)
    {
        await using var host = await WebTestHost.StartAsync(provider);
        var world = await host.CreateWorldAsync();
        var mentorship = new Mentorship
        {
            MentorId = world.Star.Id, MenteeId = world.RepA.Id, Stage = MentorshipStage.Active, StartedOn = new DateOnly(2026, 6, 1), Source = "imported", CreatedAt = DateTime.UtcNow,
        };
        await using (var scope = host.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<SalesMentorDb>();
            db.Mentorships.Add(mentorship);
            await db.SaveChangesAsync();
        }

        using var mentee = await host.SignedInClientAsync(world.RepA.Email!);
        using var mentor = await host.SignedInClientAsync(world.Star.Email!);
        using var supervisor = await host.SignedInClientAsync(world.SupervisorA.Email!);
        using var admin = await host.SignedInClientAsync(world.Admin.Email!);

        using var raised = await mentee.PostAsJsonAsync($"/api/mentorships/{mentorship.Id}/concerns", new RaiseConcernRequest(ConcernKind.Concern, Canary));
        Assert.Equal(HttpStatusCode.OK, raised.StatusCode);
        var concern = (await raised.Content.ReadFromJsonAsync<ConcernView>(JsonSerializerOptions.Web))!;
        using var replied = await mentor.PostAsJsonAsync($"/api/concerns/{concern.Id}/replies", new ReplyRequest(ReplyCanary));
        Assert.Equal(HttpStatusCode.OK, replied.StatusCode);
        var thread = await mentee.GetStringAsync($"/api/concerns/{concern.Id}");
        Assert.Contains(ReplyCanary, thread, StringComparison.Ordinal);

        foreach (var (who, client) in new[] { ("supervisor", supervisor), ("admin", admin) })
        {
            foreach (var path in new[] { $"/api/mentorships/{mentorship.Id}/concerns", $"/api/concerns/{concern.Id}", $"/api/mentorships/{mentorship.Id}/concern-reads" })
            {
                using var response = await client.GetAsync(path);
                var body = await response.Content.ReadAsStringAsync();
                Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"{who} {path}: {(int)response.StatusCode}");
                Assert.DoesNotContain("CANARY", body, StringComparison.Ordinal);
            }

            using var reply = await client.PostAsJsonAsync($"/api/concerns/{concern.Id}/replies", new ReplyRequest("CANARY-intruder"));
            Assert.Equal(HttpStatusCode.NotFound, reply.StatusCode);
        }

        // The admin's own views of the system carry no confidential text either.
        foreach (var path in new[] { "/api/audit", "/api/outbox" })
        {
            Assert.DoesNotContain("CANARY", await admin.GetStringAsync(path), StringComparison.Ordinal);
        }

        var toMentor = await host.Smtp.WaitForAsync(world.Star.Email!);
        var toMentee = await host.Smtp.WaitForAsync(world.RepA.Email!, m => m.Subject?.Contains("new message", StringComparison.Ordinal) == true);
        foreach (var mail in new[] { toMentor, toMentee })
        {
            Assert.Equal("You have a new message in your mentorship", mail.Subject);
            Assert.DoesNotContain("CANARY", mail.ToString(), StringComparison.Ordinal);
        }

        var reads = await mentee.GetStringAsync($"/api/mentorships/{mentorship.Id}/concern-reads");
        Assert.Contains("Stella Star", reads, StringComparison.Ordinal);
        Assert.DoesNotContain("Ada Admin", reads, StringComparison.Ordinal);
        Assert.DoesNotContain("CANARY", host.Logs.All, StringComparison.Ordinal);
    }
}
