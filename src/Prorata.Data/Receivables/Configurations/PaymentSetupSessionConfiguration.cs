using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Prorata.Data.Customers;
using Prorata.Data.Invoices;

namespace Prorata.Data.Receivables.Configurations;

public sealed class PaymentSetupSessionConfiguration : IEntityTypeConfiguration<PaymentSetupSession>
{
    public void Configure(EntityTypeBuilder<PaymentSetupSession> builder)
    {
        builder.ToTable("PaymentSetupSessions");
        builder.HasKey(s => s.Id);
        builder.HasOne<Customer>().WithMany().HasForeignKey(s => s.CustomerId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(s => s.Provider).HasConversion<string>().HasMaxLength(16);
        builder.Property(s => s.ProviderSessionId).HasMaxLength(200);
        builder.Property(s => s.ProviderCustomerId).HasMaxLength(100);
        builder.Property(s => s.Url).HasMaxLength(2000);
        builder.HasIndex(s => new { s.Provider, s.ProviderSessionId }).IsUnique();
    }
}
