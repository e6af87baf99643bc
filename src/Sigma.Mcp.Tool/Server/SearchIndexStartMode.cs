namespace Sigma.Mcp.Tool.Server;

/// <summary>When <see cref="SearchIndexStart"/> starts loading the search index.</summary>
internal sealed class SearchIndexStartMode
{
    private SearchIndexStartMode(bool afterInitialize) => IsAfterInitialize = afterInitialize;

    /// <summary>With the host, once it has started: the HTTP mode, whose readiness check waits for the index.</summary>
    public static SearchIndexStartMode WithHost { get; } = new(afterInitialize: false);

    /// <summary>Once the first <c>initialize</c> is answered: stdio, where the client waits for that answer at launch.</summary>
    public static SearchIndexStartMode AfterInitialize { get; } = new(afterInitialize: true);

    public bool IsAfterInitialize { get; }
}
