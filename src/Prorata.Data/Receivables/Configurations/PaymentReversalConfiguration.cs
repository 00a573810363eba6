using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Prorata.Data.Customers;
using Prorata.Data.Invoices;

namespace Prorata.Data.Receivables.Configurations;

public sealed class PaymentReversalConfiguration : IEntityTypeConfiguration<PaymentReversal>
{
    public void Configure(EntityTypeBuilder<PaymentReversal> builder)
    {
        builder.ToTable("PaymentReversals");
        builder.HasKey(r => r.PaymentId);
        builder.Property(r => r.Reason).HasConversion<string>().HasMaxLength(24);
        builder.Property(r => r.Note).HasMaxLength(1000);
        builder.Property(r => r.ReversedBy).HasMaxLength(200);
    }
}
