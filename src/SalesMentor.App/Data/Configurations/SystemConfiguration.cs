using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SalesMentor.App.Domain;

namespace SalesMentor.App.Data.Configurations;

internal sealed class OrganizationSettingsConfiguration : IEntityTypeConfiguration<OrganizationSettings>
{
    public void Configure(EntityTypeBuilder<OrganizationSettings> builder)
    {
        builder.Property(s => s.Id).ValueGeneratedNever();
        builder.Property(s => s.Name).HasMaxLength(Limits.Name);
        builder.Property(s => s.TimeZone).HasMaxLength(Limits.Key);
        builder.Property(s => s.CorporateCurrency).HasMaxLength(3);
        builder.Property(s => s.SalesDataVisibility).HasConversion<string>().HasMaxLength(32);
    }
}

internal sealed class AppUserConfiguration : IEntityTypeConfiguration<AppUser>
{
    public void Configure(EntityTypeBuilder<AppUser> builder)
    {
        builder.HasIndex(u => u.PersonId).IsUnique();
        builder.HasOne(u => u.Person).WithOne().HasForeignKey<AppUser>(u => u.PersonId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class AuditEventConfiguration : IEntityTypeConfiguration<AuditEvent>
{
    public void Configure(EntityTypeBuilder<AuditEvent> builder)
    {
        builder.Property(a => a.ActorKind).HasMaxLength(32);
        builder.Property(a => a.ActorName).HasMaxLength(Limits.Name);
        builder.Property(a => a.Action).HasMaxLength(Limits.Key);
        builder.Property(a => a.ResourceType).HasMaxLength(Limits.Key);
        builder.Property(a => a.ResourceId).HasMaxLength(Limits.Key);
        builder.Property(a => a.Detail).HasMaxLength(Limits.Text);
        builder.HasIndex(a => a.At);
        builder.HasIndex(a => new { a.ResourceType, a.ResourceId });
    }
}

internal sealed class OutboxMessageConfiguration : IEntityTypeConfiguration<OutboxMessage>
{
    public void Configure(EntityTypeBuilder<OutboxMessage> builder)
    {
        builder.Property(m => m.MessageId).HasMaxLength(Limits.Key);
        builder.Property(m => m.ToAddress).HasMaxLength(Limits.Email);
        builder.Property(m => m.ToName).HasMaxLength(Limits.Name);
        builder.Property(m => m.Subject).HasMaxLength(Limits.Text);
        builder.Property(m => m.Category).HasMaxLength(Limits.Key);
        builder.Property(m => m.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(m => m.ClaimedBy).HasMaxLength(Limits.Key);
        builder.HasIndex(m => new { m.Status, m.NextAttemptAt });
        builder.HasIndex(m => m.MessageId).IsUnique();
    }
}

internal sealed class ImportRunConfiguration : IEntityTypeConfiguration<ImportRun>
{
    public void Configure(EntityTypeBuilder<ImportRun> builder)
    {
        builder.Property(r => r.Kind).HasMaxLength(32);
        builder.Property(r => r.Format).HasMaxLength(32);
        builder.Property(r => r.SettingsJson).HasMaxLength(100_000);
        builder.Property(r => r.ReportJson).HasMaxLength(100_000);
        builder.Property(r => r.FileName).HasMaxLength(Limits.Text);
        builder.Property(r => r.StagedPath).HasMaxLength(Limits.Text);
        builder.Property(r => r.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(r => r.Notice).HasMaxLength(Limits.Text);
        builder.Property(r => r.ActorName).HasMaxLength(Limits.Name);
        builder.HasIndex(r => r.StartedAt);
        builder.HasMany(r => r.Errors).WithOne().HasForeignKey(e => e.ImportRunId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ImportRowErrorConfiguration : IEntityTypeConfiguration<ImportRowError>
{
    public void Configure(EntityTypeBuilder<ImportRowError> builder)
    {
        builder.Property(e => e.Column).HasMaxLength(Limits.Name);
        builder.Property(e => e.Reason).HasMaxLength(Limits.Text);
        builder.HasIndex(e => new { e.ImportRunId, e.Line });
    }
}

/// <summary>Column lengths, in characters. Generous: real names and CRM fields are long.</summary>
internal static class Limits
{
    public const int Key = 200;
    public const int Name = 300;
    public const int Email = 320;
    public const int Text = 2000;
}
