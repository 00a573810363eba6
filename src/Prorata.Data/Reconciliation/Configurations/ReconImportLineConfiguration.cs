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
        // No foreign key to the import: PostgreSQL checks one per inserted row, about 4 s of a million-line import (issue 5
        // allows 10 s in all). ReconImportWriter inserts lines only in the transaction that inserted their import, and
        // nothing deletes an import.
        builder.Property(l => l.State).HasMaxLength(24);
        builder.Property(l => l.RootCause).HasMaxLength(24);
        // What an import reads back is its discrepancies: a partial index holds those only, so a million matched lines
        // add nothing to it while they are copied in.
        builder.HasIndex(l => new { l.ImportId, l.Row }).HasFilter("\"State\" <> 'Matched'").HasDatabaseName("IX_ReconImportLines_Discrepancies");
        // The file's rate is kept as written (PCToBCExchangeRate has more than six decimals).
        builder.Property(l => l.PcToBcExchangeRate).HasPrecision(28, 12);
        builder.Property(l => l.ExpectedUsageQuantity).HasPrecision(28, 12);
    }
}
