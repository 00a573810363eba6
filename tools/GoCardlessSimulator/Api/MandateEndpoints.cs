using GoCardlessSimulator.State;

namespace GoCardlessSimulator.Api;

/// <summary>Mandates: get, list (filters customer, status), cancel.</summary>
public static class MandateEndpoints
{
    public static void MapMandateEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/mandates/{id}", (string id, SimStore store) =>
            Envelope.One("mandates", store.Read(s => Shapes.Mandate(s.Mandate(id), s.Clock.EarliestChargeDate()))));

        app.MapGet("/mandates", (HttpRequest http, SimStore store) =>
        {
            var customer = http.Query["customer"].FirstOrDefault();
            var status = http.Query["status"].FirstOrDefault();
            var (rows, next) = store.Read(s => (s.Mandates
                .Where(m => (customer is null || m.CustomerId == customer) && (status is null || m.Status == status))
                .OrderByDescending(m => m.Id, StringComparer.Ordinal)
                .ToList(), s.Clock.EarliestChargeDate()));
            return Envelope.Page("mandates", rows, m => m.Id, m => Shapes.Mandate(m, next), http.Query);
        });

        app.MapPost("/mandates/{id}/actions/cancel", (string id, SimStore store) =>
        {
            var mandate = store.EndMandate(id, "cancelled", new EventDetails("api", "mandate_cancelled", "The mandate was cancelled at your request."));
            return Envelope.One("mandates", Shapes.Mandate(mandate, store.Clock.EarliestChargeDate()));
        });
    }
}
