using Sigma.Sandbox.Auth;
using Sigma.Sandbox.Exports;

namespace Sigma.Sandbox.Endpoints;

/// <summary>What endpoints share: options, content, tokens, export jobs and fault settings.</summary>
internal sealed class SandboxState(SandboxOptions options, SandboxData data, SandboxFaults faults, TokenStore tokens, ExportJobStore exports)
{
    public SandboxOptions Options => options;

    public SandboxData Data => data;

    public SandboxFaults Faults => faults;

    public TokenStore Tokens => tokens;

    public ExportJobStore Exports => exports;
}
