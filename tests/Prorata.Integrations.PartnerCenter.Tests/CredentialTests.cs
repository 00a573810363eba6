using System.Text;
using Prorata.Integrations.PartnerCenter.Credentials;

namespace Prorata.Integrations.PartnerCenter.Tests;

public sealed class CredentialTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task RefreshToken_AfterConsent_StoredEncryptedNotInClearText()
    {
        await using var pc = await PartnerCenterHarness.StartAsync();

        var stored = await pc.TokenStore.GetAsync(None);
        var bytes = await pc.Vault.ReadAsync("partner-center-refresh-token", None);

        Assert.StartsWith("rt.", stored!.Token, StringComparison.Ordinal);
        Assert.DoesNotContain(stored.Token, Encoding.UTF8.GetString(bytes!), StringComparison.Ordinal);
        Assert.DoesNotContain(stored.Token[3..], Convert.ToHexString(bytes!), StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(stored.Token, stored.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RefreshToken_EachRedemption_RotatedAndOldOneRetired()
    {
        await using var pc = await PartnerCenterHarness.StartAsync();
        var consented = (await pc.TokenStore.GetAsync(None))!;
        await pc.AdvanceAsync(TimeSpan.FromDays(3));

        await pc.Client.GetCustomersAsync(None).ToListAsync();
        var afterFirstUse = (await pc.TokenStore.GetAsync(None))!;
        await pc.PostAsync("_sim/tokens/expire", new { });
        await pc.Client.GetCustomersAsync(None).ToListAsync();
        var afterRenewal = (await pc.TokenStore.GetAsync(None))!;

        Assert.NotEqual(consented.Token, afterFirstUse.Token);
        Assert.NotEqual(afterFirstUse.Token, afterRenewal.Token);
        Assert.Equal(PartnerCenterHarness.Start.AddDays(3), afterFirstUse.IssuedAt);
        Assert.Equal(2, (int)(await pc.StatsAsync())["refreshTokenRedemptions"]!);
    }

    [Theory]
    [InlineData(79, false, false)]
    [InlineData(80, true, false)]
    [InlineData(89, true, false)]
    [InlineData(90, false, true)]
    public void CredentialStatus_ByAgeInDays_WarnsFromDay80AndExpiresAtDay90(int ageDays, bool expiringSoon, bool expired)
    {
        var issued = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

        var status = CredentialStatus.Of(new RefreshTokenRecord("rt.x", issued), issued.AddDays(ageDays));

        Assert.Equal((true, expiringSoon, expired, new DateTimeOffset(2026, 4, 1, 0, 0, 0, TimeSpan.Zero)), (status.Consented, status.ExpiringSoon, status.Expired, status.ExpiresAt!.Value));
        Assert.Equal(expiringSoon || expired, status.NeedsAttention);
    }

    [Fact]
    public async Task CredentialStatus_NeverConsented_NeedsAttention()
    {
        var store = new ProtectedRefreshTokenStore(new Microsoft.AspNetCore.DataProtection.EphemeralDataProtectionProvider(), new InMemoryCredentialVault());

        var status = CredentialStatus.Of(await store.GetAsync(None), PartnerCenterHarness.Start);

        Assert.Equal((false, true), (status.Consented, status.NeedsAttention));
    }
}
