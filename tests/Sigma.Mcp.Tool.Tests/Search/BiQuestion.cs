using System.Text;
using System.Text.Json;
using Sigma.Mcp.Tool.Search;
using Sigma.Mcp.Tool.Tests.Fixtures;

namespace Sigma.Mcp.Tool.Tests.Search;

/// <summary>
/// One labelled question of <c>Data/bi-questions.json</c>: the words, and graded relevance (3 what was meant, 2 also
/// a good answer, 1 related) keyed by document id or <c>documentId#Element Name</c>.
/// </summary>
internal sealed record BiQuestion(string Kind, string Query, Dictionary<string, int> Relevant, string? Type = null, string? Owner = null, string? Path = null)
{
    private static readonly JsonSerializerOptions s_json = new() { PropertyNameCaseInsensitive = true };

    /// <summary>Kinds that need more than the literal words: the issue's "hard" questions.</summary>
    public static readonly IReadOnlySet<string> HardKinds = new HashSet<string>(["natural", "abbreviation", "synonym", "owner", "folder"]);

    /// <summary>Fixed before any tuning: FNV-1a of the lower-cased query, even in the tuning half, odd held out.</summary>
    public bool HeldOut => Fnv1a(Query.ToLowerInvariant()) % 2 == 1;

    public bool IsHard => HardKinds.Contains(Kind);

    public int TopGrade => Relevant.Values.Max();

    public static IReadOnlyList<BiQuestion> LoadAll()
    {
        var file = System.IO.Path.Combine(Repository.Root, "tests", "Sigma.Mcp.Tool.Tests", "Search", "Data", "bi-questions.json");
        using var json = JsonDocument.Parse(File.ReadAllText(file));
        return json.RootElement.GetProperty("questions").Deserialize<List<BiQuestion>>(s_json)!;
    }

    public SearchQuery ToSearchQuery(int limit) => new(Query, Type ?? SearchIndex.AllTypes, limit) { Owner = Owner, Path = Path };

    /// <summary>The grades of the hits in order; each labelled key is credited once, to the first hit it matches.</summary>
    public int[] Grades(IReadOnlyList<SearchHit> hits)
    {
        var credited = new HashSet<string>(StringComparer.Ordinal);
        var grades = new int[hits.Count];
        for (var i = 0; i < hits.Count; i++)
        {
            var best = Relevant.Where(r => !credited.Contains(r.Key) && Matches(r.Key, hits[i])).OrderByDescending(r => r.Value).FirstOrDefault();
            if (best.Key is not null)
            {
                credited.Add(best.Key);
                grades[i] = best.Value;
            }
        }

        return grades;
    }

    public override string ToString() => $"[{Kind}{(HeldOut ? ", held out" : "")}] \"{Query}\"" + (Type is null ? "" : $" type={Type}");

    // "doc#Element" in an element search wants that element; in a document search, its document.
    private bool Matches(string key, SearchHit hit)
    {
        var hash = key.IndexOf('#', StringComparison.Ordinal);
        var document = hash < 0 ? key : key[..hash];
        if (!string.Equals(hit.Document.Id, document, StringComparison.Ordinal))
        {
            return false;
        }

        return hash < 0 || Type != SearchIndex.ElementType || string.Equals(hit.Element?.Name, key[(hash + 1)..], StringComparison.OrdinalIgnoreCase);
    }

    private static uint Fnv1a(string text)
    {
        var hash = 2166136261u;
        foreach (var b in Encoding.UTF8.GetBytes(text))
        {
            hash = unchecked((hash ^ b) * 16777619u);
        }

        return hash;
    }
}
