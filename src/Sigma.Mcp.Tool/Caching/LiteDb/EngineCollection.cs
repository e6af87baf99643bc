using LiteDB;
using LiteDB.Engine;

namespace Sigma.Mcp.Tool.Caching.LiteDb;

/// <summary>
/// The few collection operations <see cref="LiteDbCache"/> uses, straight on the engine, each meaning what LiteDB's
/// <c>LiteCollection</c> makes it mean. <c>LiteDatabase</c> is not used: it builds <c>BsonMapper.Global</c> (object
/// mapping by reflection, with Regex and Reflection.Emit) for entities this cache, which stores only BsonDocuments, never
/// maps; measured, ~13 ms and ~2 MiB of a <c>serve</c> start.
/// </summary>
internal readonly struct EngineCollection(ILiteEngine engine, string name)
{
    public BsonDocument? FindById(BsonValue id) => Find(Query.EQ("_id", id), limit: 1).FirstOrDefault();

    /// <summary>The documents matching <paramref name="predicate"/>, read lazily: enumerate (or dispose) where the engine is held.</summary>
    public IEnumerable<BsonDocument> Find(BsonExpression predicate, int limit = int.MaxValue)
    {
        var query = new Query { Limit = limit };
        query.Where.Add(predicate);
        return Read(engine, name, query);
    }

    /// <summary>True when <paramref name="document"/> was inserted, false when it replaced one.</summary>
    public bool Upsert(BsonDocument document) => Upsert([document]) == 1;

    /// <summary>How many of <paramref name="documents"/> were inserted (the others replaced one).</summary>
    public int Upsert(IEnumerable<BsonDocument> documents) => engine.Upsert(name, documents, BsonAutoId.ObjectId);

    public bool Delete(BsonValue id) => engine.Delete(name, [id]) == 1;

    public int DeleteMany(BsonExpression predicate) => engine.DeleteMany(name, predicate);

    private static IEnumerable<BsonDocument> Read(ILiteEngine engine, string collection, Query query)
    {
        using var reader = engine.Query(collection, query);
        while (reader.Read())
        {
            yield return reader.Current.AsDocument;
        }
    }
}
