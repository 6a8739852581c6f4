using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using SalesMentor.App.Domain;
using SalesMentor.Core.People;

namespace SalesMentor.App.Data;

/// <summary>
/// The one database of SalesMentor. Provider-specific subclasses (<see cref="SqliteSalesMentorDb"/>,
/// <see cref="PostgresSalesMentorDb"/>) exist only so each provider keeps its own migrations set;
/// code everywhere else depends on this type.
/// </summary>
public abstract class SalesMentorDb(DbContextOptions options)
    : IdentityDbContext<AppUser, IdentityRole<Guid>, Guid>(options), IDataProtectionKeyContext
{
    public DbSet<OrganizationSettings> OrganizationSettings => Set<OrganizationSettings>();
    public DbSet<Person> People => Set<Person>();
    public DbSet<CrmOwnerLink> CrmOwnerLinks => Set<CrmOwnerLink>();
    public DbSet<Team> Teams => Set<Team>();
    public DbSet<Region> Regions => Set<Region>();
    public DbSet<Quota> Quotas => Set<Quota>();
    public DbSet<Opportunity> Opportunities => Set<Opportunity>();
    public DbSet<Activity> Activities => Set<Activity>();
    public DbSet<ImportRun> ImportRuns => Set<ImportRun>();
    public DbSet<ImportRowError> ImportRowErrors => Set<ImportRowError>();
    public DbSet<AuditEvent> AuditEvents => Set<AuditEvent>();
    public DbSet<OutboxMessage> Outbox => Set<OutboxMessage>();
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();
    public DbSet<ExchangeRate> ExchangeRates => Set<ExchangeRate>();
    public DbSet<ImportProfile> ImportProfiles => Set<ImportProfile>();
    public DbSet<CrmStageMapping> CrmStageMappings => Set<CrmStageMapping>();
    public DbSet<StarRuleSettings> StarRuleSettings => Set<StarRuleSettings>();
    public DbSet<Skill> Skills => Set<Skill>();
    public DbSet<Behaviour> Behaviours => Set<Behaviour>();
    public DbSet<CompanyValue> CompanyValues => Set<CompanyValue>();
    public DbSet<MentorshipProgram> Programs => Set<MentorshipProgram>();
    public DbSet<ProgramCoordinator> ProgramCoordinators => Set<ProgramCoordinator>();
    public DbSet<Enrollment> Enrollments => Set<Enrollment>();
    public DbSet<SkillRating> SkillRatings => Set<SkillRating>();
    public DbSet<AttributeRating> AttributeRatings => Set<AttributeRating>();
    public DbSet<RatingInvitation> RatingInvitations => Set<RatingInvitation>();
    public DbSet<MatchProposal> MatchProposals => Set<MatchProposal>();
    public DbSet<Mentorship> Mentorships => Set<Mentorship>();
    public DbSet<ApiToken> ApiTokens => Set<ApiToken>();
    public DbSet<Concern> Concerns => Set<Concern>();
    public DbSet<ConcernReply> ConcernReplies => Set<ConcernReply>();
    public DbSet<PrivateNote> PrivateNotes => Set<PrivateNote>();
    public DbSet<MentoringSession> Sessions => Set<MentoringSession>();
    public DbSet<Agreement> Agreements => Set<Agreement>();
    public DbSet<AgreementRevision> AgreementRevisions => Set<AgreementRevision>();
    public DbSet<ManagerInteraction> ManagerInteractions => Set<ManagerInteraction>();
    public DbSet<AdoptionCheck> AdoptionChecks => Set<AdoptionCheck>();
    public DbSet<ValueObservation> ValueObservations => Set<ValueObservation>();
    public DbSet<Pulse> Pulses => Set<Pulse>();
    public DbSet<Reflection> Reflections => Set<Reflection>();
    public DbSet<PulseReminder> PulseReminders => Set<PulseReminder>();
    public DbSet<PulseAggregate> PulseAggregates => Set<PulseAggregate>();

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        ArgumentNullException.ThrowIfNull(configurationBuilder);
        configurationBuilder.Properties<PersonId>().HaveConversion<PersonIdConverter>();
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
        configurationBuilder.Properties<decimal>().HavePrecision(19, 4);
    }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(SalesMentorDb).Assembly);

        foreach (var entity in builder.Model.GetEntityTypes().Where(e => typeof(IVersioned).IsAssignableFrom(e.ClrType)))
        {
            builder.Entity(entity.ClrType).Property(nameof(IVersioned.Version)).IsConcurrencyToken();
        }
    }
}

public sealed class SqliteSalesMentorDb(DbContextOptions<SqliteSalesMentorDb> options) : SalesMentorDb(options);

public sealed class PostgresSalesMentorDb(DbContextOptions<PostgresSalesMentorDb> options) : SalesMentorDb(options);
