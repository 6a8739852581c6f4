using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SalesMentor.App.Domain;

namespace SalesMentor.App.Data.Configurations;

internal static class HealthLimits
{
    /// <summary>An evidence note or what was seen: short.</summary>
    public const int Evidence = 500;
}

internal sealed class AdoptionCheckConfiguration : IEntityTypeConfiguration<AdoptionCheck>
{
    public void Configure(EntityTypeBuilder<AdoptionCheck> builder)
    {
        builder.Property(a => a.Source).HasConversion<string>().HasMaxLength(16);
        builder.Property(a => a.Level).HasConversion<string>().HasMaxLength(16);
        builder.Property(a => a.Evidence).HasMaxLength(HealthLimits.Evidence);
        builder.HasIndex(a => new { a.MentorshipId, a.ObservedOn });
        builder.HasOne<Mentorship>().WithMany().HasForeignKey(a => a.MentorshipId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Person>().WithMany().HasForeignKey(a => a.ObserverId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ValueObservationConfiguration : IEntityTypeConfiguration<ValueObservation>
{
    public void Configure(EntityTypeBuilder<ValueObservation> builder)
    {
        builder.Property(v => v.Source).HasConversion<string>().HasMaxLength(16);
        builder.Property(v => v.WhatWasSeen).HasMaxLength(HealthLimits.Evidence);
        builder.HasIndex(v => new { v.MentorshipId, v.ObservedOn });
        builder.HasOne<Mentorship>().WithMany().HasForeignKey(v => v.MentorshipId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<CompanyValue>().WithMany().HasForeignKey(v => v.ValueId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Person>().WithMany().HasForeignKey(v => v.ObserverId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class PulseConfiguration : IEntityTypeConfiguration<Pulse>
{
    public void Configure(EntityTypeBuilder<Pulse> builder)
    {
        builder.HasIndex(p => new { p.MentorshipId, p.RespondentId, p.Round }).IsUnique();
        builder.HasOne<Mentorship>().WithMany().HasForeignKey(p => p.MentorshipId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Person>().WithMany().HasForeignKey(p => p.RespondentId).OnDelete(DeleteBehavior.Restrict);
    }
}
