using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Prorata.Data.Reconciliation.Configurations;

public sealed class ReconImportMissingConfiguration : IEntityTypeConfiguration<ReconImportMissing>
{
    public void Configure(EntityTypeBuilder<ReconImportMissing> builder)
    {
        builder.ToTable("ReconImportMissing");
        builder.HasKey(m => new { m.ImportId, m.Ordinal });
        builder.HasOne<ReconImport>().WithMany().HasForeignKey(m => m.ImportId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(m => m.ChargeType).HasMaxLength(32);
        builder.Property(m => m.Currency).HasMaxLength(3);
        builder.Property(m => m.RootCause).HasMaxLength(24);
    }
}
