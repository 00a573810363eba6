namespace Prorata.Web.Features.Exceptions;

public sealed record AssignWorkItemRequest(string? Assignee);

public sealed record WorkItemNoteRequest(string? Text);

public sealed record ResolveWorkItemRequest(string? Resolution);

public sealed record ReopenWorkItemRequest(string? Reason);

public sealed record ResolveWorkItemsRequest(IReadOnlyList<long>? Ids, string? Resolution);
