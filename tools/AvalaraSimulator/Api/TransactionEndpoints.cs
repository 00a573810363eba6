using AvalaraSimulator.State;
using AvalaraSimulator.Tax;

namespace AvalaraSimulator.Api;

/// <summary>
/// AvaTax's transaction surface: create, createoradjust, get by code, commit, void and refund. Orders (SalesOrder,
/// ReturnOrder) are calculated and never kept; invoices are kept per company, code and type as Saved, or Committed when
/// <c>commit</c> is true.
/// </summary>
public static class TransactionEndpoints
{
    private static readonly string[] Orders = ["SalesOrder", "ReturnOrder"];
    private static readonly string[] Invoices = ["SalesInvoice", "ReturnInvoice"];

    public static void MapTransactionEndpoints(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v2");

        // create refuses a code that is already committed; the caller must adjust or void it (DocumentCodeConflict).
        api.MapPost("/transactions/create", (CreateTransactionInput model, HttpContext context, TransactionStore store, JurisdictionTable table, TimeProvider time, Faults faults) =>
            RecordAsync(model, adjustIfCommitted: false, null, null, Include(context), context, store, table, time, faults));

        // createoradjust: "If there exists a transaction identified by code, the original transaction will be adjusted".
        api.MapPost("/transactions/createoradjust", (CreateOrAdjustInput body, HttpContext context, TransactionStore store, JurisdictionTable table, TimeProvider time, Faults faults) =>
            body.CreateTransactionModel is { } model
                ? RecordAsync(model, adjustIfCommitted: true, body.AdjustmentReason, body.AdjustmentDescription, Include(context), context, store, table, time, faults)
                : Task.FromResult(AvaTaxError.Required("createTransactionModel", "Field createTransactionModel is required.").ToResult()));

        var transaction = api.MapGroup("/companies/{companyCode}/transactions/{transactionCode}");

        transaction.MapGet("", (string companyCode, string transactionCode, string? documentType, HttpContext context, TransactionStore store) =>
            store.Find(Key(companyCode, transactionCode, documentType)) is { } found
                ? Results.Json(Output(found, Include(context)))
                : AvaTaxError.NotFound("Document", Unescape(transactionCode)).ToResult());

        transaction.MapPost("/commit", (string companyCode, string transactionCode, string? documentType, CommitInput body, HttpContext context, TransactionStore store, TimeProvider time, Faults faults) =>
        {
            var key = Key(companyCode, transactionCode, documentType);
            return AnswerAsync(store.Change(key, current => current switch
            {
                null => (null, AvaTaxError.NotFound("Document", key.Code)),
                { Status: "Cancelled" } => (null, AvaTaxError.Cancelled(key.Code)),
                _ => (current with { Status = body.Commit ? "Committed" : "Saved", ModifiedDate = time.GetUtcNow() }, null),
            }), Include(context), context, faults);
        });

        transaction.MapPost("/void", (string companyCode, string transactionCode, string? documentType, VoidInput body, HttpContext context, TransactionStore store, TimeProvider time, Faults faults) =>
        {
            if (body.Code is not ("DocVoided" or "DocDeleted" or "PostFailed" or "AdjustmentCancelled"))
            {
                return Task.FromResult(AvaTaxError.Required("code", "Please specify the reason for voiding or cancelling this transaction; to void it, the code 'DocVoided'.").ToResult());
            }
            var key = Key(companyCode, transactionCode, documentType);
            return AnswerAsync(store.Change(key, current => current switch
            {
                null => (null, AvaTaxError.NotFound("Document", key.Code)),
                { Status: "Cancelled" } => (null, AvaTaxError.Cancelled(key.Code)),
                _ => (current with { Status = "Cancelled", ModifiedDate = time.GetUtcNow() }, null),
            }), Include(context), context, faults);
        });

        transaction.MapPost("/refund", (string companyCode, string transactionCode, string? documentType, RefundInput body, HttpContext context, TransactionStore store, TimeProvider time, Faults faults) =>
            AnswerAsync(Refund(Key(companyCode, transactionCode, documentType), body, store, time), Include(context), context, faults));
    }

    private static Task<IResult> RecordAsync(
        CreateTransactionInput model, bool adjustIfCommitted, string? adjustmentReason, string? adjustmentDescription, IncludeLevel include,
        HttpContext context, TransactionStore store, JurisdictionTable table, TimeProvider time, Faults faults)
    {
        var type = model.Type ?? "SalesOrder";
        if (!Orders.Contains(type) && !Invoices.Contains(type))
        {
            return Task.FromResult(AvaTaxError.Invalid("type", $"The document type '{type}' is not one the simulator models (SalesOrder, SalesInvoice, ReturnOrder, ReturnInvoice).").ToResult());
        }
        var companyCode = string.IsNullOrWhiteSpace(model.CompanyCode) ? "DEFAULT" : model.CompanyCode;
        var code = string.IsNullOrWhiteSpace(model.Code) ? Guid.NewGuid().ToString() : model.Code;
        var (lines, error) = Calculate(model, type, table, store);
        if (error is not null)
        {
            return Task.FromResult(error.ToResult());
        }
        var now = time.GetUtcNow();
        var date = model.Date ?? DateOnly.FromDateTime(now.UtcDateTime);
        var draft = new SimTransaction
        {
            Id = store.NextId(),
            CompanyCode = companyCode,
            CompanyId = store.CompanyId(companyCode),
            Code = code,
            Type = type,
            Status = Orders.Contains(type) ? "Temporary" : model.Commit == true ? "Committed" : "Saved",
            Date = date,
            TaxDate = model.TaxOverride is { Type: "TaxDate", TaxDate: { } taxDate } ? taxDate : date,
            CurrencyCode = model.CurrencyCode ?? "USD",
            CustomerCode = model.CustomerCode,
            ExemptNo = model.ExemptionNo,
            ReferenceCode = model.ReferenceCode,
            BusinessIdentificationNo = model.BusinessIdentificationNo,
            Lines = lines!,
            ModifiedDate = now,
        };
        if (Orders.Contains(type))
        {
            return Task.FromResult(Results.Json(Output(draft, include)));
        }
        return AnswerAsync(store.Change(draft.Key, current => current switch
        {
            null => (draft, null),
            { Status: "Cancelled" } => (null, AvaTaxError.Cancelled(code)),
            { Status: "Committed" } when !adjustIfCommitted => (null, new AvaTaxError(400, "DocumentCodeConflict", 303,
                $"Two documents exist for the company '{companyCode}' with the document code '{code}'.  Please void one of them using its ID number.",
                "A committed transaction keeps its code: adjust it (createoradjust, adjust) or void it.")),
            _ => (draft with
            {
                Id = current.Id,
                Version = current.Version + 1,
                AdjustmentReason = adjustIfCommitted ? adjustmentReason ?? "NotAdjusted" : null,
                AdjustmentDescription = adjustIfCommitted ? adjustmentDescription : null,
            }, null),
        }), include, context, faults);
    }

    private static (IReadOnlyList<SimLine>? Lines, AvaTaxError? Error) Calculate(CreateTransactionInput model, string type, JurisdictionTable table, TransactionStore store)
    {
        if (model.Lines is not { Count: > 0 })
        {
            return (null, AvaTaxError.Required("lines", "Field lines is required."));
        }
        var shipTo = model.Addresses?.ShipTo ?? model.Addresses?.SingleLocation;
        if (shipTo is null)
        {
            return (null, AvaTaxError.Required("addresses", "An address is required for calculation."));
        }
        // LineItemModel: "For refund or return transactions, this value must be negative." (A sale may carry a negative
        // discount or correction line, so only returns are checked.)
        if (type.StartsWith("Return", StringComparison.Ordinal) && model.Lines.FirstOrDefault(l => l.Amount > 0) is { } positive)
        {
            return (null, AvaTaxError.Invalid("lines.amount", $"Line {positive.Number}: on a refund or return the amount must be negative."));
        }
        if (table.Locate(shipTo.Country, shipTo.Region, shipTo.PostalCode) is not { } jurisdiction)
        {
            return (null, new AvaTaxError(400, "JurisdictionNotFoundError", 130, "Unable to determine the taxing jurisdictions.",
                $"The address {Describe(shipTo)} could not be located.", "Addresses.ShipTo", "IncorrectData"));
        }
        var exempt = !string.IsNullOrWhiteSpace(model.ExemptionNo);
        var lines = model.Lines.Select((l, i) => new SimLine(
            store.NextId(), l.Number ?? (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), l.Description, l.ItemCode, l.TaxCode,
            l.Quantity is null or 0 ? 1 : l.Quantity.Value, l.Amount, TaxCalculator.Calculate(l.Amount, jurisdiction, exempt),
            jurisdiction.Country, jurisdiction.Region)).ToList();
        return (lines, null);
    }

    // RefundTransaction: a ReturnInvoice that gives back exactly the tax of the original lines (Full, Partial, Percentage).
    private static (SimTransaction?, AvaTaxError?) Refund(TransactionKey original, RefundInput body, TransactionStore store, TimeProvider time)
    {
        if (original.Type != "SalesInvoice")
        {
            return (null, new AvaTaxError(400, "InvalidDocumentTypeForRefund", 1202, "Only a SalesInvoice can be refunded."));
        }
        if (store.Find(original) is not { } sale)
        {
            return (null, AvaTaxError.NotFound("Document", original.Code));
        }
        if (sale.Status is not ("Committed" or "Saved"))
        {
            return (null, new AvaTaxError(400, "InvalidDocumentStatusForRefund", 1201, $"The transaction '{sale.Code}' is {sale.Status} and cannot be refunded."));
        }
        if (string.IsNullOrWhiteSpace(body.RefundTransactionCode))
        {
            return (null, AvaTaxError.Required("refundTransactionCode", "Field refundTransactionCode is required."));
        }
        var refundType = body.RefundType ?? "Full";
        IEnumerable<SimLine> lines = refundType switch
        {
            "Full" or "Percentage" => sale.Lines,
            "Partial" => sale.Lines.Where(l => body.RefundLines?.Contains(l.Number) == true),
            _ => [],
        };
        if (refundType is not ("Full" or "Partial" or "Percentage"))
        {
            return (null, AvaTaxError.Invalid("refundType", $"The refund type '{refundType}' is not one the simulator models (Full, Partial, Percentage)."));
        }
        var share = refundType == "Percentage" ? (body.RefundPercentage ?? 100m) / 100m : 1m;
        var now = time.GetUtcNow();
        var refund = new SimTransaction
        {
            Id = store.NextId(),
            CompanyCode = sale.CompanyCode,
            CompanyId = sale.CompanyId,
            Code = body.RefundTransactionCode,
            Type = "ReturnInvoice",
            Status = "Committed",
            Date = body.RefundDate ?? DateOnly.FromDateTime(now.UtcDateTime),
            TaxDate = sale.Date,
            CurrencyCode = sale.CurrencyCode,
            CustomerCode = sale.CustomerCode,
            ExemptNo = sale.ExemptNo,
            ReferenceCode = body.ReferenceCode ?? sale.Code,
            Lines = [.. lines.Select(l => l with { Id = store.NextId(), Amount = -Round(l.Amount * share), Tax = Reverse(l.Tax, share) })],
            ModifiedDate = now,
        };
        return store.Change(refund.Key, current => current is null
            ? (refund, null)
            : (null, new AvaTaxError(400, "DocumentCodeConflict", 303,
                $"Two documents exist for the company '{sale.CompanyCode}' with the document code '{refund.Code}'.  Please void one of them using its ID number.")));
    }

    private static LineTax Reverse(LineTax tax, decimal share)
    {
        var total = -Round(tax.Tax * share);
        var details = tax.Details.Select(d => d with { Tax = -Round(d.Tax * share), Taxable = -Round(d.Taxable * share), Exempt = -Round(d.Exempt * share) }).ToList();
        if (details.Count > 0)
        {
            details[^1] = details[^1] with { Tax = total - details.Take(details.Count - 1).Sum(d => d.Tax) };
        }
        return new LineTax(total, -Round(tax.Taxable * share), -Round(tax.Exempt * share), details);
    }

    private static decimal Round(decimal value) => Math.Round(value, 2, MidpointRounding.AwayFromZero);

    // A recorded change whose answer a test asked to lose: kept first, answered too late for the client.
    private static async Task<IResult> AnswerAsync((SimTransaction? Transaction, AvaTaxError? Error) outcome, IncludeLevel include, HttpContext context, Faults faults)
    {
        if (outcome.Error is { } error)
        {
            return error.ToResult();
        }
        if (faults.TakeLostAnswer())
        {
            try
            {
                await Task.Delay(faults.LostAnswerDelay, context.RequestAborted);
            }
            catch (OperationCanceledException)
            {
                return Results.Empty;
            }
        }
        return Results.Json(Output(outcome.Transaction!, include));
    }

    private static TransactionKey Key(string companyCode, string transactionCode, string? documentType) =>
        TransactionKey.Of(Unescape(companyCode), Unescape(transactionCode), documentType ?? "SalesInvoice");

    // AvaTax's escapes for characters a code cannot carry in a URL path.
    private static string Unescape(string code) => code
        .Replace("_-ava2f-_", "/", StringComparison.Ordinal)
        .Replace("_-ava2b-_", "+", StringComparison.Ordinal)
        .Replace("_-ava3f-_", "?", StringComparison.Ordinal)
        .Replace("_-ava25-_", "%", StringComparison.Ordinal)
        .Replace("_-ava23-_", "#", StringComparison.Ordinal);

    private static string Describe(AddressInput a) =>
        string.Join(", ", new[] { a.Line1, a.City, $"{a.Region} {a.PostalCode}".Trim(), a.Country }.Where(p => !string.IsNullOrWhiteSpace(p)));

    private enum IncludeLevel
    {
        Details,
        LinesOnly,
        SummaryOnly,
    }

    // $include: SummaryOnly leaves out lines, LinesOnly leaves out details; anything else (Lines, Details, Summary, none) has both.
    private static IncludeLevel Include(HttpContext context)
    {
        var include = context.Request.Query["$include"].ToString();
        return include.Contains("SummaryOnly", StringComparison.OrdinalIgnoreCase) ? IncludeLevel.SummaryOnly
            : include.Contains("LinesOnly", StringComparison.OrdinalIgnoreCase) ? IncludeLevel.LinesOnly
            : IncludeLevel.Details;
    }

    private static TransactionOutput Output(SimTransaction t, IncludeLevel include) => new()
    {
        Id = t.Id,
        Code = t.Code,
        CompanyId = t.CompanyId,
        Date = t.Date,
        TaxDate = t.TaxDate,
        Status = t.Status,
        Type = t.Type,
        CurrencyCode = t.CurrencyCode,
        CustomerVendorCode = t.CustomerCode,
        CustomerCode = t.CustomerCode,
        ExemptNo = t.ExemptNo,
        ReferenceCode = t.ReferenceCode,
        BusinessIdentificationNo = t.BusinessIdentificationNo,
        AdjustmentReason = t.AdjustmentReason,
        AdjustmentDescription = t.AdjustmentDescription,
        TotalAmount = t.Lines.Sum(l => l.Amount),
        TotalExempt = t.Lines.Sum(l => l.Tax.Exempt),
        TotalTax = t.TotalTax,
        TotalTaxable = t.Lines.Sum(l => l.Tax.Taxable),
        TotalTaxCalculated = t.TotalTax,
        Locked = false,
        Version = t.Version,
        ModifiedDate = t.ModifiedDate,
        Lines = include == IncludeLevel.SummaryOnly ? null : [.. t.Lines.Select(l => new LineOutput
        {
            Id = l.Id,
            TransactionId = t.Id,
            LineNumber = l.Number,
            Description = l.Description,
            ItemCode = l.ItemCode,
            TaxCode = l.TaxCode,
            Quantity = l.Quantity,
            LineAmount = l.Amount,
            Tax = l.Tax.Tax,
            TaxableAmount = l.Tax.Taxable,
            ExemptAmount = l.Tax.Exempt,
            TaxCalculated = l.Tax.Tax,
            Details = include == IncludeLevel.LinesOnly ? null : [.. l.Tax.Details.Select(d => new DetailOutput
            {
                Country = l.Country,
                Region = l.Region,
                JurisType = d.Rate.JurisType,
                JurisName = d.Rate.JurisName,
                TaxName = d.Rate.TaxName,
                Rate = d.Rate.Rate,
                Tax = d.Tax,
                TaxableAmount = d.Taxable,
                ExemptAmount = d.Exempt,
                TaxCalculated = d.Tax,
            })],
        })],
    };
}
