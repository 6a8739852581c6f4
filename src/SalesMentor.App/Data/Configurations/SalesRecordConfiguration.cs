using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SalesMentor.App.Domain;

namespace SalesMentor.App.Data.Configurations;

internal sealed class OpportunityConfiguration : IEntityTypeConfiguration<Opportunity>
{
    public void Configure(EntityTypeBuilder<Opportunity> builder)
    {
        builder.Property(o => o.Source).HasMaxLength(Limits.Key);
        builder.Property(o => o.ExternalId).HasMaxLength(Limits.Key);
        builder.Property(o => o.OwnerRef).HasMaxLength(Limits.Email);
        builder.Property(o => o.Name).HasMaxLength(Limits.Text);
        builder.Property(o => o.Account).HasMaxLength(Limits.Text);
        builder.Property(o => o.Product).HasMaxLength(Limits.Text);
        builder.Property(o => o.Stage).HasMaxLength(Limits.Name);
        builder.Property(o => o.Currency).HasMaxLength(3);
        builder.Property(o => o.LeadSource).HasMaxLength(Limits.Name);
        builder.HasIndex(o => new { o.Source, o.ExternalId }).IsUnique();
        builder.HasIndex(o => new { o.OwnerId, o.CloseDate });
        builder.HasOne<Person>().WithMany().HasForeignKey(o => o.OwnerId).OnDelete(DeleteBehavior.SetNull);
    }
}

internal sealed class ActivityConfiguration : IEntityTypeConfiguration<Activity>
{
    public void Configure(EntityTypeBuilder<Activity> builder)
    {
        builder.Property(a => a.Source).HasMaxLength(Limits.Key);
        builder.Property(a => a.ExternalId).HasMaxLength(Limits.Key);
        builder.Property(a => a.OwnerRef).HasMaxLength(Limits.Email);
        builder.Property(a => a.Subject).HasMaxLength(Limits.Text);
        builder.Property(a => a.OpportunityRef).HasMaxLength(Limits.Key);
        builder.Property(a => a.Type).HasConversion<string>().HasMaxLength(16);
        builder.HasIndex(a => new { a.Source, a.ExternalId }).IsUnique();
        builder.HasIndex(a => new { a.OwnerId, a.Date });
        builder.HasOne<Person>().WithMany().HasForeignKey(a => a.OwnerId).OnDelete(DeleteBehavior.SetNull);
        builder.HasOne<Opportunity>().WithMany().HasForeignKey(a => a.OpportunityId).OnDelete(DeleteBehavior.SetNull);
    }
}

internal sealed class QuotaConfiguration : IEntityTypeConfiguration<Quota>
{
    public void Configure(EntityTypeBuilder<Quota> builder)
    {
        builder.Property(q => q.Currency).HasMaxLength(3);
        builder.HasIndex(q => new { q.PersonId, q.PeriodStart }).IsUnique();
        builder.HasOne<Person>().WithMany().HasForeignKey(q => q.PersonId).OnDelete(DeleteBehavior.Cascade);
    }
}
