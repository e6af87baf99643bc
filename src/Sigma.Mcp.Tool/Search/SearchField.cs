namespace Sigma.Mcp.Tool.Search;

/// <summary>Where in a document a query word matched. The order is the tie-break order of <see cref="SearchHit.MatchedField"/>.</summary>
internal enum SearchField : byte
{
    Name,
    Description,
    Path,
    Tag,
    Owner,
    Element,
    Column,
}
