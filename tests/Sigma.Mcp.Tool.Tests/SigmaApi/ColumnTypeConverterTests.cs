using System.Text.Json;
using Sigma.Mcp.Tool.SigmaApi.Models;

namespace Sigma.Mcp.Tool.Tests.SigmaApi;

/// <summary>A column's <c>type</c> as live tenants send it (an object) and as the documentation shows it (a string).</summary>
public sealed class ColumnTypeConverterTests
{
    [Theory]
    [InlineData("""{"columnId":"c1","type":{"type":"text"}}""", "text")]
    [InlineData("""{"columnId":"c1","type":{"type":"number","format":{"kind":"currency"}}}""", "number")]
    [InlineData("""{"columnId":"c1","type":"datetime"}""", "datetime")]
    [InlineData("""{"columnId":"c1","type":null}""", null)]
    [InlineData("""{"columnId":"c1","label":"No type"}""", null)]
    [InlineData("""{"columnId":"c1","type":["variant"]}""", """["variant"]""")]
    public void Deserialize_ElementColumn_ReadsTheTypesName(string json, string? expected)
    {
        var column = JsonSerializer.Deserialize(json, SigmaJsonContext.Default.ElementColumn)!;

        column.Type.Should().Be(expected);
    }

    [Fact]
    public void Deserialize_TableColumnWithObjectType_ReadsTheTypesName() =>
        JsonSerializer.Deserialize("""{"columnId":"c1","name":"AMOUNT","type":{"type":"number"}}""", SigmaJsonContext.Default.TableColumn)!
            .Type.Should().Be("number");
}
