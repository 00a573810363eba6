using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Prorata.Data.LegalEntities;
using Prorata.Domain.LegalEntities;
using Prorata.Domain.Parties;

namespace Prorata.Data.Configurations;

public sealed class LegalEntityConfiguration : IEntityTypeConfiguration<LegalEntity>
{
    public void Configure(EntityTypeBuilder<LegalEntity> builder)
    {
        builder.ToTable("LegalEntities");
        builder.HasKey(e => e.Id);
        builder.Property(e => e.Name).HasMaxLength(LegalEntityRules.MaxNameLength);
        // Contracts and people name an entity by its legal name: two of one name could not be told apart on an invoice.
        builder.HasIndex(e => e.Name).IsUnique();
        builder.Property(e => e.AddressLine1).HasMaxLength(AddressRules.MaxLineLength);
        builder.Property(e => e.AddressLine2).HasMaxLength(AddressRules.MaxLineLength);
        builder.Property(e => e.City).HasMaxLength(AddressRules.MaxCityLength);
        builder.Property(e => e.PostalCode).HasMaxLength(AddressRules.MaxPostalCodeLength);
        builder.Property(e => e.Region).HasMaxLength(AddressRules.MaxRegionLength);
        builder.Property(e => e.Country).HasMaxLength(2).IsFixedLength();
        builder.Property(e => e.TaxId).HasMaxLength(LegalEntityRules.MaxTaxIdLength);
        builder.Property(e => e.Currency).HasMaxLength(3).IsFixedLength();
        builder.Property(e => e.Email).HasMaxLength(254);
        builder.Property(e => e.BankAccountName).HasMaxLength(LegalEntityRules.MaxNameLength);
        builder.Property(e => e.Iban).HasMaxLength(34);
        builder.Property(e => e.Bic).HasMaxLength(11);
        builder.Property(e => e.PaymentText).HasMaxLength(LegalEntityRules.MaxPaymentTextLength);
        builder.Property(e => e.InvoicePrefix).HasMaxLength(LegalEntityRules.MaxPrefixLength);
        builder.Property(e => e.CreditNotePrefix).HasMaxLength(LegalEntityRules.MaxPrefixLength);
        builder.Property(e => e.TaxProvider).HasConversion<string>().HasMaxLength(16);
        builder.Property(e => e.AvalaraCompanyCode).HasMaxLength(25);
        builder.Property(e => e.Version).IsConcurrencyToken();
        builder.Ignore(e => e.Address);
    }
}
