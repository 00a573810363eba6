using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Prorata.Data.PartnerCenter.Configurations;

public sealed class PartnerCenterCredentialConfiguration : IEntityTypeConfiguration<PartnerCenterCredential>
{
    public void Configure(EntityTypeBuilder<PartnerCenterCredential> builder)
    {
        builder.ToTable("PartnerCenterCredentials");
        builder.HasKey(c => c.Name);
        builder.Property(c => c.Name).HasMaxLength(128);
    }
}
