namespace Sigma.Sandbox.Generation;

/// <summary>The identity and kind of an element being built.</summary>
internal readonly record struct ElementShape(string ElementId, string Name, string Type, string? VisualizationType, string? PageId);
