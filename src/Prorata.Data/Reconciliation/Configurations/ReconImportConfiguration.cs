using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Prorata.Data.Reconciliation.Configurations;

public sealed class ReconImportConfiguration : IEntityTypeConfiguration<ReconImport>
{
    public void Configure(EntityTypeBuilder<ReconImport> builder)
    {
        builder.ToTable("ReconImports");
        builder.HasKey(i => i.Id);
        builder.Property(i => i.FileName).HasMaxLength(260);
        builder.Property(i => i.Sha256).HasMaxLength(64).IsFixedLength();
        // The same bytes imported twice would count every discrepancy twice.
        builder.HasIndex(i => i.Sha256).IsUnique();
        builder.Property(i => i.ScenarioName).HasMaxLength(256);
    }
}
