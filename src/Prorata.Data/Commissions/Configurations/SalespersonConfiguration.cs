using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Prorata.Data.Commissions.Configurations;

public sealed class SalespersonConfiguration : IEntityTypeConfiguration<Salesperson>
{
    public void Configure(EntityTypeBuilder<Salesperson> builder)
    {
        builder.ToTable("Salespeople");
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Name).HasMaxLength(200);
        builder.Property(s => s.Email).HasMaxLength(254);
        builder.HasIndex(s => s.Email).IsUnique();
        builder.HasMany(s => s.Plans).WithOne().HasForeignKey(p => p.SalespersonId).OnDelete(DeleteBehavior.Cascade);
    }
}
