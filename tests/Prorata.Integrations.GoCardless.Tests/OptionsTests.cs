using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Prorata.Integrations.GoCardless.Tests;

public sealed class OptionsTests
{
    private static ServiceProvider Services(Dictionary<string, string?> settings) =>
        new ServiceCollection()
            .AddGoCardlessPayments(new ConfigurationBuilder().AddInMemoryCollection(settings).Build())
            .BuildServiceProvider();

    [Fact]
    public void NoAccessToken_GoCardlessOffAndNothingRegistered()
    {
        using var services = Services(new() { ["Prorata:GoCardless:WebhookSecret"] = "secret" });

        Assert.Null(services.GetService<GoCardlessGateway>());
    }

    [Fact]
    public void AccessTokenWithWrongSettings_EachNamedWithWhatToPutThere()
    {
        using var services = Services(new()
        {
            ["Prorata:GoCardless:AccessToken"] = "live_token",
            ["Prorata:GoCardless:BaseAddress"] = "http://api.gocardless.com/",
            ["Prorata:GoCardless:TimeoutSeconds"] = "0",
        });

        var invalid = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<GoCardlessOptions>>().Value);

        Assert.Equal(
            [
                "Prorata:GoCardless:WebhookSecret is empty: copy the secret of the webhook endpoint you created in GoCardless's dashboard "
                + "(without it no payment event can be trusted).",
                "Prorata:GoCardless:BaseAddress 'http://api.gocardless.com/' is not an https address: use https://api.gocardless.com/ "
                + "or https://api-sandbox.gocardless.com/ (plain http only on loopback, for the simulator).",
                "Prorata:GoCardless:TimeoutSeconds is 0: give 1 to 300 seconds per attempt.",
            ],
            invalid.Failures);
    }

    [Fact]
    public void Defaults_LiveApiThirtySecondAttempts()
    {
        using var services = Services(new()
        {
            ["Prorata:GoCardless:AccessToken"] = "live_token", ["Prorata:GoCardless:WebhookSecret"] = "secret",
        });

        var options = services.GetRequiredService<IOptions<GoCardlessOptions>>().Value;

        Assert.Equal((new Uri("https://api.gocardless.com/"), 30, 3), (options.BaseAddress, options.TimeoutSeconds, options.MaxRetryAttempts));
        Assert.NotNull(services.GetService<GoCardlessGateway>());
    }
}
