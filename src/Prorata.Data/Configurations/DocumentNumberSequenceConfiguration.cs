using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Prorata.Data.Invoices;
using Prorata.Data.LegalEntities;

namespace Prorata.Data.Configurations;

public sealed class DocumentNumberSequenceConfiguration : IEntityTypeConfiguration<DocumentNumberSequence>
{
    public void Configure(EntityTypeBuilder<DocumentNumberSequence> builder)
    {
        builder.ToTable("DocumentNumberSequences");
        builder.HasKey(s => new { s.LegalEntityId, s.Kind });
        builder.Property(s => s.Kind).HasConversion<string>().HasMaxLength(16);
        builder.HasOne<LegalEntity>().WithMany().HasForeignKey(s => s.LegalEntityId).OnDelete(DeleteBehavior.Restrict);
    }
}
