using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Prorata.Data.Insight.Configurations;

public sealed class ProductMarginFloorConfiguration : IEntityTypeConfiguration<ProductMarginFloor>
{
    public void Configure(EntityTypeBuilder<ProductMarginFloor> builder)
    {
        builder.ToTable("MarginFloors");
        builder.HasKey(f => f.ProductId);
        builder.Property(f => f.ProductId).HasMaxLength(64);
        builder.Property(f => f.UpdatedBy).HasMaxLength(256);
    }
}
