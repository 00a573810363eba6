using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Prorata.Data.Customers;
using Prorata.Domain.Customers;

namespace Prorata.Data.Configurations;

public sealed class CustomerConfiguration : IEntityTypeConfiguration<Customer>
{
    public void Configure(EntityTypeBuilder<Customer> builder)
    {
        builder.ToTable("Customers");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Name).HasMaxLength(CustomerRules.MaxNameLength);
        // Two customers with one name would be indistinguishable on an invoice run; the API answers 409.
        builder.HasIndex(c => c.Name).IsUnique();
        builder.Property(c => c.Currency).HasMaxLength(3).IsFixedLength();
        builder.Property(c => c.BillingEmail).HasMaxLength(CustomerRules.MaxEmailLength);
        builder.HasOne(c => c.ParentCustomer).WithMany().HasForeignKey(c => c.ParentCustomerId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(c => c.Version).IsConcurrencyToken();
    }
}
