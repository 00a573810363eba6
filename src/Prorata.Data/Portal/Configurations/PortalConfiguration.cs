using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Prorata.Data.Portal.Configurations;

public sealed class CustomerUserConfiguration : IEntityTypeConfiguration<CustomerUser>
{
    public void Configure(EntityTypeBuilder<CustomerUser> builder)
    {
        builder.ToTable("CustomerUsers");
        builder.HasKey(u => u.Id);
        builder.Property(u => u.Email).HasMaxLength(256);
        builder.Property(u => u.NormalizedEmail).HasMaxLength(256);
        builder.HasIndex(u => u.NormalizedEmail).IsUnique();
        builder.Property(u => u.DisplayName).HasMaxLength(200);
        builder.Property(u => u.Role).HasConversion<string>().HasMaxLength(16);
        builder.Property(u => u.EntraTenantId).HasMaxLength(64);
        builder.Property(u => u.EntraObjectId).HasMaxLength(64);
        builder.HasIndex(u => new { u.EntraTenantId, u.EntraObjectId }).IsUnique();
        builder.Property(u => u.InvitationHash).HasMaxLength(64);
        builder.HasIndex(u => u.InvitationHash).IsUnique();
        builder.Property(u => u.InvitedBy).HasMaxLength(256);
        builder.Property(u => u.SecurityStamp).HasMaxLength(64);
        builder.HasIndex(u => u.CustomerId);
        builder.HasOne(u => u.Customer).WithMany().HasForeignKey(u => u.CustomerId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class PortalOfferConfiguration : IEntityTypeConfiguration<PortalOffer>
{
    public void Configure(EntityTypeBuilder<PortalOffer> builder)
    {
        builder.ToTable("PortalOffers");
        builder.HasKey(o => o.Id);
        builder.Property(o => o.ProductId).HasMaxLength(64);
        builder.Property(o => o.SkuId).HasMaxLength(64);
        builder.Property(o => o.Term).HasConversion<string>().HasMaxLength(8);
        builder.Property(o => o.BillingPlan).HasConversion<string>().HasMaxLength(16);
        builder.HasIndex(o => new { o.CustomerId, o.ProductId, o.SkuId, o.Term, o.BillingPlan }).IsUnique();
        builder.HasOne<Customers.Customer>().WithMany().HasForeignKey(o => o.CustomerId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(o => o.Contract).WithMany().HasForeignKey(o => o.ContractId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class PortalPolicyConfiguration : IEntityTypeConfiguration<PortalPolicy>
{
    public void Configure(EntityTypeBuilder<PortalPolicy> builder)
    {
        builder.ToTable("PortalPolicies");
        builder.HasKey(p => p.CustomerId);
        builder.HasOne<Customers.Customer>().WithMany().HasForeignKey(p => p.CustomerId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class PortalRequestConfiguration : IEntityTypeConfiguration<PortalRequest>
{
    public void Configure(EntityTypeBuilder<PortalRequest> builder)
    {
        builder.ToTable("PortalRequests");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.RequestedBy).HasMaxLength(256);
        builder.Property(r => r.Type).HasConversion<string>().HasMaxLength(24);
        builder.Property(r => r.ProductId).HasMaxLength(64);
        builder.Property(r => r.SkuId).HasMaxLength(64);
        builder.Property(r => r.Title).HasMaxLength(256);
        builder.Property(r => r.Term).HasConversion<string>().HasMaxLength(8);
        builder.Property(r => r.BillingPlan).HasConversion<string>().HasMaxLength(16);
        builder.Property(r => r.Currency).HasMaxLength(3);
        builder.Property(r => r.Reason).HasMaxLength(500);
        builder.Property(r => r.State).HasConversion<string>().HasMaxLength(16);
        builder.Property(r => r.DecidedBy).HasMaxLength(256);
        builder.Property(r => r.Outcome).HasMaxLength(1000);
        builder.HasIndex(r => new { r.State, r.RequestedAt });
        builder.HasIndex(r => new { r.CustomerId, r.RequestedAt });
        builder.HasOne<Customers.Customer>().WithMany().HasForeignKey(r => r.CustomerId).OnDelete(DeleteBehavior.Restrict);
    }
}
