using Sigma.Sandbox.Model;

namespace Sigma.Sandbox.Generation;

/// <summary>Content that does not vary with the seed.</summary>
internal static class FixedCatalog
{
    public static readonly IReadOnlyList<SandboxAccountType> AccountTypes =
    [
        new("acct-admin", "Admin", "Full access, including administration.", false),
        new("acct-creator", "Creator", "Creates and edits workbooks and data models.", false),
        new("acct-explorer", "Explorer", "Explores and modifies existing content.", false),
        new("acct-viewer", "Viewer", "Views and exports shared content.", false),
        new("acct-lite", "Lite", "Views embedded content only.", false),
        new("acct-analyst", "Analyst", "Creator without warehouse write access.", true),
        new("acct-embed-viewer", "Embed Viewer", "For embedded analytics users.", true),
        new("acct-finance-power", "Finance Power User", "Explorer with export rights on Finance.", true),
    ];
}
