using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SalesMentor.App.Domain;

namespace SalesMentor.App.Data.Configurations;

internal sealed class SkillConfiguration : IEntityTypeConfiguration<Skill>
{
    public void Configure(EntityTypeBuilder<Skill> builder)
    {
        builder.Property(s => s.Key).HasMaxLength(Limits.Key);
        builder.Property(s => s.Name).HasMaxLength(Limits.Name);
        builder.Property(s => s.Description).HasMaxLength(Limits.Text);
        builder.HasIndex(s => s.Key).IsUnique();
    }
}

internal sealed class BehaviourConfiguration : IEntityTypeConfiguration<Behaviour>
{
    public void Configure(EntityTypeBuilder<Behaviour> builder)
    {
        builder.Property(b => b.Name).HasMaxLength(Limits.Name);
        builder.Property(b => b.Description).HasMaxLength(Limits.Text);
        builder.Property(b => b.SkillKeys).HasJsonConversion().HasMaxLength(Limits.Text);
        builder.Property(b => b.Signal).HasConversion<string>().HasMaxLength(64);
    }
}

internal sealed class CompanyValueConfiguration : IEntityTypeConfiguration<CompanyValue>
{
    public void Configure(EntityTypeBuilder<CompanyValue> builder)
    {
        builder.Property(v => v.Name).HasMaxLength(Limits.Name);
        builder.Property(v => v.Description).HasMaxLength(Limits.Text);
    }
}

internal sealed class MentorshipProgramConfiguration : IEntityTypeConfiguration<MentorshipProgram>
{
    public void Configure(EntityTypeBuilder<MentorshipProgram> builder)
    {
        builder.ToTable("Programs");
        builder.Property(p => p.Name).HasMaxLength(Limits.Name);
        builder.Property(p => p.Goals).HasMaxLength(Limits.Text);
        builder.Property(p => p.DefaultTerms).HasMaxLength(Limits.Text);
        builder.Property(p => p.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(p => p.Mode).HasConversion<string>().HasMaxLength(16);
        builder.HasIndex(p => p.Name);
        builder.HasMany(p => p.Coordinators).WithOne().HasForeignKey(c => c.ProgramId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ProgramCoordinatorConfiguration : IEntityTypeConfiguration<ProgramCoordinator>
{
    public void Configure(EntityTypeBuilder<ProgramCoordinator> builder)
    {
        builder.HasKey(c => new { c.ProgramId, c.PersonId });
        builder.HasIndex(c => c.PersonId);
        builder.HasOne<Person>().WithMany().HasForeignKey(c => c.PersonId).OnDelete(DeleteBehavior.Cascade);
    }
}
