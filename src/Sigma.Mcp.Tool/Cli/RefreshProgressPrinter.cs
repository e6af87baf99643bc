using System.Diagnostics;
using Sigma.Mcp.Tool.Refresh;
using Sigma.Mcp.Tool.Hosting;

namespace Sigma.Mcp.Tool.Cli;

/// <summary>
/// Shows a refresh's progress on stderr: one line redrawn in place on a terminal; plain lines every few seconds (and at
/// each new phase) when stderr is a file or a pipe, so that logs stay readable.
/// </summary>
internal sealed class RefreshProgressPrinter(TextWriter error, bool interactive, Func<int>? terminalWidth = null) : IProgress<RefreshProgress>
{
    private static readonly TimeSpan s_plainInterval = TimeSpan.FromSeconds(5);
    private readonly Lock _gate = new();
    private readonly long _started = Stopwatch.GetTimestamp();
    private long _fetchStarted;
    private RefreshPhase? _lastPhase;
    private TimeSpan _lastPrinted = TimeSpan.MinValue;

    public void Report(RefreshProgress value)
    {
        lock (_gate)
        {
            var elapsed = Stopwatch.GetElapsedTime(_started);
            var newPhase = value.Phase != _lastPhase;
            if (newPhase && value.Phase == RefreshPhase.Fetching)
            {
                _fetchStarted = Stopwatch.GetTimestamp();
            }

            if (!interactive && !newPhase && elapsed - _lastPrinted < s_plainInterval)
            {
                return;
            }

            var line = $"{Describe(value)}  [{elapsed:mm\\:ss}]";
            if (interactive)
            {
                // Redrawn in place: never as wide as the terminal, or the cursor wraps and every redraw scrolls a new line.
                var width = Math.Max(20, (terminalWidth ?? ConsoleWidth)() - 1);
                line = line.Length > width ? line[..(width - 1)] + "…" : line.PadRight(width);
                error.Write($"\r{line}");
                if (value.Phase == RefreshPhase.Done)
                {
                    error.WriteLine();
                }
            }
            else
            {
                error.WriteLine(line);
            }

            (_lastPhase, _lastPrinted) = (value.Phase, elapsed);
        }
    }

    private string Describe(RefreshProgress p) => p.Phase switch
    {
        RefreshPhase.Listing => $"Listing documents: {p.Listed:N0}",
        RefreshPhase.Fetching => $"Fetching details: {p.Fetched:N0}/{p.ToFetch:N0} of {Counted.Of(p.Listed, "document")}{Rate(p)}{(p.Failed > 0 ? $", {p.Failed:N0} failed" : "")}",
        RefreshPhase.Writing => $"Writing: {p.Written:N0}/{Counted.Of(p.Listed, "document")}",
        RefreshPhase.Publishing => "Publishing the new generation",
        _ => $"Done: {Counted.Of(p.Written, "document")} written",
    };

    private static int ConsoleWidth()
    {
        try
        {
            return Console.WindowWidth > 0 ? Console.WindowWidth : 80;
        }
        catch (Exception ex) when (ex is IOException or PlatformNotSupportedException or InvalidOperationException)
        {
            return 80;
        }
    }

    private string Rate(RefreshProgress p)
    {
        var seconds = Stopwatch.GetElapsedTime(_fetchStarted).TotalSeconds;
        if (p.Fetched == 0 || seconds < 0.5)
        {
            return "";
        }

        var rate = p.Fetched / seconds;
        var eta = TimeSpan.FromSeconds((p.ToFetch - p.Fetched) / rate);
        return $", {rate:0.0}/s, ETA {eta:mm\\:ss}";
    }
}
