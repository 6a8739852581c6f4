using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using SalesMentor.App.Data;
using SalesMentor.App.Domain;
using SalesMentor.App.Import;
using SalesMentor.App.Tests.Infrastructure;
using SalesMentor.Core.People;

namespace SalesMentor.App.Tests.Import;

/// <summary>
/// The bulk writers bypass EF, so they must store every value exactly as EF stores it: a row written by the writer
/// and the same row saved by EF hold the same text in every column (SQLite: <c>quote(column)</c>, so the storage class
/// counts too; PostgreSQL: the value as text), and EF finds and reads the writer's row.
/// </summary>
public class TableWriterTests
{
    private static readonly DateTime ImportedAt = new(2026, 3, 4, 5, 6, 7, 890, DateTimeKind.Utc);

    [Theory, BothProviders]
    public async Task Insert_OpportunityWithEveryKindOfValue_IsStoredAsEfStoresIt(Provider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var owner = await PersonAsync(app);
        Opportunity Deal(string id, Guid key) => new()
        {
            Id = key, Source = "salesforce", ExternalId = id, OwnerId = owner, OwnerRef = "005B00000001", Name = "Ünïcödé deal 'quoted' ✓",
            Account = "Acme", Product = null, Stage = "Closed Won", Amount = 1_234_567.8900m, Currency = "USD", CreatedOn = new DateOnly(2024, 1, 22),
            CloseDate = new DateOnly(2024, 12, 31), IsClosed = true, IsWon = true, Probability = 100, LeadSource = "", ImportedAt = ImportedAt, Version = 3,
        };

        // 33 rows: the SQLite writer sends the first 32 in one statement and the last one alone.
        var written = Enumerable.Range(1, 33).Select(i => Deal($"W-{i}", Guid.CreateVersion7())).ToList();
        var (_, byEf) = await WriteBothAsync(app, written, Deal("EF-1", Guid.CreateVersion7()));

        await AssertSameStorageAsync<Opportunity>(app, provider, written[0].Id, byEf.Id, "ExternalId");
        await AssertSameStorageAsync<Opportunity>(app, provider, written[^1].Id, byEf.Id, "ExternalId");
        var byWriter = written[0];
        await using var scope = app.Scope();
        var read = await scope.Db.Opportunities.AsNoTracking().SingleAsync(o => o.Id == byWriter.Id && o.OwnerId == owner);
        Assert.Equal((1_234_567.89m, new DateOnly(2024, 12, 31), ImportedAt, 3), (read.Amount, read.CloseDate, read.ImportedAt, read.Version));
    }

    [Theory, BothProviders]
    public async Task Insert_ActivityWithNullsAndAnEnum_IsStoredAsEfStoresIt(Provider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        Activity Touch(string id) => new()
        {
            Source = "salesforce", ExternalId = id, OwnerId = null, OwnerRef = null, Type = ActivityType.Meeting, Subject = null,
            Date = new DateOnly(2025, 2, 28), DurationMinutes = null, Completed = false, OpportunityRef = "006X", OpportunityId = null,
            ImportedAt = ImportedAt, Version = 0,
        };

        var (written, byEf) = await WriteBothAsync(app, [Touch("T-1")], Touch("T-2"));
        var byWriter = written[0];

        await AssertSameStorageAsync<Activity>(app, provider, byWriter.Id, byEf.Id, "ExternalId");
        await using var scope = app.Scope();
        Assert.Equal(ActivityType.Meeting, (await scope.Db.Activities.AsNoTracking().SingleAsync(a => a.Id == byWriter.Id)).Type);
    }

    [Theory, BothProviders]
    public async Task Insert_RowsWhoseValuesComeAndGo_StoresEachRowsOwnValues(Provider provider)
    {
        // The SQLite writer does not bind again a value equal to the one already bound at that position: values that
        // change, go back to null and come again must still be stored row by row. 70 rows: two 32-row statements, then
        // six single rows.
        await using var app = await TestApp.StartAsync(provider);
        var owner = await PersonAsync(app);
        var written = Enumerable.Range(0, 70).Select(i => new Activity
        {
            Id = Guid.CreateVersion7(), Source = i < 40 ? "salesforce" : "hubspot", ExternalId = $"A-{i}", OwnerId = i % 3 == 0 ? null : owner,
            OwnerRef = i % 3 == 0 ? null : "005X", Type = (ActivityType)(i % 4), Subject = i % 5 == 0 ? null : $"S{i % 2}",
            Date = new DateOnly(2025, 1, 1 + (i % 2)), DurationMinutes = i % 7 == 0 ? i : null, Completed = i % 2 == 0,
            ImportedAt = ImportedAt, Version = i % 2,
        }).ToList();
        await using (var scope = app.Scope())
        {
            await using var transaction = await scope.Db.Database.BeginTransactionAsync();
            await BulkInsert.InsertAsync(scope.Db, written, default);
            await transaction.CommitAsync();
        }

        await using var read = app.Scope();
        var stored = await read.Db.Activities.AsNoTracking().ToDictionaryAsync(a => a.ExternalId);
        Assert.Equal(written.Count, stored.Count);
        foreach (var row in written)
        {
            var s = stored[row.ExternalId];
            Assert.Equal(
                (row.Id, row.Source, row.OwnerId, row.OwnerRef, row.Type, row.Subject, row.Date, row.DurationMinutes, row.Completed, row.Version),
                (s.Id, s.Source, s.OwnerId, s.OwnerRef, s.Type, s.Subject, s.Date, s.DurationMinutes, s.Completed, s.Version));
        }
    }

    [Fact]
    public async Task ImportSession_OnSqlite_KeepsTemporaryFilesInMemoryDuringTheImportAndPutsTheSettingBack()
    {
        await using var app = await TestApp.StartAsync(Provider.Sqlite);
        await using var scope = app.Scope();
        var db = scope.Db;
        await db.Database.OpenConnectionAsync();
        var before = await TempStoreAsync(db);
        await db.Database.CloseConnectionAsync();

        await using (var session = await SqliteImportSession.StartAsync(db, writing: true, default))
        {
            Assert.NotNull(session);
            await using var transaction = await db.Database.BeginTransactionAsync();
            Assert.Equal(2, await TempStoreAsync(db));
        }

        await db.Database.OpenConnectionAsync();
        Assert.Equal(before, await TempStoreAsync(db));
        Assert.Null(await SqliteImportSession.StartAsync(db, writing: false, default));
    }

    private static async Task<long> TempStoreAsync(SalesMentorDb db)
    {
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        command.CommandText = "PRAGMA temp_store";
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    [Theory, BothProviders]
    public async Task Update_ByKeyAndVersion_RewritesTheRowAndRefusesAStaleVersion(Provider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var quota = new Quota { PersonId = await PersonAsync(app), PeriodStart = new DateOnly(2025, 1, 1), PeriodEnd = new DateOnly(2025, 4, 1), Amount = 10.5m, Currency = "EUR", Version = 1 };
        await app.SeedAsync(db => db.Quotas.Add(quota));

        await using (var scope = app.Scope())
        {
            var db = scope.Db;
            await using var transaction = await db.Database.BeginTransactionAsync();
            await using (var writer = TableWriter<Quota>.Create(db))
            {
                await writer.UpdateAsync(new Quota { Id = quota.Id, PersonId = quota.PersonId, PeriodStart = quota.PeriodStart, PeriodEnd = quota.PeriodEnd, Amount = 99.25m, Currency = "EUR", Version = 2 }, 1, default);
                await writer.FlushAsync(default);
            }

            await transaction.CommitAsync();
        }

        await using (var scope = app.Scope())
        {
            var stored = await scope.Db.Quotas.AsNoTracking().SingleAsync(q => q.Id == quota.Id);
            Assert.Equal((99.25m, 2), (stored.Amount, stored.Version));
            var db = scope.Db;
            await using var transaction = await db.Database.BeginTransactionAsync();
            await Assert.ThrowsAsync<DbUpdateConcurrencyException>(async () =>
            {
                await using var writer = TableWriter<Quota>.Create(db);
                await writer.UpdateAsync(new Quota { Id = quota.Id, PersonId = quota.PersonId, PeriodStart = quota.PeriodStart, PeriodEnd = quota.PeriodEnd, Amount = 1m, Currency = "EUR", Version = 2 }, 1, default);
                await writer.FlushAsync(default);
            });
        }
    }

    private static async Task<PersonId> PersonAsync(TestApp app)
    {
        var person = new Person { Name = "Ada Owner" };
        await app.SeedAsync(db => db.People.Add(person));
        return person.Id;
    }

    // The first rows through the provider's bulk writer, the last one through EF's SaveChanges.
    private static async Task<(IReadOnlyList<T> ByWriter, T ByEf)> WriteBothAsync<T>(TestApp app, IReadOnlyList<T> byWriter, T byEf) where T : class
    {
        await using (var scope = app.Scope())
        {
            var db = scope.Db;
            await using var transaction = await db.Database.BeginTransactionAsync();
            await BulkInsert.InsertAsync(db, byWriter, default);
            await transaction.CommitAsync();
        }

        await app.SeedAsync(db => db.Set<T>().Add(byEf));
        return (byWriter, byEf);
    }

    // Every column but the key and the named ones holds the same stored text in both rows.
    private static async Task AssertSameStorageAsync<T>(TestApp app, Provider provider, Guid first, Guid second, params string[] differing) where T : class
    {
        await using var scope = app.Scope();
        var db = scope.Db;
        var entity = db.Model.FindEntityType(typeof(T))!;
        var table = entity.GetTableName()!;
        var columns = entity.GetProperties().Select(p => p.GetColumnName()).Where(c => c != "Id" && !differing.Contains(c)).ToList();
        var text = string.Join(", ", columns.Select(c => provider == Provider.Sqlite ? $"quote(\"{c}\")" : $"\"{c}\"::text"));
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync();
        var rows = new List<string?[]>();
        foreach (var id in new[] { first, second })
        {
            await using var command = connection.CreateCommand();
            command.CommandText = $"SELECT {text} FROM \"{table}\" WHERE \"Id\" = @id";
            var parameter = command.CreateParameter();
            parameter.ParameterName = "@id";
            parameter.Value = provider == Provider.Sqlite ? id.ToString().ToUpperInvariant() : id;
            command.Parameters.Add(parameter);
            await using var reader = await command.ExecuteReaderAsync();
            Assert.True(await reader.ReadAsync(), $"No {typeof(T).Name} row with id {id} (as EF stores ids).");
            rows.Add([.. columns.Select((_, i) => reader.IsDBNull(i) ? null : reader.GetString(i))]);
        }

        Assert.Equal(columns.Zip(rows[1]), columns.Zip(rows[0]));
    }
}
