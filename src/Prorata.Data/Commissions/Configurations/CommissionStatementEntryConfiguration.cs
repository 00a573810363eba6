using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Prorata.Data.Commissions.Configurations;

public sealed class CommissionStatementEntryConfiguration : IEntityTypeConfiguration<CommissionStatementEntry>
{
    public void Configure(EntityTypeBuilder<CommissionStatementEntry> builder)
    {
        builder.ToTable("CommissionStatementEntries");
        builder.HasKey(e => e.Id);
        builder.Property(e => e.InvoiceNumber).HasMaxLength(40);
        builder.Property(e => e.InvoiceKind).HasConversion<string>().HasMaxLength(16);
        builder.Property(e => e.CustomerName).HasMaxLength(200);
        builder.Property(e => e.ProductId).HasMaxLength(64);
        builder.Property(e => e.SkuId).HasMaxLength(64);
        builder.Property(e => e.Basis).HasConversion<string>().HasMaxLength(16);
        builder.Property(e => e.Kind).HasConversion<string>().HasMaxLength(24);
        builder.Property(e => e.Currency).HasMaxLength(3);
        builder.HasIndex(e => e.StatementId);
        builder.HasIndex(e => e.InvoiceLineId);
    }
}
