using Microsoft.Extensions.Logging;

namespace Sigma.Mcp.Tool.Hosting;

/// <summary>The logging every command runs with.</summary>
internal static class StderrLogging
{
    /// <summary>Every log line goes to stderr: in <c>serve</c>, stdout carries JSON-RPC and nothing else.</summary>
    public static ILoggingBuilder AddStderrConsole(this ILoggingBuilder logging, LogLevel minimumLevel)
    {
        logging.ClearProviders();
        logging.SetMinimumLevel(minimumLevel);
        logging.AddFilter("Microsoft.Hosting.Lifetime", LogLevel.Warning);
        if (minimumLevel >= LogLevel.Information)
        {
            // One line per HTTP attempt to Sigma is noise at the default level; at debug it is the detail asked for.
            logging.AddFilter("System.Net.Http.HttpClient", LogLevel.Warning);
            logging.AddFilter("Microsoft.Extensions.Http", LogLevel.Warning);

            // The SDK writes two or three Information lines per request; ToolCallLog writes one per tool call instead.
            // At debug they all show.
            logging.AddFilter("ModelContextProtocol", LogLevel.Warning);
        }

        logging.AddSimpleConsole(o =>
        {
            o.SingleLine = true;
            o.TimestampFormat = "HH:mm:ss ";
            o.UseUtcTimestamp = true;
        });
        logging.AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
        return logging;
    }
}
