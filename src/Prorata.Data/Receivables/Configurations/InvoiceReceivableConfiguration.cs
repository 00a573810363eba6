using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Prorata.Data.Customers;
using Prorata.Data.Invoices;

namespace Prorata.Data.Receivables.Configurations;

public sealed class InvoiceReceivableConfiguration : IEntityTypeConfiguration<InvoiceReceivable>
{
    public void Configure(EntityTypeBuilder<InvoiceReceivable> builder)
    {
        builder.ToTable("InvoiceReceivables");
        builder.HasKey(r => r.InvoiceId);
        builder.HasOne<CustomerInvoice>().WithOne().HasForeignKey<InvoiceReceivable>(r => r.InvoiceId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(r => r.Currency).HasMaxLength(3);
        builder.Property(r => r.Status).HasConversion<string>().HasMaxLength(16);
        builder.HasIndex(r => new { r.CustomerId, r.Currency });
        builder.HasIndex(r => new { r.Status, r.DueDate });
    }
}
