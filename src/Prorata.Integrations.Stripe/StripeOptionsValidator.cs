using Microsoft.Extensions.Options;

namespace Prorata.Integrations.Stripe;

/// <summary>
/// Checks "Prorata:Stripe" when the host starts, naming the key and what it should look like. With no secret key Stripe is
/// off and only the numbers are checked.
/// </summary>
internal sealed class StripeOptionsValidator : IValidateOptions<StripeOptions>
{
    private const string Section = StripeOptions.SectionName;

    public ValidateOptionsResult Validate(string? name, StripeOptions options)
    {
        var failures = new List<string>();
        if (options.IsEnabled)
        {
            if (!options.SecretKey.StartsWith("sk_", StringComparison.Ordinal) && !options.SecretKey.StartsWith("rk_", StringComparison.Ordinal))
            {
                failures.Add($"{Section}:SecretKey must be a secret key (sk_live_…, sk_test_…) or a restricted key (rk_…); "
                    + "a publishable key (pk_…) cannot create customers or charges. Leave it empty to turn Stripe off.");
            }
            if (!options.WebhookSecret.StartsWith("whsec_", StringComparison.Ordinal))
            {
                failures.Add($"{Section}:WebhookSecret must be the webhook endpoint's signing secret (whsec_…): without it "
                    + "Prorata cannot tell Stripe's events from forged ones, and SEPA debits are only settled by events.");
            }
        }
        if (options.ApiBase is not { IsAbsoluteUri: true } apiBase || (apiBase.Scheme != Uri.UriSchemeHttps && apiBase.Scheme != Uri.UriSchemeHttp))
        {
            failures.Add($"{Section}:ApiBase must be an absolute http(s) address such as https://api.stripe.com.");
        }
        if (options.TimeoutSeconds is < 1 or > 600)
        {
            failures.Add($"{Section}:TimeoutSeconds must be between 1 and 600 (it is {options.TimeoutSeconds}).");
        }
        if (options.WebhookToleranceSeconds is < 1 or > 3600)
        {
            failures.Add($"{Section}:WebhookToleranceSeconds must be between 1 and 3600 (it is {options.WebhookToleranceSeconds}); Stripe recommends 300.");
        }
        if (options.MaxRetryAttempts is < 0 or > 10)
        {
            failures.Add($"{Section}:MaxRetryAttempts must be between 0 and 10 (it is {options.MaxRetryAttempts}).");
        }
        if (options.RetryDelay < TimeSpan.Zero || options.RetryDelay > TimeSpan.FromMinutes(1))
        {
            failures.Add($"{Section}:RetryDelay must be between 00:00:00 and 00:01:00 (it is {options.RetryDelay}).");
        }
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
