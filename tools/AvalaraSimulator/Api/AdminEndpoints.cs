using AvalaraSimulator.State;
using AvalaraSimulator.Tax;

namespace AvalaraSimulator.Api;

/// <summary>The simulator's own controls under <c>/_sim</c> (no authentication): faults, the jurisdiction table, what was recorded and requested.</summary>
public static class AdminEndpoints
{
    public static void MapAdminEndpoints(this IEndpointRouteBuilder app)
    {
        var sim = app.MapGroup("/_sim");

        sim.MapPost("/faults/unavailable", (FaultRequest body, Faults faults) =>
        {
            faults.Unavailable(body.Requests);
            return Results.NoContent();
        });
        sim.MapPost("/faults/throttle", (FaultRequest body, Faults faults) =>
        {
            faults.Throttle(body.Requests, body.RetryAfterSeconds ?? 1);
            return Results.NoContent();
        });
        sim.MapPost("/faults/slow", (FaultRequest body, Faults faults) =>
        {
            faults.Slow(body.Requests, TimeSpan.FromMilliseconds(body.Milliseconds ?? 5000));
            return Results.NoContent();
        });
        sim.MapPost("/faults/lose-answers", (FaultRequest body, Faults faults) =>
        {
            faults.LoseAnswers(body.Requests, TimeSpan.FromMilliseconds(body.Milliseconds ?? 5000));
            return Results.NoContent();
        });
        sim.MapPost("/faults/reset", (Faults faults) =>
        {
            faults.Reset();
            return Results.NoContent();
        });

        sim.MapGet("/jurisdictions", (JurisdictionTable table) => Results.Json(table.All));
        sim.MapPut("/jurisdictions", (List<Jurisdiction> jurisdictions, JurisdictionTable table) =>
        {
            table.Replace(jurisdictions);
            return Results.NoContent();
        });

        sim.MapGet("/transactions", (TransactionStore store) => Results.Json(store.All.Select(t => new
        {
            companyCode = t.CompanyCode,
            code = t.Code,
            type = t.Type,
            status = t.Status,
            version = t.Version,
            totalTax = t.TotalTax,
            referenceCode = t.ReferenceCode,
            taxDate = t.TaxDate,
        })));

        sim.MapGet("/requests", (RequestLog log) => Results.Json(log.All));
        sim.MapPost("/reset", (TransactionStore store, RequestLog log, Faults faults, JurisdictionTable table) =>
        {
            store.Clear();
            log.Clear();
            faults.Reset();
            table.Replace(JurisdictionTable.Defaults);
            return Results.NoContent();
        });
    }

    public sealed record FaultRequest(int Requests, int? RetryAfterSeconds, int? Milliseconds);
}
