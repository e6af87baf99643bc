using Sigma.Sandbox.Model;

namespace Sigma.Sandbox.Generation;

/// <summary>What layout generation may point at: the data models and tables that exist, and the export row counts.</summary>
internal sealed class LayoutContext(SandboxOptions options, IReadOnlyList<SandboxDataModel> dataModels, IReadOnlyList<SandboxTable> tables)
{
    public SandboxOptions Options => options;

    public IReadOnlyList<SandboxDataModel> DataModels => dataModels;

    public IReadOnlyList<SandboxTable> Tables => tables;

    public SandboxTable Table(string inodeId) => tables.First(t => t.InodeId == inodeId);

    public SandboxDataModel? DataModel(string id) => dataModels.FirstOrDefault(m => m.Id == id);
}
