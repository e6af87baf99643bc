using ModelContextProtocol;

namespace Sigma.Mcp.Tool.Tools;

/// <summary>
/// A tool argument is missing, unknown, of the wrong type or out of range. The message reaches the model as it is:
/// it names the argument, says what is expected and gives an example call.
/// </summary>
internal sealed class ToolArgumentException(string message) : McpException(message);
