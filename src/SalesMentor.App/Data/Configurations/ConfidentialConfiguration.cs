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
