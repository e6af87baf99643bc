using Microsoft.Extensions.Logging;

namespace Sigma.Mcp.Tool.Hosting;

/// <summary>
/// The exception behind an expected failure. Such a failure is logged in one line at Warning or Information, as its
/// message, so that the default level shows no stack trace; this logs the exception itself (type, inner exceptions,
/// stack) at Debug, under the caller's category, for when the detail is asked for.
/// </summary>
internal static partial class FailureDetail
{
    [LoggerMessage(Level = LogLevel.Debug, Message = "{Failure}: the exception")]
    public static partial void LogFailureDetail(this ILogger logger, string failure, Exception exception);
}
