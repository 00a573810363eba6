using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Prorata.Data.Customers;
using Prorata.Data.Invoices;

namespace Prorata.Data.Receivables.Configurations;

public sealed class SavedPaymentMethodConfiguration : IEntityTypeConfiguration<SavedPaymentMethod>
{
    public void Configure(EntityTypeBuilder<SavedPaymentMethod> builder)
    {
        builder.ToTable("SavedPaymentMethods");
        builder.HasKey(m => m.Id);
        builder.HasOne<Customer>().WithMany().HasForeignKey(m => m.CustomerId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(m => m.Provider).HasConversion<string>().HasMaxLength(16);
        builder.Property(m => m.Kind).HasConversion<string>().HasMaxLength(16);
        builder.Property(m => m.ProviderCustomerId).HasMaxLength(100);
        builder.Property(m => m.Token).HasMaxLength(100);
        builder.Property(m => m.Display).HasMaxLength(200);
        builder.HasIndex(m => new { m.Provider, m.Token }).IsUnique();
        builder.HasIndex(m => m.CustomerId);
    }
}
