using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Prorata.Data.Contracts;
using Prorata.Data.Invoices;
using Prorata.Data.Subscriptions;

namespace Prorata.Data.Configurations;

public sealed class OneOffChargeConfiguration : IEntityTypeConfiguration<OneOffCharge>
{
    public void Configure(EntityTypeBuilder<OneOffCharge> builder)
    {
        builder.ToTable("OneOffCharges");
        builder.HasKey(c => c.Id);
        builder.HasOne<BillingContract>().WithMany().HasForeignKey(c => c.ContractId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<CustomerSubscription>().WithMany().HasForeignKey(c => c.SubscriptionId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<CustomerInvoice>().WithMany().HasForeignKey(c => c.InvoiceId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(c => c.Description).HasMaxLength(200);
        builder.Property(c => c.CreatedBy).HasMaxLength(200);
        // A billing run looks for a contract's unbilled charges.
        builder.HasIndex(c => new { c.ContractId, c.InvoiceId });
        builder.HasIndex(c => c.InvoiceId);
    }
}
