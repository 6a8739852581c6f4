using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SalesMentor.App.Domain;

namespace SalesMentor.App.Data.Configurations;

internal sealed class PersonConfiguration : IEntityTypeConfiguration<Person>
{
    public void Configure(EntityTypeBuilder<Person> builder)
    {
        builder.HasKey(p => p.Id);
        builder.Property(p => p.Name).HasMaxLength(Limits.Name);
        builder.Property(p => p.NameKey).HasMaxLength(Limits.Name);
        builder.Property(p => p.SearchKey).HasMaxLength(Limits.Name + 1 + Limits.Email);
        builder.Property(p => p.ExternalId).HasMaxLength(Limits.Key);
        builder.Property(p => p.Email).HasMaxLength(Limits.Email);
        builder.Property(p => p.Title).HasMaxLength(Limits.Name);
        builder.Property(p => p.TimeZone).HasMaxLength(Limits.Key);
        builder.HasIndex(p => p.ExternalId).IsUnique();
        builder.HasIndex(p => p.Email).IsUnique();
        builder.HasIndex(p => p.NameKey);
        // The directory's default order (search key, then id): its first page is read from the index, not sorted per call.
        builder.HasIndex(p => new { p.SearchKey, p.Id });
        builder.HasIndex(p => p.ManagerId);
        builder.HasOne(p => p.Manager).WithMany().HasForeignKey(p => p.ManagerId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(p => p.Team).WithMany().HasForeignKey(p => p.TeamId).OnDelete(DeleteBehavior.SetNull);
        builder.HasOne(p => p.Region).WithMany().HasForeignKey(p => p.RegionId).OnDelete(DeleteBehavior.SetNull);
        builder.HasMany(p => p.CrmOwnerIds).WithOne().HasForeignKey(l => l.PersonId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class CrmOwnerLinkConfiguration : IEntityTypeConfiguration<CrmOwnerLink>
{
    public void Configure(EntityTypeBuilder<CrmOwnerLink> builder)
    {
        builder.HasKey(l => l.OwnerId);
        builder.Property(l => l.OwnerId).HasMaxLength(Limits.Key);
        builder.HasIndex(l => l.PersonId);
    }
}

internal sealed class TeamConfiguration : IEntityTypeConfiguration<Team>
{
    public void Configure(EntityTypeBuilder<Team> builder)
    {
        builder.Property(t => t.Name).HasMaxLength(Limits.Name);
        builder.HasIndex(t => t.Name).IsUnique();
        builder.HasOne(t => t.Region).WithMany().HasForeignKey(t => t.RegionId).OnDelete(DeleteBehavior.SetNull);
    }
}

internal sealed class RegionConfiguration : IEntityTypeConfiguration<Region>
{
    public void Configure(EntityTypeBuilder<Region> builder)
    {
        builder.Property(r => r.Name).HasMaxLength(Limits.Name);
        builder.HasIndex(r => r.Name).IsUnique();
    }
}
