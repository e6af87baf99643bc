using Sigma.Sandbox.Model;

namespace Sigma.Sandbox.Exports;

/// <summary>
/// A started export. It answers "not ready" (204) a fixed number of polls, then its file; the file stays
/// downloadable, as Sigma keeps results for a while.
/// </summary>
internal sealed class ExportJob(string queryId, SandboxElement element, ExportFormat format, long offset, long rowCount, int pollsBeforeReady)
{
    private int _pollsLeft = pollsBeforeReady;

    public string QueryId => queryId;

    /// <summary>See <see cref="SandboxOptions.ExportNoteLength"/>.</summary>
    public int NoteLength { get; init; }

    public SandboxElement Element => element;

    public ExportFormat Format => format;

    /// <summary>The first row exported.</summary>
    public long Offset => offset;

    /// <summary>Rows in the file, after <c>offset</c> and <c>rowLimit</c>.</summary>
    public long RowCount => rowCount;

    /// <summary>Counts a poll; true once the file is ready. Thread-safe.</summary>
    public bool Poll()
    {
        while (true)
        {
            int left = Volatile.Read(ref _pollsLeft);
            if (left <= 0)
            {
                return true;
            }

            if (Interlocked.CompareExchange(ref _pollsLeft, left - 1, left) == left)
            {
                return false;
            }
        }
    }
}
