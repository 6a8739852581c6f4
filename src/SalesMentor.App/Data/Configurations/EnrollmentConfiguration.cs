using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SalesMentor.App.Domain;

namespace SalesMentor.App.Data.Configurations;

internal sealed class EnrollmentConfiguration : IEntityTypeConfiguration<Enrollment>
{
    public void Configure(EntityTypeBuilder<Enrollment> builder)
    {
        builder.Property(e => e.Side).HasConversion<string>().HasMaxLength(16);
        builder.Property(e => e.Statement).HasMaxLength(Limits.Text);
        builder.Property(e => e.Availability).HasMaxLength(Limits.Text);
        builder.Property(e => e.TimeZone).HasMaxLength(Limits.Key);
        builder.Property(e => e.OverrideReason).HasMaxLength(Limits.Text);
        builder.Property(e => e.ValueIds).HasJsonConversion();
        builder.Property(e => e.Preferences).HasJsonConversion();
        builder.Property(e => e.Avoid).HasJsonConversion();
        builder.Property(e => e.Reflection).HasJsonConversion();
        builder.HasIndex(e => new { e.ProgramId, e.PersonId, e.Side }).IsUnique();
        builder.HasIndex(e => e.PersonId);
        builder.HasOne<MentorshipProgram>().WithMany().HasForeignKey(e => e.ProgramId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Person>().WithMany().HasForeignKey(e => e.PersonId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class SkillRatingConfiguration : IEntityTypeConfiguration<SkillRating>
{
    public void Configure(EntityTypeBuilder<SkillRating> builder)
    {
        builder.Property(r => r.SkillKey).HasMaxLength(Limits.Key);
        builder.Property(r => r.Kind).HasConversion<string>().HasMaxLength(16);
        builder.Property(r => r.Source).HasConversion<string>().HasMaxLength(16);
        builder.Property(r => r.Visibility).HasConversion<string>().HasMaxLength(24);
        builder.HasIndex(r => r.EnrollmentId);
        builder.HasOne<Enrollment>().WithMany().HasForeignKey(r => r.EnrollmentId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class AttributeRatingConfiguration : IEntityTypeConfiguration<AttributeRating>
{
    public void Configure(EntityTypeBuilder<AttributeRating> builder)
    {
        builder.Property(r => r.Attribute).HasMaxLength(Limits.Key);
        builder.Property(r => r.Relation).HasConversion<string>().HasMaxLength(16);
        builder.HasIndex(r => new { r.EnrollmentId, r.RaterId, r.Attribute }).IsUnique();
        builder.HasOne<Enrollment>().WithMany().HasForeignKey(r => r.EnrollmentId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class RatingInvitationConfiguration : IEntityTypeConfiguration<RatingInvitation>
{
    public void Configure(EntityTypeBuilder<RatingInvitation> builder)
    {
        builder.Property(i => i.Relation).HasConversion<string>().HasMaxLength(16);
        builder.HasIndex(i => new { i.EnrollmentId, i.RaterId }).IsUnique();
        builder.HasIndex(i => i.RaterId);
        builder.HasOne<Enrollment>().WithMany().HasForeignKey(i => i.EnrollmentId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Person>().WithMany().HasForeignKey(i => i.RaterId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class MatchProposalConfiguration : IEntityTypeConfiguration<MatchProposal>
{
    public void Configure(EntityTypeBuilder<MatchProposal> builder)
    {
        builder.Property(p => p.ReasonsJson).HasMaxLength(Limits.Text * 4);
        builder.Property(p => p.Warning).HasMaxLength(Limits.Text);
        builder.Property(p => p.DeclineReason).HasMaxLength(Limits.Text);
        builder.Property(p => p.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(p => p.MenteeResponse).HasConversion<string>().HasMaxLength(16);
        builder.Property(p => p.MentorResponse).HasConversion<string>().HasMaxLength(16);
        builder.HasIndex(p => new { p.ProgramId, p.Status });
        builder.HasIndex(p => p.MenteeId);
        builder.HasIndex(p => p.MentorId);
        builder.HasOne<MentorshipProgram>().WithMany().HasForeignKey(p => p.ProgramId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Enrollment>().WithMany().HasForeignKey(p => p.MenteeEnrollmentId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Enrollment>().WithMany().HasForeignKey(p => p.MentorEnrollmentId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class MentorshipConfiguration : IEntityTypeConfiguration<Mentorship>
{
    public void Configure(EntityTypeBuilder<Mentorship> builder)
    {
        builder.Property(m => m.Stage).HasConversion<string>().HasMaxLength(16);
        builder.Property(m => m.Source).HasMaxLength(16);
        builder.Property(m => m.EndKind).HasConversion<string>().HasMaxLength(16);
        builder.Property(m => m.EarlyEndReason).HasConversion<string>().HasMaxLength(32);
        builder.Property(m => m.EarlyEndText).HasMaxLength(Features.Closing.ClosingLimits.EarlyEndText);
        builder.Property(m => m.Outcomes).HasJsonConversion();
        builder.HasIndex(m => m.MentorId);
        builder.HasIndex(m => m.MenteeId);
        builder.HasIndex(m => m.ProposalId).IsUnique();
        builder.HasOne<MentorshipProgram>().WithMany().HasForeignKey(m => m.ProgramId).OnDelete(DeleteBehavior.SetNull);
        builder.HasOne<Person>().WithMany().HasForeignKey(m => m.MentorId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Person>().WithMany().HasForeignKey(m => m.MenteeId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ReflectionConfiguration : IEntityTypeConfiguration<Reflection>
{
    public void Configure(EntityTypeBuilder<Reflection> builder)
    {
        builder.HasIndex(r => new { r.MentorshipId, r.AuthorId }).IsUnique();
        builder.HasOne<Mentorship>().WithMany().HasForeignKey(r => r.MentorshipId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Person>().WithMany().HasForeignKey(r => r.AuthorId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class PulseReminderConfiguration : IEntityTypeConfiguration<PulseReminder>
{
    public void Configure(EntityTypeBuilder<PulseReminder> builder)
    {
        builder.HasIndex(r => new { r.MentorshipId, r.PersonId, r.Round }).IsUnique();
        builder.HasOne<Mentorship>().WithMany().HasForeignKey(r => r.MentorshipId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Person>().WithMany().HasForeignKey(r => r.PersonId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class PulseAggregateConfiguration : IEntityTypeConfiguration<PulseAggregate>
{
    public void Configure(EntityTypeBuilder<PulseAggregate> builder)
    {
        builder.Property(a => a.Key).HasMaxLength(64);
        builder.Property(a => a.Trust).HasPrecision(3, 1);
        builder.Property(a => a.Safety).HasPrecision(3, 1);
        builder.Property(a => a.Value).HasPrecision(3, 1);
        builder.Property(a => a.Commitment).HasPrecision(3, 1);
        builder.HasIndex(a => new { a.ProgramId, a.Round, a.Key }).IsUnique();
        builder.HasOne<MentorshipProgram>().WithMany().HasForeignKey(a => a.ProgramId).OnDelete(DeleteBehavior.Cascade);
    }
}
