using System.Text.Json.Serialization;

namespace Sigma.Mcp.Tool.Documents;

/// <summary>
/// Source-generated JSON for the descriptions, which the describe tools return and the resources serve: the same
/// options as the tools' own results (snake_case, nulls omitted), so that both read alike.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    UseStringEnumConverter = true,
    WriteIndented = false)]
[JsonSerializable(typeof(WorkbookDescription))]
[JsonSerializable(typeof(DataModelDescription))]
internal sealed partial class DocumentJsonContext : JsonSerializerContext;
