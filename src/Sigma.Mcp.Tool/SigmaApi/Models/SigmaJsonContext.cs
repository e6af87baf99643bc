using System.Text.Json;
using System.Text.Json.Serialization;

namespace Sigma.Mcp.Tool.SigmaApi.Models;

/// <summary>Source-generated JSON for Sigma's wire format (camelCase).</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(TokenResponse))]
[JsonSerializable(typeof(WhoAmI))]
[JsonSerializable(typeof(SigmaErrorBody))]
[JsonSerializable(typeof(SigmaFile))]
[JsonSerializable(typeof(Workbook))]
[JsonSerializable(typeof(WorkbookTag))]
[JsonSerializable(typeof(WorkbookPage))]
[JsonSerializable(typeof(SigmaElement))]
[JsonSerializable(typeof(ElementColumn))]
[JsonSerializable(typeof(ElementQuery))]
[JsonSerializable(typeof(ElementLineage))]
[JsonSerializable(typeof(WorkbookControl))]
[JsonSerializable(typeof(WorkbookSource))]
[JsonSerializable(typeof(DataModel))]
[JsonSerializable(typeof(Dataset))]
[JsonSerializable(typeof(Member))]
[JsonSerializable(typeof(Team))]
[JsonSerializable(typeof(Connection))]
[JsonSerializable(typeof(AccountType))]
[JsonSerializable(typeof(TableColumn))]
[JsonSerializable(typeof(ExportRequest))]
[JsonSerializable(typeof(ExportStarted))]
internal sealed partial class SigmaJsonContext : JsonSerializerContext;
