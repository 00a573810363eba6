using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Prorata.Data.Customers;
using Prorata.Data.Invoices;

namespace Prorata.Data.Receivables.Configurations;

public sealed class CreditRefundConfiguration : IEntityTypeConfiguration<CreditRefund>
{
    public void Configure(EntityTypeBuilder<CreditRefund> builder)
    {
        builder.ToTable("CreditRefunds", t => t.HasCheckConstraint("CK_CreditRefunds_Amount", "CAST(\"Amount\" AS REAL) > 0"));
        builder.HasKey(r => r.Id);
        builder.HasOne<Customer>().WithMany().HasForeignKey(r => r.CustomerId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(r => r.Currency).HasMaxLength(3);
        builder.Property(r => r.Reference).HasMaxLength(200);
        builder.Property(r => r.RecordedBy).HasMaxLength(200);
        builder.HasIndex(r => r.CustomerId);
    }
}
