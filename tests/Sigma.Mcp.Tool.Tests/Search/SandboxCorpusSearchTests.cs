using System.Text.Json;
using Sigma.Mcp.Tool.Tests.Fixtures;
using Sigma.Mcp.Tool.Tests.Tools;
using Sigma.Sandbox;
using Sigma.Sandbox.Corpus;

namespace Sigma.Mcp.Tool.Tests.Search;

/// <summary>
/// The evaluation corpus served by the sandbox (<see cref="SandboxOptions.Corpus"/>, <c>--sandbox-corpus</c>): the
/// real tool refreshes its cache from it over HTTP and answers BI questions from it, partial answers included.
/// </summary>
public sealed class SandboxCorpusSearchTests
{
    [Fact]
    public async Task Sandbox_Corpus_ServesEveryCorpusDocumentWithElements()
    {
        var corpus = SandboxCorpus.Load(BiCorpus.File);
        await using var sandbox = await SigmaSandbox.StartAsync(new SandboxOptions { Corpus = corpus }, TestTimeouts.Token());

        var documents = SandboxDocuments.From(sandbox.Data);

        var served = documents.Select(d => d.Name).ToHashSet();
        served.Should().Contain(corpus.Documents.Select(d => d.Name));
        documents.Single(d => d.Name == "Snowflake Usage").Elements.Select(e => e.Name).Should().Contain("Credits Used by Warehouse");
        documents.Single(d => d.Name == "Marketing Data Model").OwnerName.Should().Be("Sofia Alvarez");
        documents.Single(d => d.Name == "Greenhouse Recruiting").Path.Should().Be("People/Recruiting");
    }

    [Fact]
    public async Task SearchDocuments_CorpusSandbox_AnswersBiQuestionsAndNamesUnmatchedWords()
    {
        await using var sandbox = await SigmaSandbox.StartAsync(new SandboxOptions { Corpus = SandboxCorpus.Load(BiCorpus.File) }, TestTimeouts.Token());
        await using var server = await InProcessServer.StartAsync(sandbox, fillCache: true, cancellationToken: TestTimeouts.Token());

        var dau = await Results(server, """{"query": "DAU"}""");
        var partial = await Results(server, """{"query": "zendesk qwxzv"}""");

        dau.GetProperty("results").EnumerateArray().Take(3).Select(r => r.GetProperty("name").GetString()).Should().Contain("Product Usage");
        (dau.TryGetProperty("unmatched_words", out var none) ? none.ValueKind : JsonValueKind.Null).Should().Be(JsonValueKind.Null);
        partial.GetProperty("results")[0].GetProperty("name").GetString().Should().Be("Zendesk Support");
        partial.GetProperty("unmatched_words").EnumerateArray().Select(w => w.GetString()).Should().Equal("qwxzv");
        partial.GetProperty("message").GetString().Should().Contain("qwxzv");
    }

    private static async Task<JsonElement> Results(InProcessServer server, string arguments) =>
        (await server.Client.CallAsync("search_documents", arguments)).Ok();
}
