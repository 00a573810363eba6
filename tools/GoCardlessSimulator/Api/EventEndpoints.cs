using GoCardlessSimulator.State;

namespace GoCardlessSimulator.Api;

/// <summary>Events: get, list (filters resource_type, action, payment, mandate), as they are also sent by webhook.</summary>
public static class EventEndpoints
{
    public static void MapEventEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/events/{id}", (string id, SimStore store) =>
            Envelope.One("events", store.Read(s => Shapes.Event(s.AllEvents.FirstOrDefault(e => e.Id == id) ?? throw ApiRefusal.NotFound(id)))));

        app.MapGet("/events", (HttpRequest http, SimStore store) =>
        {
            string? Filter(string name) => http.Query[name].FirstOrDefault();
            var rows = store.Read(s => s.AllEvents
                .Where(e => (Filter("resource_type") is not { } type || e.ResourceType == type)
                            && (Filter("action") is not { } action || e.Action == action)
                            && (Filter("payment") is not { } payment || e.Links.GetValueOrDefault("payment") == payment)
                            && (Filter("mandate") is not { } mandate || e.Links.GetValueOrDefault("mandate") == mandate))
                .OrderByDescending(e => e.Id, StringComparer.Ordinal)
                .ToList());
            return Envelope.Page("events", rows, e => e.Id, Shapes.Event, http.Query);
        });
    }
}
