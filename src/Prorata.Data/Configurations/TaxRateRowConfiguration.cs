using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Prorata.Data.Tax;

namespace Prorata.Data.Configurations;

public sealed class TaxRateRowConfiguration : IEntityTypeConfiguration<TaxRateRow>
{
    public void Configure(EntityTypeBuilder<TaxRateRow> builder)
    {
        // As a number: SQLite keeps decimals as text, which compares above every number.
        builder.ToTable("TaxRates", t => t.HasCheckConstraint("CK_TaxRates_Rate", "CAST(\"Rate\" AS REAL) BETWEEN 0 AND 100"));
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Country).HasMaxLength(2).IsFixedLength();
        builder.Property(r => r.Region).HasMaxLength(50);
        builder.Property(r => r.Name).HasMaxLength(100);
        builder.HasIndex(r => new { r.Country, r.Region, r.EffectiveFrom }).IsUnique();
    }
}
