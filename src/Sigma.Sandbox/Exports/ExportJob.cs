using Sigma.Sandbox.Model;

namespace Sigma.Sandbox.Exports;

/// <summary>
/// A started export. It answers "not ready" (204) a fixed number of polls, then its file; the file stays
/// downloadable, as Sigma keeps results for a while.
/// </summary>
internal sealed class ExportJob(string queryId, SandboxElement element, ExportFormat format, long offset, long? rowLimit, RowFilter filter, DateOnly today, int pollsBeforeReady)
{
    private int _pollsLeft = pollsBeforeReady;

    public string QueryId => queryId;

    /// <summary>See <see cref="SandboxOptions.ExportNoteLength"/>.</summary>
    public int NoteLength { get; init; }

    public SandboxElement Element => element;

    public ExportFormat Format => format;

    /// <summary>Rows skipped: of the filtered (and, for charts, grouped) rows.</summary>
    public long Offset => offset;

    /// <summary>Most rows in the file; null for all.</summary>
    public long? RowLimit => rowLimit;

    /// <summary>The sandbox's date when the export started: the last date in the data.</summary>
    public DateOnly Today => today;

    /// <summary>The export's control values, as they apply to this element.</summary>
    public RowFilter Filter => filter;

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
