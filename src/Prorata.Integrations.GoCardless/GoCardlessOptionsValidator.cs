using Microsoft.Extensions.Options;

namespace Prorata.Integrations.GoCardless;

/// <summary>Says which key of "Prorata:GoCardless" is wrong and what to put there, so a misconfigured host stops at start.</summary>
public sealed class GoCardlessOptionsValidator : IValidateOptions<GoCardlessOptions>
{
    public ValidateOptionsResult Validate(string? name, GoCardlessOptions options)
    {
        if (!options.Enabled)
        {
            return ValidateOptionsResult.Success;
        }
        const string section = GoCardlessOptions.SectionName;
        var failures = new List<string>();
        if (string.IsNullOrWhiteSpace(options.WebhookSecret))
        {
            failures.Add($"{section}:WebhookSecret is empty: copy the secret of the webhook endpoint you created in GoCardless's dashboard "
                         + "(without it no payment event can be trusted).");
        }
        if (options.BaseAddress is not { IsAbsoluteUri: true } address
            || (address.Scheme != Uri.UriSchemeHttps && !(address.Scheme == Uri.UriSchemeHttp && address.IsLoopback)))
        {
            failures.Add($"{section}:BaseAddress '{options.BaseAddress}' is not an https address: use https://api.gocardless.com/ "
                         + "or https://api-sandbox.gocardless.com/ (plain http only on loopback, for the simulator).");
        }
        if (options.TimeoutSeconds is < 1 or > 300)
        {
            failures.Add($"{section}:TimeoutSeconds is {options.TimeoutSeconds}: give 1 to 300 seconds per attempt.");
        }
        if (options.MaxRetryAttempts is < 0 or > 10)
        {
            failures.Add($"{section}:MaxRetryAttempts is {options.MaxRetryAttempts}: give 0 (no retry) to 10.");
        }
        if (options.RetryDelay < TimeSpan.Zero || options.MaxRetryAfter < TimeSpan.Zero)
        {
            failures.Add($"{section}:RetryDelay and {section}:MaxRetryAfter cannot be negative.");
        }
        if (options.TotalTimeout < TimeSpan.FromSeconds(options.TimeoutSeconds))
        {
            failures.Add($"{section}:TotalTimeout ({options.TotalTimeout}) is shorter than one attempt ({options.TimeoutSeconds} s).");
        }
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
