using System.Net;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using SalesMentor.App.Common;
using SalesMentor.App.Data;
using SalesMentor.App.Domain;
using SalesMentor.App.Features.Health;
using SalesMentor.App.Features.Programs;
using SalesMentor.App.Tests.Infrastructure;
using SalesMentor.Web.Tests.Infrastructure;
using SalesMentor.Web.Tests.Security;

namespace SalesMentor.Web.Tests.Mentorships;

/// <summary>Pulses, adoption and the health page over HTTP: author-only answers, reasons-only health, clear errors for bad input.</summary>
public class HealthApiTests
{
    private const string Canary = "CANARY-api-pulse-i-dread-our-sessions";

    [Theory, BothProviders]
    public async Task APulseOverHttp_IsTheAuthorsOnly_TheHealthPageSaysTheReasonOnly_AndBadInputIsAClearError(Provider provider)
    {
        await using var host = await WebTestHost.StartAsync(provider);
        var world = await host.CreateWorldAsync();
        Guid mentorshipId, programId;
        await using (var scope = host.Services.CreateAsyncScope())
        {
            var created = await scope.ServiceProvider.GetRequiredService<CreateProgram>().HandleAsync(Actor.User(world.Admin.Id, world.Admin.Name, true),
                new ProgramRequest("Winter cohort", null, null, null, "best", 0, Rules: new ProgramRulesView(false, true, false, true, 2)), default);
            programId = created.Value.Id;
            var db = scope.ServiceProvider.GetRequiredService<SalesMentorDb>();
            var m = new Mentorship { ProgramId = programId, MentorId = world.Star.Id, MenteeId = world.RepA.Id, Stage = MentorshipStage.Active, StartedOn = DateOnly.FromDateTime(DateTime.UtcNow), Source = "matched", CreatedAt = DateTime.UtcNow };
            db.Mentorships.Add(m);
            await db.SaveChangesAsync();
            mentorshipId = m.Id;
        }

        using var mentee = await host.SignedInClientAsync(world.RepA.Email!);
        using var mentor = await host.SignedInClientAsync(world.Star.Email!);
        using var supervisor = await host.SignedInClientAsync(world.SupervisorA.Email!);
        using var admin = await host.SignedInClientAsync(world.Admin.Email!);

        using var saved = await mentee.PostAsJsonAsync($"/api/mentorships/{mentorshipId}/pulses", new PulseRequest(2, 4, 4, 4, Canary));
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        Assert.Contains(Canary, await mentee.GetStringAsync($"/api/mentorships/{mentorshipId}/pulses"), StringComparison.Ordinal);

        var mentorPulses = await mentor.GetStringAsync($"/api/mentorships/{mentorshipId}/pulses");
        var health = await admin.GetStringAsync($"/api/programs/{programId}/health");
        Assert.DoesNotContain("CANARY", mentorPulses, StringComparison.Ordinal);
        Assert.Contains("cohesion low", health, StringComparison.Ordinal);
        Assert.DoesNotContain("CANARY", health, StringComparison.Ordinal);
        Assert.DoesNotContain("\"trust\"", health, StringComparison.Ordinal); // no answers, only aggregates — and there are none yet
        using (var hidden = await supervisor.GetAsync($"/api/mentorships/{mentorshipId}/pulses")) Assert.Equal(HttpStatusCode.NotFound, hidden.StatusCode);
        using (var refused = await supervisor.GetAsync($"/api/programs/{programId}/health")) Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode); // a draft program is hidden

        // Bad input: a clear ProblemDetails code, and the stored answer is unchanged.
        var bad = new (string Path, string Json, string Code)[]
        {
            ($"/api/mentorships/{mentorshipId}/pulses", """{"trust":9,"safety":4,"value":4,"commitment":4,"version":1}""", "pulse.score"),
            ($"/api/mentorships/{mentorshipId}/pulses", """{"trust":"high","safety":4,"value":4,"commitment":4}""", "request.invalid"),
            ($"/api/mentorships/{mentorshipId}/adoption", """{"behaviourGoalId":"0199aaaa-0000-7000-8000-00000000dead","level":"Trying"}""", "adoption.goal"),
            ($"/api/mentorships/{mentorshipId}/adoption", """{"behaviourGoalId":"0199aaaa-0000-7000-8000-00000000dead","level":"Expert"}""", "request.invalid"),
            ($"/api/mentorships/{mentorshipId}/value-observations", """{"valueId":"0199aaaa-0000-7000-8000-00000000dead","whatWasSeen":"x"}""", "value_observation.value"),
        };
        foreach (var (path, json, code) in bad)
        {
            using var content = new StringContent(json, Encoding.UTF8, "application/json");
            using var response = await mentee.PostAsync(path, content);
            Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{path} {json}: {(int)response.StatusCode}");
            Assert.Equal(code, await TestHttp.ProblemCodeAsync(response));
        }

        using (var settings = new StringContent("""{"pulseEveryWeeks":0,"noSessionAlertWeeks":3,"version":1}""", Encoding.UTF8, "application/json"))
        using (var response = await admin.PutAsync($"/api/programs/{programId}/health/settings", settings))
        {
            Assert.Equal("health.pulse_weeks", await TestHttp.ProblemCodeAsync(response));
        }

        var mine = await mentee.GetFromJsonAsync<MyPulsesView>($"/api/mentorships/{mentorshipId}/pulses", System.Text.Json.JsonSerializerOptions.Web);
        Assert.Equal((2, Canary), (mine!.Pulses.Single().Trust, mine.Pulses.Single().Comment));
        foreach (var path in new[] { "/api/audit", "/api/outbox" })
        {
            Assert.DoesNotContain("CANARY", await admin.GetStringAsync(path), StringComparison.Ordinal);
        }

        Assert.DoesNotContain("CANARY", host.Logs.All, StringComparison.Ordinal);
    }
}
