using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SalesMentor.App.Domain;

namespace SalesMentor.App.Data.Configurations;

internal sealed class ExchangeRateConfiguration : IEntityTypeConfiguration<ExchangeRate>
{
    public void Configure(EntityTypeBuilder<ExchangeRate> builder)
    {
        builder.Property(r => r.Currency).HasMaxLength(3);
        builder.Property(r => r.Rate).HasPrecision(28, 10);
        builder.HasIndex(r => new { r.Currency, r.ValidFrom }).IsUnique();
    }
}

internal sealed class ImportProfileConfiguration : IEntityTypeConfiguration<ImportProfile>
{
    public void Configure(EntityTypeBuilder<ImportProfile> builder)
    {
        builder.Property(p => p.Name).HasMaxLength(Limits.Name);
        builder.Property(p => p.Kind).HasMaxLength(32);
        builder.Property(p => p.MappingJson).HasMaxLength(100_000);
        builder.HasIndex(p => new { p.Kind, p.Name }).IsUnique();
    }
}

internal sealed class CrmStageMappingConfiguration : IEntityTypeConfiguration<CrmStageMapping>
{
    public void Configure(EntityTypeBuilder<CrmStageMapping> builder)
    {
        builder.HasKey(m => new { m.Source, m.Pipeline, m.Stage });
        builder.Property(m => m.Source).HasMaxLength(Limits.Key);
        builder.Property(m => m.Pipeline).HasMaxLength(Limits.Name);
        builder.Property(m => m.Stage).HasMaxLength(Limits.Name);
        builder.Property(m => m.Outcome).HasConversion<string>().HasMaxLength(8);
    }
}

internal sealed class StarRuleSettingsConfiguration : IEntityTypeConfiguration<StarRuleSettings>
{
    public void Configure(EntityTypeBuilder<StarRuleSettings> builder)
    {
        builder.Property(s => s.Id).ValueGeneratedNever();
        builder.Property(s => s.Metric).HasMaxLength(64);
        builder.Property(s => s.FallbackMetric).HasMaxLength(64);
        builder.Property(s => s.PeerGroup).HasMaxLength(16);
    }
}
