using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SalesMentor.App.Domain;

namespace SalesMentor.App.Data.Configurations;

internal sealed class ConcernConfiguration : IEntityTypeConfiguration<Concern>
{
    public void Configure(EntityTypeBuilder<Concern> builder)
    {
        builder.Property(c => c.Kind).HasConversion<string>().HasMaxLength(16);
        builder.Property(c => c.Status).HasConversion<string>().HasMaxLength(16);
        builder.HasIndex(c => c.MentorshipId);
        builder.HasOne<Mentorship>().WithMany().HasForeignKey(c => c.MentorshipId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Person>().WithMany().HasForeignKey(c => c.RaisedById).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ConcernReplyConfiguration : IEntityTypeConfiguration<ConcernReply>
{
    public void Configure(EntityTypeBuilder<ConcernReply> builder)
    {
        builder.HasIndex(r => r.ConcernId);
        builder.HasOne<Concern>().WithMany().HasForeignKey(r => r.ConcernId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Person>().WithMany().HasForeignKey(r => r.AuthorId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class PrivateNoteConfiguration : IEntityTypeConfiguration<PrivateNote>
{
    public void Configure(EntityTypeBuilder<PrivateNote> builder)
    {
        builder.HasIndex(n => new { n.MentorshipId, n.AuthorId });
        builder.HasOne<Mentorship>().WithMany().HasForeignKey(n => n.MentorshipId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Person>().WithMany().HasForeignKey(n => n.AuthorId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class AgreementConfiguration : IEntityTypeConfiguration<Agreement>
{
    public void Configure(EntityTypeBuilder<Agreement> builder)
    {
        builder.HasIndex(a => a.MentorshipId).IsUnique();
        builder.Property(a => a.KpiGoals).HasJsonConversion();
        builder.Property(a => a.BehaviourGoals).HasJsonConversion();
        builder.Property(a => a.ValueIds).HasJsonConversion();
        builder.Property(a => a.Cadence).HasConversion<string>().HasMaxLength(16);
        builder.Property(a => a.Terms).HasMaxLength(Limits.Text);
        builder.HasOne<Mentorship>().WithMany().HasForeignKey(a => a.MentorshipId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class AgreementRevisionConfiguration : IEntityTypeConfiguration<AgreementRevision>
{
    public void Configure(EntityTypeBuilder<AgreementRevision> builder)
    {
        builder.HasIndex(r => new { r.AgreementId, r.Revision }).IsUnique();
        builder.HasOne<Agreement>().WithMany().HasForeignKey(r => r.AgreementId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class MentoringSessionConfiguration : IEntityTypeConfiguration<MentoringSession>
{
    public void Configure(EntityTypeBuilder<MentoringSession> builder)
    {
        builder.ToTable("Sessions");
        builder.Property(s => s.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(s => s.Place).HasMaxLength(Limits.Name);
        builder.Property(s => s.VideoLink).HasMaxLength(Limits.Text);
        builder.Property(s => s.Agenda).HasMaxLength(Limits.Text);
        builder.Property(s => s.SharedNotes).HasMaxLength(SessionLimits.Notes);
        builder.Property(s => s.ActionItems).HasJsonConversion();
        builder.Property(s => s.BehaviourIds).HasJsonConversion();
        builder.HasIndex(s => new { s.MentorshipId, s.StartsAt });
        builder.HasOne<Mentorship>().WithMany().HasForeignKey(s => s.MentorshipId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal static class SessionLimits
{
    public const int Notes = 20000;
}
