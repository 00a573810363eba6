using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Prorata.Data.Contracts;

namespace Prorata.Data.Commissions.Configurations;

public sealed class ContractSalespersonConfiguration : IEntityTypeConfiguration<ContractSalesperson>
{
    public void Configure(EntityTypeBuilder<ContractSalesperson> builder)
    {
        builder.ToTable("ContractSalespeople");
        builder.HasKey(a => new { a.ContractId, a.From });
        builder.HasOne<BillingContract>().WithMany().HasForeignKey(a => a.ContractId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Salesperson>().WithMany().HasForeignKey(a => a.SalespersonId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(a => a.AssignedBy).HasMaxLength(200);
    }
}
