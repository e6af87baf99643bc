using System.Text.Json;
using System.Text.Json.Nodes;
using Sigma.Sandbox.Exports;
using Sigma.Sandbox.Http;
using Sigma.Sandbox.Model;

namespace Sigma.Sandbox.Endpoints;

/// <summary>
/// The asynchronous export flow: <c>POST /v2/workbooks/{id}/export</c> starts a job and returns its <c>queryId</c>;
/// <c>GET /v2/query/{queryId}/download</c> answers 204 until the job is ready, then streams the file.
/// Only element exports in csv, json and jsonl are simulated; <c>parameters</c> filter the rows (see <see cref="RowFilter"/>)
/// and charts and pivot tables return grouped rows (see <see cref="ExportRowSource"/>).
/// </summary>
internal static class ExportEndpoints
{
    public static void Map(Router router, SandboxState state)
    {
        router.Post("/v2/workbooks/{workbookId}/export", context => StartAsync(context, state));
        router.Get("/v2/query/{queryId}/download", context => DownloadAsync(context, state));
    }

    private static async Task StartAsync(RequestContext context, SandboxState state)
    {
        (_, Generation.WorkbookLayout layout) = WorkbookLookup.Layout(context, state);
        JsonObject body = ParseBody(await context.ReadBodyAsync());
        string elementId = String(body, "elementId")
            ?? throw ApiException.BadRequest("elementId is required: the sandbox only simulates element exports.");
        ExportFormat format = String(body["format"] as JsonObject ?? [], "type") switch
        {
            "csv" => ExportFormat.Csv,
            "json" => ExportFormat.Json,
            "jsonl" => ExportFormat.Jsonl,
            var other => throw ApiException.BadRequest($"Export format '{other}' is not supported here; use csv, json or jsonl."),
        };
        SandboxElement element = layout.FindElement(elementId) ?? throw ApiException.NotFound($"Element {elementId} not found");
        if (!element.HasData)
        {
            throw ApiException.BadRequest($"Element {elementId} is a {element.Type} element and has no data to export.");
        }

        long offset = Number(body, "offset") ?? 0;
        long? rowLimit = Number(body, "rowLimit");
        DateTimeOffset now = state.Options.TimeProvider.GetUtcNow();
        RowFilter filter = RowFilter.Create(Parameters(body), layout.Controls, element, now);
        var job = new ExportJob(Guid.NewGuid().ToString("D"), element, format, offset, rowLimit, filter, DateOnly.FromDateTime(now.UtcDateTime), state.Options.ExportPollsBeforeReady)
        {
            NoteLength = state.Options.ExportNoteLength,
        };
        state.Exports.Add(job);
        await context.WriteJsonAsync(new JsonObject { ["queryId"] = job.QueryId, ["jobComplete"] = false });
    }

    private static async Task DownloadAsync(RequestContext context, SandboxState state)
    {
        string queryId = context.Route("queryId");
        ExportJob job = state.Exports.Find(queryId) ?? throw ApiException.NotFound($"Query {queryId} not found or expired");
        if (!job.Poll())
        {
            context.WriteNoContent();
            return;
        }

        Stream output = context.StartStream(ExportWriter.ContentType(job.Format));
        await ExportWriter.WriteAsync(job, output, context.Aborted);
        context.Complete();
    }

    private static JsonObject ParseBody(string text)
    {
        try
        {
            return JsonNode.Parse(text) as JsonObject ?? throw ApiException.BadRequest("The request body must be a JSON object.");
        }
        catch (JsonException)
        {
            throw ApiException.BadRequest("The request body is not valid JSON.");
        }
    }

    /// <summary><c>parameters</c>: control id to value, every value a string (Sigma's shape).</summary>
    private static Dictionary<string, string> Parameters(JsonObject body)
    {
        if (body["parameters"] is null)
        {
            return [];
        }

        if (body["parameters"] is not JsonObject parameters)
        {
            throw ApiException.BadRequest("parameters must be an object of control id to value.");
        }

        return parameters.ToDictionary(
            p => p.Key,
            p => p.Value is JsonValue value && value.TryGetValue(out string? text)
                ? text
                : throw ApiException.BadRequest($"parameters.{p.Key} must be a string."),
            StringComparer.Ordinal);
    }

    private static string? String(JsonObject json, string name) =>
        json[name] is JsonValue value && value.TryGetValue(out string? text) ? text : null;

    private static long? Number(JsonObject json, string name)
    {
        if (json[name] is null)
        {
            return null;
        }

        return json[name] is JsonValue value && value.TryGetValue(out long number) && number >= 0
            ? number
            : throw ApiException.BadRequest($"{name} must be a non-negative integer.");
    }
}
