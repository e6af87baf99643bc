using System.Collections.Frozen;

namespace Sigma.Mcp.Tool.Search;

/// <summary>
/// Words a query may contain that say nothing about what is wanted ("revenue <i>by</i> region"). They are still
/// indexed, so that an exact name is recognised, but a query word that is a stop word need not match. Question
/// words ("how", "are", "we") are dropped from queries only, so that "how is our chatbot doing" searches for "chatbot".
/// </summary>
internal static class StopWords
{
    private static readonly FrozenSet<string> s_words = FrozenSet.ToFrozenSet(
        ["a", "an", "and", "as", "at", "by", "for", "from", "in", "into", "of", "on", "or", "per", "the", "to", "vs", "with"],
        StringComparer.Ordinal);

    private static readonly FrozenSet<string> s_questionWords = FrozenSet.ToFrozenSet(
        [
            "how", "what", "which", "who", "whom", "whose", "where", "when", "why", "much", "many", "is", "are", "was", "were", "be",
            "been", "do", "does", "did", "doing", "done", "we", "our", "ours", "us", "i", "me", "my", "you", "your", "it", "its",
            "they", "their", "there", "this", "that", "these", "those", "about", "show", "find", "get", "give", "see", "look",
            "want", "need", "can", "could", "would", "should", "will", "going", "have", "has", "had", "any", "some", "most",
            "all", "s", "here", "please", "let", "where's", "whats", "up", "out", "into", "than", "then", "so", "just", "also", "like",
        ],
        StringComparer.Ordinal);

    public static bool Contains(string token) => s_words.Contains(token);

    /// <summary>A word of a question rather than of a subject; dropped from queries, never from the index.</summary>
    public static bool IsQuestionWord(string token) => s_questionWords.Contains(token);
}
