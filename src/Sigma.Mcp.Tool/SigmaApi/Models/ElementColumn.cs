using System.Text.Json.Serialization;

namespace Sigma.Mcp.Tool.SigmaApi.Models;

/// <summary>A column of an element, with its formula. <c>type</c> arrives as a string or as <c>{"type": "text"}</c>.</summary>
internal sealed record ElementColumn(
    string ColumnId,
    string? Label = null,
    string? Formula = null,
    [property: JsonConverter(typeof(ColumnTypeConverter))] string? Type = null,
    string? Name = null,
    string? ElementId = null);
