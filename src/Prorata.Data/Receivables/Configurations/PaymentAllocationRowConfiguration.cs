using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Prorata.Data.Customers;
using Prorata.Data.Invoices;

namespace Prorata.Data.Receivables.Configurations;

public sealed class PaymentAllocationRowConfiguration : IEntityTypeConfiguration<PaymentAllocationRow>
{
    public void Configure(EntityTypeBuilder<PaymentAllocationRow> builder)
    {
        builder.ToTable("PaymentAllocations");
        builder.HasKey(a => a.Id);
        builder.Property(a => a.Source).HasConversion<string>().HasMaxLength(16);
        builder.HasOne<CustomerInvoice>().WithMany().HasForeignKey(a => a.InvoiceId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(a => a.CustomerId);
        builder.HasIndex(a => a.SourceId);
        builder.HasIndex(a => a.InvoiceId);
    }
}
