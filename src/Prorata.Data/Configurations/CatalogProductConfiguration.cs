using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Prorata.Data.Catalog;

namespace Prorata.Data.Configurations;

public sealed class CatalogProductConfiguration : IEntityTypeConfiguration<CatalogProduct>
{
    public void Configure(EntityTypeBuilder<CatalogProduct> builder)
    {
        builder.ToTable("CatalogProducts");
        builder.HasKey(p => new { p.ProductId, p.SkuId });
        builder.Property(p => p.ProductId).HasMaxLength(64);
        builder.Property(p => p.SkuId).HasMaxLength(64);
        builder.Property(p => p.Title).HasMaxLength(256);
        builder.Property(p => p.Kind).HasConversion<string>().HasMaxLength(32);
    }
}
