using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Prorata.Integrations.Stripe.Tests;

public sealed class OptionsTests
{
    private static readonly Uri Nowhere = new("http://127.0.0.1:9/");

    [Fact]
    public void PublishableKeyAndNoWebhookSecret_RefusedNamingBothSettings()
    {
        using var services = StripeHarness.Services(Nowhere, "pk_test_123", new() { ["Prorata:Stripe:WebhookSecret"] = "" }).BuildServiceProvider();

        var refused = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<StripeGateway>());

        Assert.Equal(
            [
                "Prorata:Stripe:SecretKey must be a secret key (sk_live_…, sk_test_…) or a restricted key (rk_…); a publishable key (pk_…) cannot create customers or charges. Leave it empty to turn Stripe off.",
                "Prorata:Stripe:WebhookSecret must be the webhook endpoint's signing secret (whsec_…): without it Prorata cannot tell Stripe's events from forged ones, and SEPA debits are only settled by events.",
            ],
            refused.Failures);
    }

    [Fact]
    public async Task NoSecretKey_StripeOff_CallsRefused()
    {
        using var services = StripeHarness.Services(Nowhere, "", new() { ["Prorata:Stripe:WebhookSecret"] = "" }).BuildServiceProvider();
        var gateway = services.GetRequiredService<StripeGateway>();

        var refused = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            gateway.EnsureCustomerAsync("CUST-1", "Contoso", "billing@contoso.example", null, CancellationToken.None));

        Assert.False(gateway.IsEnabled);
        Assert.Equal("Stripe is off: Prorata:Stripe:SecretKey is empty.", refused.Message);
    }

    [Fact]
    public void TimeoutOutOfRange_Refused()
    {
        using var services = StripeHarness.Services(Nowhere, "sk_test_x", new() { ["Prorata:Stripe:TimeoutSeconds"] = "0" }).BuildServiceProvider();

        var refused = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<StripeGateway>());

        Assert.Equal(["Prorata:Stripe:TimeoutSeconds must be between 1 and 600 (it is 0)."], refused.Failures);
    }
}
