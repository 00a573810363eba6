using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Prorata.Data.Reconciliation.Configurations;

public sealed class UsageImportConfiguration : IEntityTypeConfiguration<UsageImport>
{
    public void Configure(EntityTypeBuilder<UsageImport> builder)
    {
        builder.ToTable("UsageImports");
        builder.HasKey(i => i.Id);
        builder.Property(i => i.FileName).HasMaxLength(260);
        builder.Property(i => i.Sha256).HasMaxLength(64).IsFixedLength();
        // The same bytes imported twice would bill the same usage twice.
        builder.HasIndex(i => i.Sha256).IsUnique();
    }
}
