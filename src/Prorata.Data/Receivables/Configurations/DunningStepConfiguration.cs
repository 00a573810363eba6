using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Prorata.Data.Customers;
using Prorata.Data.Invoices;

namespace Prorata.Data.Receivables.Configurations;

public sealed class DunningStepConfiguration : IEntityTypeConfiguration<DunningStep>
{
    public void Configure(EntityTypeBuilder<DunningStep> builder)
    {
        builder.ToTable("DunningSteps");
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Kind).HasConversion<string>().HasMaxLength(16);
        builder.HasOne<Customer>().WithMany().HasForeignKey(s => s.CustomerId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<CustomerInvoice>().WithMany().HasForeignKey(s => s.InvoiceId).OnDelete(DeleteBehavior.Restrict);
        // A reminder per invoice and step, once, whatever runs the job twice.
        builder.HasIndex(s => new { s.InvoiceId, s.Days }).IsUnique().HasFilter("\"Days\" IS NOT NULL");
        builder.HasIndex(s => new { s.CustomerId, s.At });
    }
}
