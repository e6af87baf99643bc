namespace Sigma.Sandbox.Generation;

/// <summary>
/// One business domain: its workspace name, what its documents are about, and the measures and dimensions its
/// elements show. Generated names and columns come from here so that they read like a real organization's.
/// </summary>
internal sealed record DomainVocabulary(
    string Name,
    string[] Subjects,
    string[] Measures,
    string[] Dimensions);
