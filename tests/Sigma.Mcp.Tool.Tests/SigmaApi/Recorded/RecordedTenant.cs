using System.Text.Json;
using System.Text.Json.Serialization;
using Sigma.Mcp.Tool.Tests.Fixtures;

namespace Sigma.Mcp.Tool.Tests.SigmaApi.Recorded;

/// <summary>
/// A tenant's responses as another project recorded them from live Sigma (transcribed into <c>*.json</c> beside this
/// file; <c>README.md</c> names each source). Entries marked <c>"recorded": false</c> fill what the product asks for but
/// the recording lacks (say, <c>/v2/whoami</c>), and say so in their note.
/// </summary>
internal sealed record RecordedTenant(
    [property: JsonPropertyName("tenant")] string Name,
    [property: JsonPropertyName("source")] JsonElement Source,
    [property: JsonPropertyName("responses")] IReadOnlyList<RecordedResponse> Responses)
{
    public const string DataHub2024 = "datahub-acryl-2024";
    public const string DataHub2026 = "datahub-acryl-2026-data-model";
    public const string Dagster2024 = "dagster-labs-2024";

    public static IReadOnlyList<string> All { get; } = [DataHub2024, DataHub2026, Dagster2024];

    public static string Folder => Path.Combine(Repository.Root, "tests", "Sigma.Mcp.Tool.Tests", "SigmaApi", "Recorded");

    /// <summary>The responses transcribed from a recording (not the fill-ins).</summary>
    public IEnumerable<RecordedResponse> Recorded => Responses.Where(r => r.Recorded);

    public static RecordedTenant Load(string name) =>
        JsonSerializer.Deserialize<RecordedTenant>(File.ReadAllText(Path.Combine(Folder, name + ".json")))
            ?? throw new InvalidOperationException($"{name}.json is empty.");
}
