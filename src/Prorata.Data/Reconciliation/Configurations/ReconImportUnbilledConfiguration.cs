using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Prorata.Data.Reconciliation.Configurations;

public sealed class ReconImportUnbilledConfiguration : IEntityTypeConfiguration<ReconImportUnbilled>
{
    public void Configure(EntityTypeBuilder<ReconImportUnbilled> builder)
    {
        builder.ToTable("ReconImportUnbilled");
        builder.HasKey(u => new { u.ImportId, u.Row });
        // Every line of an import is stored, so an unbilled row always has its line.
        builder.HasOne<ReconImportLine>().WithMany().HasForeignKey(u => new { u.ImportId, u.Row }).OnDelete(DeleteBehavior.Cascade);
    }
}
