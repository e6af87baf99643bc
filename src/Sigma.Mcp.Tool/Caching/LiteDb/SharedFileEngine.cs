using System.Text;
using LiteDB;
using LiteDB.Engine;

namespace Sigma.Mcp.Tool.Caching.LiteDb;

/// <summary>
/// LiteDB's shared mode (<c>SharedEngine</c> in LiteDB 5.0.21) as it is, step for step: every operation takes the
/// file's cross-process mutex, opens the file, works and closes it again; a transaction keeps both until it ends. Two
/// differences:
/// <list type="bullet">
/// <item>How the mutex name is computed: LiteDB hashes the path with the framework's SHA-1, which on Linux loads OpenSSL
/// into a process that needs no other cryptography (<see cref="NameHash"/>). The name itself is the same, so this
/// engine, LiteDB's own shared mode and earlier versions of sigma-mcp exclude each other on the same file.</item>
/// <item>A lock file beside the cache (<see cref="LockPath"/>), taken after the mutex: a named mutex is cross-process on
/// CoreCLR, but in a native (Native AOT) build of .NET 10 off Windows it is only process-wide (dotnet/runtime#48720;
/// checked: a native process took it while another held it), so without the file the native tool and any other
/// process would write the file at once. The OS releases the file's lock when its process dies, as it does the
/// mutex.</item>
/// </list>
/// </summary>
internal sealed class SharedFileEngine : ILiteEngine
{
    // What opening a file another process has locked throws, as IOException.HResult: ERROR_SHARING_VIOLATION on Windows;
    // elsewhere flock's errno, EWOULDBLOCK (11 on Linux, 35 on macOS and the BSDs).
    private static readonly int s_lockTaken =
        OperatingSystem.IsWindows() ? unchecked((int)0x80070020) : OperatingSystem.IsLinux() ? 11 : 35;

    private readonly EngineSettings _settings;
    private readonly Mutex _mutex;
    private readonly string _lockPath;
    private FileStream? _lock;
    private int _lockDepth; // how often the mutex's owner has taken the lock file (the mutex is re-entrant, and so is this)
    private LiteEngine? _engine;
    private bool _transactionRunning;

    public SharedFileEngine(string path)
    {
        _settings = new EngineSettings { Filename = path };
        _mutex = new Mutex(initiallyOwned: false, MutexName(path));
        _lockPath = LockPath(path);
    }

    /// <summary>The lock file of the cache at <paramref name="path"/>.</summary>
    public static string LockPath(string path) => Path.GetFullPath(path) + ".lock";

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
            Release();
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
        Acquire();
        if (!_transactionRunning && _engine is null)
        {
            try
            {
                _engine = new LiteEngine(_settings);
            }
            catch
            {
                Release();
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

        Release();
    }

    private void Acquire()
    {
        try
        {
            _mutex.WaitOne();
        }
        catch (AbandonedMutexException)
        {
            // A process died holding it: the mutex is ours now, and LiteDB's log recovers what that process left.
        }

        if (_lockDepth++ > 0)
        {
            return;
        }

        try
        {
            _lock = LockFile(_lockPath);
        }
        catch
        {
            _lockDepth--;
            _mutex.ReleaseMutex();
            throw;
        }
    }

    private void Release()
    {
        if (--_lockDepth == 0)
        {
            _lock?.Dispose();
            _lock = null;
        }

        _mutex.ReleaseMutex();
    }

    // Opening the file unshared locks it (flock on Unix). There is no blocking wait for that, so a taken lock is retried
    // after a pause that grows to 16 ms: LiteDB's operations hold it for milliseconds, and each one takes it anew.
    private static FileStream LockFile(string path)
    {
        for (var pause = 1; ; pause = Math.Min(pause * 2, 16))
        {
            try
            {
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, bufferSize: 1);
            }
            catch (IOException error) when (error.HResult == s_lockTaken)
            {
                Thread.Sleep(pause);
            }
        }
    }
}
