using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Prorata.Data.Customers;
using Prorata.Data.Invoices;

namespace Prorata.Data.Receivables.Configurations;

public sealed class ChargeAttemptConfiguration : IEntityTypeConfiguration<ChargeAttempt>
{
    public void Configure(EntityTypeBuilder<ChargeAttempt> builder)
    {
        builder.ToTable("ChargeAttempts");
        builder.HasKey(c => c.Id);
        builder.HasOne<CustomerInvoice>().WithMany().HasForeignKey(c => c.InvoiceId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<SavedPaymentMethod>().WithMany().HasForeignKey(c => c.PaymentMethodId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(c => c.Provider).HasConversion<string>().HasMaxLength(16);
        builder.Property(c => c.State).HasConversion<string>().HasMaxLength(16);
        builder.Property(c => c.Currency).HasMaxLength(3);
        builder.Property(c => c.IdempotencyKey).HasMaxLength(200);
        builder.Property(c => c.ProviderPaymentId).HasMaxLength(100);
        builder.Property(c => c.FailureCode).HasMaxLength(100);
        builder.Property(c => c.FailureMessage).HasMaxLength(1000);
        builder.HasIndex(c => new { c.InvoiceId, c.Attempt }).IsUnique();
        builder.HasIndex(c => c.IdempotencyKey).IsUnique();
        builder.HasIndex(c => new { c.Provider, c.ProviderPaymentId });
    }
}
