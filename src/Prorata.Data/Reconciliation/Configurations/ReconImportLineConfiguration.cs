using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Prorata.Data.Reconciliation.Configurations;

public sealed class ReconImportLineConfiguration : IEntityTypeConfiguration<ReconImportLine>
{
    public void Configure(EntityTypeBuilder<ReconImportLine> builder)
    {
        // Column names are what ReconImportWriter's COPY names; the file's text fields stay unbounded so no real file is refused for a length.
        builder.ToTable("ReconImportLines");
        builder.HasKey(l => new { l.ImportId, l.Row });
        builder.HasOne<ReconImport>().WithMany().HasForeignKey(l => l.ImportId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(l => l.State).HasMaxLength(24);
        builder.Property(l => l.RootCause).HasMaxLength(24);
        builder.HasIndex(l => new { l.ImportId, l.State });
        // The file's rate is kept as written (PCToBCExchangeRate has more than six decimals).
        builder.Property(l => l.PcToBcExchangeRate).HasPrecision(28, 12);
        builder.Property(l => l.ExpectedUsageQuantity).HasPrecision(28, 12);
    }
}
