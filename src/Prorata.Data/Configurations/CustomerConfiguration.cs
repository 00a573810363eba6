using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Prorata.Data.Customers;
using Prorata.Domain.Customers;
using Prorata.Domain.Parties;

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
        builder.Ignore(c => c.OnHold);
        foreach (var prefix in new[] { "Billing", "Service" })
        {
            builder.Property<string?>($"{prefix}Line1").HasMaxLength(AddressRules.MaxLineLength);
            builder.Property<string?>($"{prefix}Line2").HasMaxLength(AddressRules.MaxLineLength);
            builder.Property<string?>($"{prefix}City").HasMaxLength(AddressRules.MaxCityLength);
            builder.Property<string?>($"{prefix}PostalCode").HasMaxLength(AddressRules.MaxPostalCodeLength);
            builder.Property<string?>($"{prefix}Region").HasMaxLength(AddressRules.MaxRegionLength);
            builder.Property<string?>($"{prefix}Country").HasMaxLength(2).IsFixedLength();
        }
        builder.Property(c => c.TaxId).HasMaxLength(CustomerRules.MaxTaxIdLength);
        builder.Property(c => c.TaxExemptionCertificate).HasMaxLength(100);
        builder.Property(c => c.AdditionalBillingEmails).HasMaxLength((CustomerRules.MaxEmailLength + 1) * CustomerRules.MaxAdditionalBillingEmails);
        builder.Property(c => c.PreferredLanguage).HasMaxLength(8);
        builder.Ignore(c => c.BillingAddress);
        builder.Ignore(c => c.ServiceAddress);
        builder.Ignore(c => c.InvoiceRecipients);
        builder.Ignore(c => c.Profile);
    }
}
