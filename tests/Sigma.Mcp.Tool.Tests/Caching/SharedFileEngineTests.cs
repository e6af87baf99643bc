using System.Security.Cryptography;
using System.Text;
using LiteDB;
using Sigma.Mcp.Tool.Caching.LiteDb;
using Sigma.Mcp.Tool.Tests.Fixtures;

namespace Sigma.Mcp.Tool.Tests.Caching;

#pragma warning disable CA5350 // SHA-1 here is the reference for a name (LiteDB's mutex), not a security use.

/// <summary>
/// Our shared-mode engine and LiteDB's own exclude each other on one file, both ways: what keeps a <c>cache refresh</c>
/// of this version and a <c>serve</c> of an earlier one (LiteDB's shared mode) from writing the file at once. And the
/// cache's lock file excludes what the mutex does not reach: a native build's named mutex is only process-wide.
/// </summary>
public sealed class SharedFileEngineTests : IDisposable
{
    private static readonly TimeSpan s_blockedFor = TimeSpan.FromMilliseconds(300);
    private readonly TempDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    [Fact]
    public void MutexName_IsTheNameLiteDbSharedModeGivesTheFile()
    {
        var path = _directory.File("Cache.db");

        var liteDbs = Convert.ToHexString(SHA1.HashData(Encoding.UTF8.GetBytes(Path.GetFullPath(path).ToLower(System.Globalization.CultureInfo.InvariantCulture))));

        SharedFileEngine.MutexName(path).Should().Be("Global\\" + liteDbs + ".Mutex");
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task OneHoldsATransaction_TheOtherWaitsForItsCommit_ThenSeesTheWrite(bool oursHolds)
    {
        var path = _directory.File("shared.db");
        using var holding = new ManualResetEventSlim();
        using var commit = new ManualResetEventSlim();

        // A named mutex belongs to the thread that took it: each side runs on a thread of its own.
        var holder = Task.Factory.StartNew(() =>
        {
            using var db = Open(path, ours: oursHolds);
            db.BeginTrans();
            db.GetCollection("rows").Insert(new BsonDocument { ["_id"] = "written-in-transaction" });
            holding.Set();
            commit.Wait(TestTimeouts.Token());
            db.Commit();
        }, TaskCreationOptions.LongRunning);
        holding.Wait(TestTimeouts.Token());

        var reader = Task.Factory.StartNew(() =>
        {
            using var db = Open(path, ours: !oursHolds);
            return db.GetCollection("rows").FindById("written-in-transaction") is not null;
        }, TaskCreationOptions.LongRunning);

        (await Task.WhenAny(reader, Task.Delay(s_blockedFor))).Should().NotBe(reader, "the file is held by the other side's transaction");
        commit.Set();
        await holder.WaitAsync(TestTimeouts.Default);
        (await reader.WaitAsync(TestTimeouts.Default)).Should().BeTrue();
    }

    [Fact]
    public async Task LockFileHeldByAnotherProcess_WaitsForItsRelease()
    {
        // What a native sigma-mcp holds while it works on the file: its named mutex does not reach other processes.
        var path = _directory.File("locked.db");
        using (var db = Open(path, ours: true))
        {
            db.GetCollection("rows").Insert(new BsonDocument { ["_id"] = "written-before" });
        }

        var held = new FileStream(SharedFileEngine.LockPath(path), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        var reader = Task.Factory.StartNew(() =>
        {
            using var db = Open(path, ours: true);
            return db.GetCollection("rows").FindById("written-before") is not null;
        }, TaskCreationOptions.LongRunning);

        (await Task.WhenAny(reader, Task.Delay(s_blockedFor))).Should().NotBe(reader, "another process holds the cache's lock file");
        await held.DisposeAsync();
        (await reader.WaitAsync(TestTimeouts.Default)).Should().BeTrue();
    }

    private static LiteDatabase Open(string path, bool ours) => ours
        ? new LiteDatabase(new SharedFileEngine(path))
        : new LiteDatabase(new ConnectionString { Filename = path, Connection = ConnectionType.Shared });
}
