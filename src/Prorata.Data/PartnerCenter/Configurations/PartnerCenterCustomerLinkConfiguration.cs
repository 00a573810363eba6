using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Prorata.Data.PartnerCenter.Configurations;

public sealed class PartnerCenterCustomerLinkConfiguration : IEntityTypeConfiguration<PartnerCenterCustomerLink>
{
    public void Configure(EntityTypeBuilder<PartnerCenterCustomerLink> builder)
    {
        builder.ToTable("PartnerCenterCustomers");
        builder.HasKey(c => c.PartnerCenterCustomerId);
        builder.Property(c => c.PartnerCenterCustomerId).HasMaxLength(64);
        builder.Property(c => c.CompanyName).HasMaxLength(256);
        builder.Property(c => c.Domain).HasMaxLength(256);
        builder.HasOne(c => c.Customer).WithMany().HasForeignKey(c => c.CustomerId).OnDelete(DeleteBehavior.Restrict);
        // One tenant per Prorata customer: two tenants billed as one customer would mix their subscriptions.
        builder.HasIndex(c => c.CustomerId).IsUnique();
    }
}
