using System.Text.Json.Serialization;

namespace Sigma.Mcp.Tool.SigmaApi.Models;

/// <summary>A column of a warehouse table (listed with <c>pageToken</c> paging).</summary>
internal sealed record TableColumn(string? ColumnId, string Name, [property: JsonConverter(typeof(ColumnTypeConverter))] string? Type = null);
