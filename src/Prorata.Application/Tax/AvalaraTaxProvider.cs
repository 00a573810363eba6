using System.Globalization;
using Prorata.Integrations.Avalara;
using Prorata.Integrations.Avalara.Wire;

namespace Prorata.Application.Tax;

/// <summary>
/// <see cref="ITaxProvider"/> over Avalara AvaTax. It lives here, beside the interface, because Prorata.Application already
/// references its integrations (as it does Partner Center) while Prorata.Integrations.Avalara references no Prorata project:
/// the integration speaks AvaTax, this class translates.
/// <list type="bullet">
/// <item>An invoice is a SalesInvoice, a credit note a ReturnInvoice with negative amounts, the reversed invoice as its
/// referenceCode and, when known, that invoice's date as the tax date (Avalara asks returns to be taxed as of the original
/// sale). A quote is the matching …Order, which AvaTax calculates but does not keep.</item>
/// <item>Not the <c>/refund</c> endpoint for credit notes: it refunds whole lines or a percentage of an AvaTax transaction,
/// while a Prorata credit note carries its own lines (a prorated seat reduction, a corrected price) — the case Avalara's
/// documentation sends to a ReturnInvoice created directly.</item>
/// <item>A line's rate is the sum of its taxed jurisdictions' rates, from AvaTax's fraction (0.1025) to Prorata's percent
/// (10.25); its name joins their tax names.</item>
/// </list>
/// </summary>
public sealed class AvalaraTaxProvider(AvalaraClient avalara) : ITaxProvider
{
    public async Task<ProviderTax> CalculateAsync(TaxDocument document, bool commit, CancellationToken cancellationToken)
    {
        var transaction = await TranslateFailuresAsync(() => avalara.CreateOrAdjustTransactionAsync(ToTransaction(document, commit), cancellationToken));
        var lines = transaction.Lines ?? [];
        return new ProviderTax([.. lines.Select(ToLineTax)], transaction.TotalTax ?? lines.Sum(l => l.Tax ?? 0m));
    }

    public Task VoidAsync(string companyCode, string documentCode, CancellationToken cancellationToken) =>
        TranslateFailuresAsync(async () =>
        {
            await avalara.VoidTransactionAsync(companyCode, documentCode, DocumentType.SalesInvoice, cancellationToken);
            return true;
        });

    public async Task<TaxAddressResolution> ResolveAddressAsync(TaxAddress address, CancellationToken cancellationToken)
    {
        var resolution = await TranslateFailuresAsync(() => avalara.ResolveAddressAsync(
            new AddressValidationInfo
            {
                Line1 = address.Line1,
                Line2 = address.Line2,
                City = address.City,
                Region = address.Region,
                PostalCode = address.PostalCode,
                Country = address.Country,
                TextCase = "Mixed",
            },
            cancellationToken));
        var messages = resolution.Messages ?? [];
        var validated = resolution.ValidatedAddresses?.FirstOrDefault(a => a.AddressType != "UnknownAddressType");
        var resolved = validated is not null && !messages.Any(m => string.Equals(m.Severity, "Error", StringComparison.OrdinalIgnoreCase));
        return new TaxAddressResolution(
            resolved,
            resolved
                ? new TaxAddress(
                    validated!.Line1 ?? address.Line1, string.IsNullOrEmpty(validated.Line2) ? null : validated.Line2, validated.City ?? address.City,
                    validated.Region ?? address.Region, validated.PostalCode ?? address.PostalCode, validated.Country ?? address.Country)
                : null,
            [.. messages.Select(m => string.IsNullOrWhiteSpace(m.Details) ? m.Summary ?? "" : $"{m.Summary} {m.Details}")]);
    }

    private static CreateTransactionModel ToTransaction(TaxDocument document, bool commit)
    {
        var credit = document.Type == TaxDocumentType.CreditNote;
        if (credit && document.Lines.FirstOrDefault(l => l.Amount > 0m) is { } positive)
        {
            throw new ArgumentException($"Credit note {document.Code}: line {positive.Number} is positive; a credit note's amounts are negative.", nameof(document));
        }
        return new CreateTransactionModel
        {
            Type = (credit, commit) switch
            {
                (false, true) => DocumentType.SalesInvoice,
                (false, false) => DocumentType.SalesOrder,
                (true, true) => DocumentType.ReturnInvoice,
                (true, false) => DocumentType.ReturnOrder,
            },
            CompanyCode = document.CompanyCode,
            Code = document.Code,
            Date = document.Date,
            CustomerCode = document.CustomerCode,
            CurrencyCode = document.Currency,
            Addresses = new AddressesModel { ShipFrom = ToLocation(document.ShipFrom), ShipTo = ToLocation(document.ShipTo) },
            Lines = [.. document.Lines.Select(l => new LineItemModel
            {
                Number = l.Number,
                // AvaTax wants the quantity that changed hands, positive even on a return; the amount carries the sign.
                Quantity = Math.Abs(l.Quantity),
                Amount = l.Amount,
                TaxCode = l.TaxCode,
                ItemCode = l.ItemCode,
                Description = l.Description,
            })],
            Commit = commit,
            ExemptionNo = document.ExemptionNumber,
            BusinessIdentificationNo = document.CustomerTaxId,
            ReferenceCode = document.ReferenceCode,
            TaxOverride = credit && document.ReferenceDate is { } original
                ? new TaxOverrideModel
                {
                    TaxDate = original,
                    Reason = $"Credit note for invoice {document.ReferenceCode} of {original.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}",
                }
                : null,
        };
    }

    private static AddressLocationInfo ToLocation(TaxAddress address) => new()
    {
        Line1 = address.Line1,
        Line2 = address.Line2,
        City = address.City,
        Region = address.Region,
        PostalCode = address.PostalCode,
        Country = address.Country,
    };

    // An exempt jurisdiction comes back with its rate but nothing taxable: it is not part of the rate the customer paid.
    private static ProviderLineTax ToLineTax(TransactionLineModel line)
    {
        var taxed = (line.Details ?? []).Where(d => d.TaxableAmount is not 0m).ToList();
        var names = taxed.Select(d => d.TaxName).Where(n => !string.IsNullOrWhiteSpace(n)).Distinct().ToList();
        return new ProviderLineTax(line.LineNumber ?? "", line.Tax ?? 0m, taxed.Sum(d => d.Rate ?? 0m) * 100m, names.Count == 0 ? null : string.Join(" + ", names));
    }

    private static async Task<T> TranslateFailuresAsync<T>(Func<Task<T>> call)
    {
        try
        {
            return await call();
        }
        catch (AvalaraRefusedException e)
        {
            throw new TaxProviderRefusedException(e.Message);
        }
        catch (AvalaraUnavailableException e)
        {
            throw new TaxProviderUnavailableException(e.Message, e);
        }
    }
}
