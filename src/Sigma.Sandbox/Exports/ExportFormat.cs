namespace Sigma.Sandbox.Exports;

/// <summary>The element export formats the sandbox produces.</summary>
internal enum ExportFormat
{
    Csv,
    Json,
    Jsonl,
}
