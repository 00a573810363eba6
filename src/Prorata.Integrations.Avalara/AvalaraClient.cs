using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Polly.Timeout;
using Prorata.Integrations.Avalara.Wire;

namespace Prorata.Integrations.Avalara;

/// <summary>
/// AvaTax REST v2 over the typed HttpClient registered by <see cref="AvalaraServiceCollectionExtensions.AddAvalaraTax"/>, which
/// already authenticates and retries. This class shapes the requests and turns what comes back into a model, an
/// <see cref="AvalaraRefusedException"/> (4xx, Avalara's message kept) or an <see cref="AvalaraUnavailableException"/>.
/// </summary>
public sealed class AvalaraClient(HttpClient http)
{
    public const string ClientHeaderName = "X-Avalara-Client";

    /// <summary>
    /// Records (or, for an <c>…Order</c>, only calculates) a transaction through <c>POST /api/v2/transactions/createoradjust</c>.
    /// Not <c>/transactions/create</c>: when an answer is lost after AvaTax recorded the document, the retry sends the same
    /// code again, and <c>create</c> would refuse it once committed (DocumentCodeConflict) while <c>createoradjust</c> adjusts
    /// the one transaction of that code to the same content and answers its tax. Either way the company holds a single
    /// transaction per code; with <c>createoradjust</c> the retried commit also succeeds.
    /// </summary>
    public Task<TransactionModel> CreateOrAdjustTransactionAsync(CreateTransactionModel transaction, CancellationToken cancellationToken) =>
        SendAsync<TransactionModel>(
            "api/v2/transactions/createoradjust?$include=Details",
            new CreateOrAdjustTransactionModel
            {
                AdjustmentReason = "Other",
                AdjustmentDescription = "Sent again by Prorata with the same document code",
                CreateTransactionModel = transaction,
            },
            $"transaction {transaction.Code}",
            cancellationToken);

    /// <summary><c>POST /api/v2/companies/{companyCode}/transactions/{transactionCode}/commit</c>: reports a Saved transaction.</summary>
    public Task<TransactionModel> CommitTransactionAsync(
        string companyCode, string transactionCode, DocumentType documentType, CancellationToken cancellationToken) =>
        SendAsync<TransactionModel>(
            $"{TransactionPath(companyCode, transactionCode)}/commit?documentType={documentType}",
            new CommitTransactionModel(true),
            $"commit of transaction {transactionCode}",
            cancellationToken);

    /// <summary>
    /// <c>POST …/transactions/{transactionCode}/void</c> with code DocVoided. A transaction that is already Cancelled counts as
    /// voided: that is where a retried void whose first answer was lost ends.
    /// </summary>
    public async Task VoidTransactionAsync(
        string companyCode, string transactionCode, DocumentType documentType, CancellationToken cancellationToken)
    {
        try
        {
            await SendAsync<TransactionModel>(
                $"{TransactionPath(companyCode, transactionCode)}/void?documentType={documentType}",
                new VoidTransactionModel("DocVoided"),
                $"void of transaction {transactionCode}",
                cancellationToken);
        }
        catch (AvalaraRefusedException e) when (e.ErrorCode == "TransactionAlreadyCancelled")
        {
        }
    }

    /// <summary><c>POST /api/v2/addresses/resolve</c>. An address AvaTax cannot place comes back as messages, not as an error.</summary>
    public Task<AddressResolutionModel> ResolveAddressAsync(AddressValidationInfo address, CancellationToken cancellationToken) =>
        SendAsync<AddressResolutionModel>("api/v2/addresses/resolve", address, "address", cancellationToken);

    private async Task<T> SendAsync<T>(string path, object body, string what, CancellationToken cancellationToken)
    {
        HttpResponseMessage response;
        try
        {
            response = await http.PostAsJsonAsync(path, body, AvaTaxJson.Options, cancellationToken);
        }
        catch (Exception e) when (e is HttpRequestException or TimeoutRejectedException
                                      || (e is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            throw new AvalaraUnavailableException($"AvaTax did not answer the {what}: {e.Message}", e);
        }

        using (response)
        {
            if (response.IsSuccessStatusCode)
            {
                return await response.Content.ReadFromJsonAsync<T>(AvaTaxJson.Options, cancellationToken)
                    ?? throw new AvalaraUnavailableException($"AvaTax answered the {what} with an empty body.");
            }
            var error = await ReadErrorAsync(response, cancellationToken);
            var status = (int)response.StatusCode;
            if (response.StatusCode == HttpStatusCode.Unauthorized)
            {
                throw new AvalaraRefusedException(response.StatusCode, error,
                    $"AvaTax refused the credentials ({Describe(error, "401 Unauthorized")}): check {AvalaraOptions.SectionName}:AccountId and "
                    + $"{AvalaraOptions.SectionName}:LicenseKey, and that {AvalaraOptions.SectionName}:BaseAddress is the environment they belong to.");
            }
            if (status >= 500 || response.StatusCode is HttpStatusCode.TooManyRequests or HttpStatusCode.RequestTimeout)
            {
                throw new AvalaraUnavailableException(
                    $"AvaTax failed the {what} after retries ({status}{(error is null ? "" : ", " + Describe(error, ""))}).");
            }
            throw new AvalaraRefusedException(response.StatusCode, error,
                $"AvaTax refused the {what}: {Describe(error, $"{status} {response.ReasonPhrase}")}");
        }
    }

    // "Unable to determine the taxing jurisdictions. 1 Nowhere Rd… (JurisdictionNotFoundError)": the summary, what the
    // details add to it, and the code a person can look up in Avalara's error reference.
    private static string Describe(ErrorInfo? error, string fallback)
    {
        if (error is null)
        {
            return fallback;
        }
        var text = new StringBuilder(error.Message ?? fallback);
        foreach (var detail in error.Details ?? [])
        {
            foreach (var part in new[] { detail.Message, detail.Description })
            {
                if (!string.IsNullOrWhiteSpace(part) && !text.ToString().Contains(part, StringComparison.Ordinal))
                {
                    text.Append(' ').Append(part);
                }
            }
        }
        return error.Code is null ? text.ToString() : $"{text} ({error.Code})";
    }

    private static async Task<ErrorInfo?> ReadErrorAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }
        try
        {
            return JsonSerializer.Deserialize<ErrorResult>(text, AvaTaxJson.Options)?.Error;
        }
        catch (JsonException)
        {
            // A gateway's HTML page in front of AvaTax, not AvaTax's error model.
            return null;
        }
    }

    private static string TransactionPath(string companyCode, string transactionCode) =>
        $"api/v2/companies/{EscapeCode(companyCode)}/transactions/{EscapeCode(transactionCode)}";

    // AvaTax's own escapes for codes in a URL path ('/', '+', '?', '%', '#'); a space is sent as %20.
    private static string EscapeCode(string code) => code
        .Replace("/", "_-ava2f-_", StringComparison.Ordinal)
        .Replace("+", "_-ava2b-_", StringComparison.Ordinal)
        .Replace("?", "_-ava3f-_", StringComparison.Ordinal)
        .Replace("%", "_-ava25-_", StringComparison.Ordinal)
        .Replace("#", "_-ava23-_", StringComparison.Ordinal)
        .Replace(" ", "%20", StringComparison.Ordinal);
}
