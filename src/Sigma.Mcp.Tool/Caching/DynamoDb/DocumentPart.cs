namespace Sigma.Mcp.Tool.Caching.DynamoDb;

/// <summary>One stored item of a document: chunk <see cref="Chunk"/> of <see cref="Chunks"/> of write <see cref="WriteId"/>.</summary>
internal sealed record DocumentPart(string DocumentId, string WriteId, int Chunk, int Chunks, byte[] Data);
