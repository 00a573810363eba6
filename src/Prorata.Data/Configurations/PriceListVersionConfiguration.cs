using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Prorata.Data.Catalog;

namespace Prorata.Data.Configurations;

public sealed class PriceListVersionConfiguration : IEntityTypeConfiguration<PriceListVersion>
{
    public void Configure(EntityTypeBuilder<PriceListVersion> builder)
    {
        builder.ToTable("PriceListVersions");
        builder.HasKey(v => v.Id);
        builder.Property(v => v.Name).HasMaxLength(256);
        builder.Property(v => v.ImportedBy).HasMaxLength(256);
        builder.Property(v => v.Rollout).HasConversion<string>().HasMaxLength(32);
        builder.HasMany(v => v.Entries).WithOne().HasForeignKey(e => e.VersionId).OnDelete(DeleteBehavior.Restrict);
    }
}
