using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Prorata.Data.Commissions.Configurations;

public sealed class CommissionStatementConfiguration : IEntityTypeConfiguration<CommissionStatement>
{
    public void Configure(EntityTypeBuilder<CommissionStatement> builder)
    {
        builder.ToTable("CommissionStatements");
        builder.HasKey(s => s.Id);
        builder.HasOne<Salesperson>().WithMany().HasForeignKey(s => s.SalespersonId).OnDelete(DeleteBehavior.Restrict);
        // One statement per salesperson and month: of two approvals at once, the second fails here and is a 409.
        builder.HasIndex(s => new { s.SalespersonId, s.Month }).IsUnique();
        builder.Property(s => s.State).HasConversion<string>().HasMaxLength(16);
        builder.Property(s => s.ApprovedBy).HasMaxLength(200);
        builder.Property(s => s.PaidBy).HasMaxLength(200);
        builder.Property(s => s.PaidReference).HasMaxLength(200);
        builder.HasMany(s => s.Entries).WithOne().HasForeignKey(e => e.StatementId).OnDelete(DeleteBehavior.Restrict);
    }
}
