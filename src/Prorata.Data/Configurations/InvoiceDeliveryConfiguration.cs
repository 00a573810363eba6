using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Prorata.Data.Invoices;

namespace Prorata.Data.Configurations;

public sealed class InvoiceDeliveryConfiguration : IEntityTypeConfiguration<InvoiceDelivery>
{
    public void Configure(EntityTypeBuilder<InvoiceDelivery> builder)
    {
        builder.ToTable("InvoiceDeliveries");
        builder.HasKey(d => d.Id);
        builder.HasOne<CustomerInvoice>().WithMany().HasForeignKey(d => d.InvoiceId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(d => d.Recipients).HasMaxLength(3000);
        builder.Property(d => d.State).HasConversion<string>().HasMaxLength(16);
        builder.Property(d => d.LastError).HasMaxLength(1000);
        builder.Property(d => d.MessageId).HasMaxLength(200);
        builder.Property(d => d.RequestedBy).HasMaxLength(200);
        builder.HasIndex(d => d.InvoiceId);
    }
}
