using System.Globalization;
using CsvHelper;
using Microsoft.AspNetCore.Http.HttpResults;
using Prorata.Application.Audit;
using Prorata.Domain.Contracts;
using Prorata.Web.Features.Invoices;
using Prorata.Web.Infrastructure.Auth;

namespace Prorata.Web.Features.Audit;

/// <summary>GET /api/v1/audit and /api/v1/audit.csv: the audit log, filtered, newest first; Owner and Finance read it.</summary>
public static class AuditEndpoints
{
    private const string Filters = "Filters: entityType (Customer, BillingContract, StaffUser, ApiKey, LegalEntity, TaxRate, Webhook, "
        + "PartnerCenterCredential, MarginFloor, PriceList, Salesperson, CommissionPlan), entityId, actor (exact), from and to (yyyy-MM-dd, both "
        + "inclusive, UTC), q (text in the label or the actor).";

    public static IEndpointRouteBuilder MapAudit(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1").WithTags("Audit log").RequireAuthorization(Policies.AuditRead);
        group.MapGet("/audit", ListAsync)
            .WithName("ListAuditEntries")
            .WithSummary("List the audit log")
            .WithDescription("Who changed what and when: customers (credit hold included), contracts and their pricing rules, the partner's prices, "
                + "staff users and their roles, settings and API keys, each entry with its actor, action and every field before → after (secrets never). "
                + "Newest first, page (from 1) and pageSize (1–1000, default 100); total counts every entry the filter matches. " + Filters)
            .ProducesValidationProblem();
        group.MapGet("/audit.csv", CsvAsync)
            .WithName("ExportAuditEntries")
            .WithSummary("Export the audit log as CSV")
            .WithDescription("Every entry the filter matches (no paging), newest first, one row per changed field: "
                + "Id, At, Actor, EntityType, EntityId, Label, Action, Field, Before, After. " + Filters)
            .Produces(StatusCodes.Status200OK, contentType: "text/csv")
            .ProducesValidationProblem();
        return app;
    }

    private static async Task<Results<Ok<AuditListResponse>, ValidationProblem>> ListAsync(string? entityType, string? entityId, string? actor, string? from,
        string? to, string? q, int? page, int? pageSize, AuditSearch search, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        if (AuditFilter.Parse(entityType, entityId, actor, from, to, q, page, pageSize, errors) is not { } filter)
            return TypedResults.ValidationProblem(errors.ToDictionary(), title: "One or more query parameters are invalid.");
        var found = await search.ListAsync(filter, cancellationToken);
        return TypedResults.Ok(new AuditListResponse(found.Items, found.Total, found.Page, found.PageSize));
    }

    private static async Task<Results<EmptyHttpResult, ValidationProblem>> CsvAsync(string? entityType, string? entityId, string? actor, string? from,
        string? to, string? q, AuditSearch search, HttpContext http, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        if (AuditFilter.Parse(entityType, entityId, actor, from, to, q, null, null, errors) is not { } filter)
            return TypedResults.ValidationProblem(errors.ToDictionary(), title: "One or more query parameters are invalid.");
        http.Response.ContentType = "text/csv; charset=utf-8";
        http.Response.Headers.ContentDisposition = "attachment; filename=\"audit.csv\"";
        // Streamed as it is read: the log only grows, and an export of years must not sit in memory.
        await using var csv = CsvWriter.Create(http.Response.Body, CsvWriterOptions.Default, true);
        await csv.WriteRecordAsync(AuditCsv.Header.ToArray(), cancellationToken);
        await foreach (var entry in search.AllAsync(filter, cancellationToken))
        {
            foreach (var row in AuditCsv.Rows(entry)) await csv.WriteRecordAsync(row.Select(Cell).ToArray(), cancellationToken);
        }
        return TypedResults.Empty;
    }

    private static string Cell(object? value) => value switch
    {
        null => "",
        DateTimeOffset at => at.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture),
        long id => id.ToString(CultureInfo.InvariantCulture),
        _ => InvoiceCsv.Safe(value.ToString()),
    };
}
