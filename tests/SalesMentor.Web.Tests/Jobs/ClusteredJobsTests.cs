using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using SalesMentor.App;
using SalesMentor.App.Jobs;
using SalesMentor.App.Tests.Infrastructure;

namespace SalesMentor.Web.Tests.Jobs;

/// <summary>
/// Two schedulers of two app instances on one PostgreSQL database, each built by the app's own registration, with a
/// job that fires every second: every fire runs on exactly one of them, and when one instance stops the other
/// carries on alone.
/// </summary>
public class ClusteredJobsTests
{
    [Fact]
    public async Task TwoInstances_OnPostgres_RunEachFireOfAJobExactlyOnce()
    {
        await using var database = await TestDatabase.CreateAsync(Provider.Postgres);
        await using var first = await NodeAsync(database);
        await using var second = await NodeAsync(database);
        Assert.True(first.Scheduler.Clustered && second.Scheduler.Clustered);
        Assert.NotEqual(first.Scheduler.Shared!.SchedulerInstanceId, second.Scheduler.Shared!.SchedulerInstanceId);
        Assert.Equal(2L, await CountAsync(database, "SELECT count(*) FROM qrtz_scheduler_state WHERE sched_name = 'SalesMentor'"));

        await WaitAsync(() => Ticks(first).Count + Ticks(second).Count >= 10);
        await first.Scheduler.StopAsync(CancellationToken.None);
        var secondBefore = Ticks(second).Count;
        await WaitAsync(() => Ticks(second).Count >= secondBefore + 3);
        await second.Scheduler.StopAsync(CancellationToken.None);

        var fires = Ticks(first).Concat(Ticks(second)).Select(r => r.ScheduledFireTime).ToList();
        Assert.True(fires.Count >= 13);
        Assert.Equal(fires.Count, fires.Distinct().Count());
        Assert.All(Ticks(first).Concat(Ticks(second)), r => Assert.True(r.Succeeded));
    }

    private static List<JobRun> Ticks(Node node) => [.. node.Services.GetRequiredService<JobRuns>().Snapshot().Where(r => r.Job == "tick")];

    /// <summary>An app instance's services and scheduler (what the web host starts), plus a job firing every second.</summary>
    private static async Task<Node> NodeAsync(TestDatabase database)
    {
        var settings = database.Settings;
        settings["Kpis:RefreshSeconds"] = "0";
        settings["Jobs:ClusterCheckinSeconds"] = "2";
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection().AddLogging().AddSalesMentorApp(configuration);
        JobRegistry.AddSalesMentorJobs(services);
        services.AddScheduledJob(new ScheduledJob("tick", RunsOn.OneInstance, _ => JobSchedule.Every(TimeSpan.FromSeconds(1)),
            (_, _) => Task.FromResult<string?>(null)));
        var provider = services.BuildServiceProvider();
        var scheduler = provider.GetRequiredService<JobScheduler>();
        await scheduler.StartAsync(CancellationToken.None);
        Assert.Null(scheduler.StartFailure);
        return new Node(provider, scheduler);
    }

    private static async Task WaitAsync(Func<bool> condition)
    {
        for (var i = 0; i < 1200 && !condition(); i++) await Task.Delay(100);
        Assert.True(condition(), "the scheduled job did not run as often as expected within two minutes");
    }

    private static async Task<long> CountAsync(TestDatabase database, string sql)
    {
        await using var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    private sealed record Node(ServiceProvider Services, JobScheduler Scheduler) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            await Scheduler.DisposeAsync();
            await Services.DisposeAsync();
        }
    }
}
