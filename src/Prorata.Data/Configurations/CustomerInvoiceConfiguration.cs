using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Prorata.Data.Contracts;
using Prorata.Data.Invoices;
using Prorata.Data.LegalEntities;
using Prorata.Domain.LegalEntities;

namespace Prorata.Data.Configurations;

public sealed class CustomerInvoiceConfiguration : IEntityTypeConfiguration<CustomerInvoice>
{
    public void Configure(EntityTypeBuilder<CustomerInvoice> builder)
    {
        builder.ToTable("Invoices");
        builder.HasKey(i => i.Id);
        builder.HasOne<BillingContract>().WithMany().HasForeignKey(i => i.ContractId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<CustomerInvoice>().WithMany().HasForeignKey(i => i.CreditedInvoiceId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(i => i.Kind).HasConversion<string>().HasMaxLength(16);
        builder.Property(i => i.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(i => i.Currency).HasMaxLength(3).IsFixedLength();
        builder.Property(i => i.LegalEntityName).HasMaxLength(200);
        builder.HasOne<LegalEntity>().WithMany().HasForeignKey(i => i.LegalEntityId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(i => i.NumberPrefix).HasMaxLength(LegalEntityRules.MaxPrefixLength);
        builder.Property(i => i.TaxTreatment).HasConversion<string>().HasMaxLength(16);
        builder.Property(i => i.TaxSource).HasMaxLength(16);
        builder.Ignore(i => i.DisplayNumber);
        // Idempotent billing (billing-rules §4): one invoice per contract and billing date, whoever runs it and however often.
        builder.HasIndex(i => new { i.ContractId, i.BillingDate }).IsUnique().HasFilter("\"Kind\" = 'Invoice'")
            .HasDatabaseName("UX_Invoices_Contract_BillingDate");
        // A customer's invoices and credit notes are read by contract (the receivables ledger, for every payment and dunning
        // hold); the unique index above is partial, so it cannot serve a query that does not name the kind.
        builder.HasIndex(i => i.ContractId).HasDatabaseName("IX_Invoices_ContractId");
        // An invoice may be credited in parts (chosen lines, an amount); the credit notes of one are found by it.
        builder.HasIndex(i => i.CreditedInvoiceId);
        // Each legal entity numbers its invoices and its credit notes in a sequence of their own.
        builder.HasIndex(i => new { i.LegalEntityId, i.Kind, i.Number }).IsUnique();
        builder.HasMany(i => i.Lines).WithOne().HasForeignKey(l => l.InvoiceId).OnDelete(DeleteBehavior.Restrict);
    }
}
