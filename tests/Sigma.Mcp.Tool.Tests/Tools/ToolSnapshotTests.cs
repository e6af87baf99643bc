using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using ModelContextProtocol;
using Sigma.Mcp.Tool.Tests.Fixtures;

namespace Sigma.Mcp.Tool.Tests.Tools;

/// <summary>
/// Tool names, titles, descriptions, schemas and annotations are the contract a model and a client rely on: each
/// tool's is kept in <c>Tools/Snapshots/tools/&lt;name&gt;.json</c> (keys sorted) and compared on every run, so
/// that no change to them goes unnoticed. <c>UPDATE_SNAPSHOTS=true</c> rewrites the files on purpose.
/// </summary>
public sealed class ToolSnapshotTests(ToolListFixture list) : IClassFixture<ToolListFixture>
{
    private const string UpdateVariable = "UPDATE_SNAPSHOTS";

    /// <summary>The parts of a listed tool that are kept, in the protocol's own property names.</summary>
    private static readonly string[] s_keptProperties = ["name", "title", "description", "inputSchema", "outputSchema", "annotations"];

    private static readonly JsonSerializerOptions s_snapshotJson = new()
    {
        WriteIndented = true,
        NewLine = "\n",
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, // readable quotes and apostrophes in descriptions; not HTML
    };

    /// <summary>In the source tree (not bin/), so that an update lands where it is committed.</summary>
    private static string SnapshotDirectory { get; } = Path.Combine(Repository.Root, "tests", "Sigma.Mcp.Tool.Tests", "Tools", "Snapshots", "tools");

    private static bool Updating => string.Equals(Environment.GetEnvironmentVariable(UpdateVariable), "true", StringComparison.OrdinalIgnoreCase);

    private static string HowToUpdate =>
        $"If the change is intended, run `{UpdateVariable}=true dotnet test tests/Sigma.Mcp.Tool.Tests --filter FullyQualifiedName~ToolSnapshotTests`, " +
        "review the diff of tests/Sigma.Mcp.Tool.Tests/Tools/Snapshots/tools/ (tool names, descriptions and schemas are what models and clients see) and commit it.";

    private static readonly string[] s_toolNames =
        ["heartbeat", "search_documents", "describe_workbook", "describe_data_model", "get_element_sql", "get_lineage", "export_data", "refresh_cache"];

    public static TheoryData<string> ToolNames => new(s_toolNames);

    [Theory]
    [MemberData(nameof(ToolNames))]
    public void Snapshot_ListedTool_MatchesCommittedFile(string name)
    {
        var tool = list.Tools.SingleOrDefault(t => t.Name == name);
        tool.Should().NotBeNull($"tools/list names {name}");
        var actual = Render(tool!.ProtocolTool);
        var path = SnapshotPath(name);

        if (Updating)
        {
            Directory.CreateDirectory(SnapshotDirectory);
            File.WriteAllText(path, actual);
            return;
        }

        File.Exists(path).Should().BeTrue($"every tool has a snapshot, and {path} is missing. {HowToUpdate}");
        var expected = File.ReadAllText(path).ReplaceLineEndings("\n");
        if (expected != actual)
        {
            Assert.Fail($"The listed tool '{name}' differs from its snapshot {path}: {FirstDifference(expected, actual)}\n{HowToUpdate}");
        }
    }

    [Fact]
    public void Snapshots_Folder_HoldsExactlyOneFilePerListedTool()
    {
        var listed = list.Tools.Select(t => t.Name).ToList();
        listed.Should().BeEquivalentTo(s_toolNames, "each listed tool needs a snapshot theory row above (and a file)");

        if (Updating)
        {
            foreach (var stale in SnapshotFiles().Where(f => !listed.Contains(f)))
            {
                File.Delete(SnapshotPath(stale));
            }

            return;
        }

        SnapshotFiles().Should().BeEquivalentTo(listed, $"{SnapshotDirectory} holds a snapshot for every listed tool and for no other. {HowToUpdate}");
    }

    /// <summary>The kept properties of a tool as indented JSON with every object's keys sorted, ending in a new line.</summary>
    private static string Render(ModelContextProtocol.Protocol.Tool tool)
    {
        var full = JsonSerializer.SerializeToNode(tool, McpJsonUtilities.DefaultOptions)!.AsObject();
        var kept = new JsonObject();
        foreach (var property in s_keptProperties)
        {
            if (full[property] is { } value)
            {
                kept[property] = value.DeepClone();
            }
        }

        return Sorted(kept)!.ToJsonString(s_snapshotJson) + "\n";
    }

    private static JsonNode? Sorted(JsonNode? node) => node switch
    {
        JsonObject o => new JsonObject(o.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => KeyValuePair.Create(p.Key, Sorted(p.Value)))),
        JsonArray a => new JsonArray([.. a.Select(Sorted)]),
        _ => node?.DeepClone(),
    };

    private static string FirstDifference(string expected, string actual)
    {
        var expectedLines = expected.Split('\n');
        var actualLines = actual.Split('\n');
        for (var i = 0; i < Math.Max(expectedLines.Length, actualLines.Length); i++)
        {
            var e = i < expectedLines.Length ? expectedLines[i] : "(end of file)";
            var a = i < actualLines.Length ? actualLines[i] : "(end of file)";
            if (e != a)
            {
                return $"first difference at line {i + 1}:\n  snapshot: {e.Trim()}\n  server:   {a.Trim()}";
            }
        }

        return "they differ only in whitespace at the end.";
    }

    private static string SnapshotPath(string name) => Path.Combine(SnapshotDirectory, $"{name}.json");

    private static List<string> SnapshotFiles() =>
        Directory.Exists(SnapshotDirectory)
            ? [.. Directory.EnumerateFiles(SnapshotDirectory, "*.json").Select(f => Path.GetFileNameWithoutExtension(f))]
            : [];
}
