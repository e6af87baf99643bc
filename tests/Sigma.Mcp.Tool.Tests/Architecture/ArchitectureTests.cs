using ArchUnitNET.Domain;
using ArchUnitNET.Loader;
using Product = ArchUnitNET.Domain.Architecture;
using ArchUnitNET.xUnit;
using static ArchUnitNET.Fluent.ArchRuleDefinition;

namespace Sigma.Mcp.Tool.Tests.Architecture;

/// <summary>
/// The folders of <c>src/Sigma.Mcp.Tool</c> depend one way, as the README's "How it is built" draws them: a folder may
/// use the folders of the layers below its own, never one beside it or above it.
/// </summary>
public class ArchitectureTests
{
    /// <summary>The layers, top first. Keep this and the README's picture in step.</summary>
    public static readonly string[][] Layers =
    [
        ["Cli"],                              // the commands: the entry point
        ["Http", "Connect", "Demo"],          // serve --http, connect, demo
        ["Server"],                           // the MCP server put together: services, stdio transport, start-up work
        ["Tools", "Resources"],               // what a model calls and reads
        ["Refresh", "Diagnostics"],           // filling the cache; the heartbeat
        ["Documents"],                        // describing, fetching structure, resolving ids, who may see what
        ["Search"],                           // the in-memory index
        ["Caching"],                          // ICache: LiteDB, DynamoDB
        ["SigmaApi"],                         // Sigma's REST API
        ["Aws"],                              // AWS clients, secrets and what their errors mean
        ["Configuration"],                    // settings: sources, names, options, validation
        ["Hosting"],                          // process plumbing: stdio streams, logging, exit codes
    ];

    private const string Root = "Sigma.Mcp.Tool";

    private static readonly Product s_product = new ArchLoader().LoadAssemblies(typeof(ToolVersion).Assembly).Build();

    public static TheoryData<string> Folders() => [.. Layers.SelectMany(layer => layer)];

    [Fact]
    public void Every_top_level_folder_is_in_a_layer()
    {
        var folders = s_product.Types
            .Select(t => t.Namespace?.FullName ?? "")
            .Where(ns => ns.StartsWith(Root + ".", StringComparison.Ordinal) && !ns.StartsWith(Root + ".Tests", StringComparison.Ordinal))
            .Select(ns => ns[(Root.Length + 1)..].Split('.')[0])
            .Distinct();

        folders.Should().BeSubsetOf(Layers.SelectMany(layer => layer), "a new folder needs a place in the layers (and in the README's picture)");
    }

    [Fact]
    public void No_cycles_between_top_level_folders()
    {
        // Folder → the folders its types use, with one example each, for the message.
        var uses = new Dictionary<string, Dictionary<string, string>>();
        foreach (var type in s_product.Types)
        {
            if (Folder(type.Namespace?.FullName) is not { } from)
            {
                continue;
            }

            foreach (var dependency in type.Dependencies)
            {
                // A generic method's type parameter is not a dependency (and ArchUnitNET can name the wrong declaring type for it).
                if (dependency.Target is not GenericParameter && Folder(dependency.Target.Namespace?.FullName) is { } to && to != from)
                {
                    uses.TryAdd(from, []);
                    uses[from].TryAdd(to, $"{type.FullName} uses {dependency.Target.FullName}");
                }
            }
        }

        var cycles = new List<string>();
        foreach (var start in uses.Keys)
        {
            FindCycles(start, [start]);
        }

        cycles.Should().BeEmpty("each would make two folders one (see the README's \"How it is built\")");

        void FindCycles(string at, List<string> path)
        {
            foreach (var next in (uses.GetValueOrDefault(at) ?? []).Keys)
            {
                if (next == path[0])
                {
                    var steps = path.Append(next).ToList();
                    cycles.Add(string.Join(" → ", steps) + ": " + string.Join("; ", steps.Zip(steps.Skip(1), (a, b) => uses[a][b])));
                }
                else if (!path.Contains(next) && string.CompareOrdinal(next, path[0]) > 0)
                {
                    FindCycles(next, [.. path, next]);
                }
            }
        }
    }

    [Theory]
    [MemberData(nameof(Folders))]
    public void A_folder_uses_only_the_layers_below_it(string folder)
    {
        var level = Array.FindIndex(Layers, layer => layer.Contains(folder));
        var forbidden = Layers.Take(level + 1).SelectMany(layer => layer).Where(f => f != folder).ToList();

        Types().That().ResideInNamespaceMatching(Pattern([folder]))
            .Should().NotDependOnAny(Types().That().ResideInNamespaceMatching(Pattern(forbidden)))
            .Because($"{folder} sits below {string.Join(", ", forbidden)} (see the README's \"How it is built\")")
            .Check(s_product);
    }

    private static string? Folder(string? ns) =>
        ns is not null && ns.StartsWith(Root + ".", StringComparison.Ordinal) ? ns[(Root.Length + 1)..].Split('.')[0] : null;

    // A folder's namespace and every namespace under it.
    private static string Pattern(IEnumerable<string> folders) =>
        $"^{System.Text.RegularExpressions.Regex.Escape(Root)}\\.({string.Join("|", folders)})(\\..*)?$";
}
