using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Prorata.Data.Invoices;
using Prorata.Data.Subscriptions;

namespace Prorata.Data.Configurations;

public sealed class CustomerInvoiceLineConfiguration : IEntityTypeConfiguration<CustomerInvoiceLine>
{
    public void Configure(EntityTypeBuilder<CustomerInvoiceLine> builder)
    {
        builder.ToTable("InvoiceLines");
        builder.HasKey(l => l.Id);
        builder.HasOne<CustomerSubscription>().WithMany().HasForeignKey(l => l.SubscriptionId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(l => l.Kind).HasConversion<string>().HasMaxLength(16);
        builder.Property(l => l.ProductId).HasMaxLength(64);
        builder.Property(l => l.SkuId).HasMaxLength(64);
        builder.Property(l => l.Origin).HasMaxLength(256);
        builder.Property(l => l.Description).HasMaxLength(200);
        builder.Property(l => l.TaxName).HasMaxLength(100);
        // Exact costs (seats × cost × days ÷ period days) have more decimals than the six money keeps elsewhere.
        builder.Property(l => l.Cost).HasPrecision(28, 12);
        // A billing item is billed at most once per invoice: a second line with the same origin would count it twice.
        builder.HasIndex(l => new { l.InvoiceId, l.Origin }).IsUnique().HasDatabaseName("UX_InvoiceLines_Invoice_Origin");
    }
}
