using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SalesMentor.App.Domain;

namespace SalesMentor.App.Data.Configurations;

internal sealed class ManagerInteractionConfiguration : IEntityTypeConfiguration<ManagerInteraction>
{
    public void Configure(EntityTypeBuilder<ManagerInteraction> builder)
    {
        builder.Property(i => i.Role).HasConversion<string>().HasMaxLength(16);
        builder.Property(i => i.Topic).HasMaxLength(Limits.Key);
        builder.Property(i => i.PrivateNote).HasMaxLength(Limits.Text);
        builder.HasOne<Person>().WithMany().HasForeignKey(i => i.ManagerId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Person>().WithMany().HasForeignKey(i => i.RepId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Person>().WithMany().HasForeignKey(i => i.AuthorId).OnDelete(DeleteBehavior.SetNull);
        builder.HasIndex(i => new { i.ManagerId, i.Date });
        builder.HasIndex(i => new { i.RepId, i.Date });
    }
}
