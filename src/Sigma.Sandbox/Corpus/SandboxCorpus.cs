using System.Globalization;
using System.Text.Json;

namespace Sigma.Sandbox.Corpus;

/// <summary>
/// Documents written by hand (or assembled from real BI content) rather than generated: the sandbox serves them
/// in place of generated content when <see cref="SandboxOptions.Corpus"/> is set, and search evaluations read them
/// directly. The file is JSON: <c>{"documents": [{"id", "type", "name", "description", "path", "owner", "badge",
/// "updatedAt", "archived", "elements": [{"name", "type", "columns": [...]}]}]}</c>.
/// </summary>
public sealed class SandboxCorpus
{
    private readonly Dictionary<string, SandboxCorpusDocument> _bySandboxId;

    private SandboxCorpus(IReadOnlyList<SandboxCorpusDocument> documents)
    {
        Documents = documents;
        _bySandboxId = documents.ToDictionary(d => CorpusContent.SandboxId(d.Id), StringComparer.Ordinal);
    }

    /// <summary>The documents, in file order.</summary>
    public IReadOnlyList<SandboxCorpusDocument> Documents { get; }

    /// <summary>Reads a corpus file; throws <see cref="InvalidDataException"/> naming the first bad document.</summary>
    public static SandboxCorpus Load(string path) => Parse(File.ReadAllText(path));

    /// <summary>Parses corpus JSON; throws <see cref="InvalidDataException"/> naming the first bad document.</summary>
    public static SandboxCorpus Parse(string json)
    {
        using var document = JsonDocument.Parse(json);
        var documents = new List<SandboxCorpusDocument>();
        foreach (var item in document.RootElement.GetProperty("documents").EnumerateArray())
        {
            var id = Text(item, "id") ?? throw new InvalidDataException($"Corpus document #{documents.Count + 1} has no id.");
            var type = Text(item, "type") ?? "workbook";
            if (type is not ("workbook" or "data-model" or "dataset"))
            {
                throw new InvalidDataException($"Corpus document '{id}' has type '{type}': use workbook, data-model or dataset.");
            }

            documents.Add(new SandboxCorpusDocument(
                id,
                type,
                Text(item, "name") ?? throw new InvalidDataException($"Corpus document '{id}' has no name."),
                Text(item, "description"),
                Text(item, "path") ?? string.Empty,
                Text(item, "owner") ?? "Ada Lovelace",
                Text(item, "badge"),
                DateTimeOffset.Parse(Text(item, "updatedAt") ?? "2026-01-01T00:00:00Z", CultureInfo.InvariantCulture),
                item.TryGetProperty("archived", out var archived) && archived.GetBoolean(),
                [.. Elements(item)]));
        }

        return new SandboxCorpus(documents);
    }

    /// <summary>The corpus document the sandbox serves under this id, or null.</summary>
    internal SandboxCorpusDocument? Find(string sandboxId) => _bySandboxId.GetValueOrDefault(sandboxId);

    private static IEnumerable<SandboxCorpusElement> Elements(JsonElement item)
    {
        if (!item.TryGetProperty("elements", out var elements))
        {
            yield break;
        }

        foreach (var element in elements.EnumerateArray())
        {
            string[] columns = element.TryGetProperty("columns", out var list) ? [.. list.EnumerateArray().Select(c => c.GetString() ?? "")] : [];
            yield return new SandboxCorpusElement(Text(element, "name") ?? "Untitled", Text(element, "type") ?? "table", columns);
        }
    }

    private static string? Text(JsonElement item, string name) =>
        item.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
