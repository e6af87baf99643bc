using System.Text;
using LiteDB;
using LiteDB.Engine;

namespace Sigma.Mcp.Tool.Caching.LiteDb;

/// <summary>
/// LiteDB's shared mode (<c>SharedEngine</c> in LiteDB 5.0.21) as it is, step for step: every operation takes the
/// file's cross-process mutex, opens the file, works and closes it again; a transaction keeps both until it ends. The
/// one difference is how the mutex name is computed: LiteDB hashes the path with the framework's SHA-1, which on Linux
/// loads OpenSSL into a process that needs no other cryptography (<see cref="NameHash"/>). The name itself is the same,
/// so this engine, LiteDB's own shared mode and earlier versions of sigma-mcp exclude each other on the same file.
/// </summary>
internal sealed class SharedFileEngine : ILiteEngine
{
    private readonly EngineSettings _settings;
    private readonly Mutex _mutex;
    private LiteEngine? _engine;
    private bool _transactionRunning;

    public SharedFileEngine(string path)
    {
        _settings = new EngineSettings { Filename = path };
        _mutex = new Mutex(initiallyOwned: false, MutexName(path));
    }

    /// <summary>The name LiteDB's shared mode gives the mutex of the file at <paramref name="path"/>.</summary>
    public static string MutexName(string path) =>
        "Global\\" + Convert.ToHexString(NameHash.Sha1(Encoding.UTF8.GetBytes(Path.GetFullPath(path).ToLowerInvariant()))) + ".Mutex";

    public bool BeginTrans()
    {
        Open();
        try
        {
            _transactionRunning = _engine!.BeginTrans();
            return _transactionRunning;
        }
        catch
        {
            Close();
            throw;
        }
    }

    public bool Commit() => EndTransaction(engine => engine.Commit());

    public bool Rollback() => EndTransaction(engine => engine.Rollback());

    public IBsonDataReader Query(string collection, Query query)
    {
        Open();
        try
        {
            return new SharedDataReader(_engine!.Query(collection, query), Close);
        }
        catch
        {
            Close();
            throw;
        }
    }

    public BsonValue Pragma(string name) => Run(engine => engine.Pragma(name));

    public bool Pragma(string name, BsonValue value) => Run(engine => engine.Pragma(name, value));

    public int Checkpoint() => Run(engine => engine.Checkpoint());

    public long Rebuild(RebuildOptions options) => Run(engine => engine.Rebuild(options));

    public int Insert(string collection, IEnumerable<BsonDocument> docs, BsonAutoId autoId) => Run(engine => engine.Insert(collection, docs, autoId));

    public int Update(string collection, IEnumerable<BsonDocument> docs) => Run(engine => engine.Update(collection, docs));

    public int UpdateMany(string collection, BsonExpression transform, BsonExpression predicate) =>
        Run(engine => engine.UpdateMany(collection, transform, predicate));

    public int Upsert(string collection, IEnumerable<BsonDocument> docs, BsonAutoId autoId) => Run(engine => engine.Upsert(collection, docs, autoId));

    public int Delete(string collection, IEnumerable<BsonValue> ids) => Run(engine => engine.Delete(collection, ids));

    public int DeleteMany(string collection, BsonExpression predicate) => Run(engine => engine.DeleteMany(collection, predicate));

    public bool DropCollection(string name) => Run(engine => engine.DropCollection(name));

    public bool RenameCollection(string name, string newName) => Run(engine => engine.RenameCollection(name, newName));

    public bool DropIndex(string collection, string name) => Run(engine => engine.DropIndex(collection, name));

    public bool EnsureIndex(string collection, string name, BsonExpression expression, bool unique) =>
        Run(engine => engine.EnsureIndex(collection, name, expression, unique));

    public void Dispose()
    {
        if (_engine is not null)
        {
            _engine.Dispose();
            _engine = null;
            _mutex.ReleaseMutex();
        }

        _mutex.Dispose();
    }

    private T Run<T>(Func<LiteEngine, T> work)
    {
        Open();
        try
        {
            return work(_engine!);
        }
        finally
        {
            Close();
        }
    }

    private bool EndTransaction(Func<LiteEngine, bool> end)
    {
        if (_engine is null)
        {
            return false;
        }

        try
        {
            return end(_engine);
        }
        finally
        {
            _transactionRunning = false;
            Close();
        }
    }

    private void Open()
    {
        try
        {
            _mutex.WaitOne();
        }
        catch (AbandonedMutexException)
        {
            // A process died holding it: the mutex is ours now, and LiteDB's log recovers what that process left.
        }

        if (!_transactionRunning && _engine is null)
        {
            try
            {
                _engine = new LiteEngine(_settings);
            }
            catch
            {
                _mutex.ReleaseMutex();
                throw;
            }
        }
    }

    private void Close()
    {
        if (!_transactionRunning && _engine is not null)
        {
            _engine.Dispose();
            _engine = null;
        }

        _mutex.ReleaseMutex();
    }
}
