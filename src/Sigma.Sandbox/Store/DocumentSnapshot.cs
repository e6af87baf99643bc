using Sigma.Sandbox.Model;

namespace Sigma.Sandbox.Store;

/// <summary>
/// An immutable view of every document, in <see cref="SandboxDocument.Sequence"/> order, with per-type lists and an
/// id index. Readers use one snapshot for a whole request, so a concurrent mutation never tears a page.
/// </summary>
internal sealed class DocumentSnapshot
{
    private readonly Dictionary<string, SandboxDocument> _byId;

    private DocumentSnapshot(SandboxDocument[] all)
    {
        All = all;
        _byId = new Dictionary<string, SandboxDocument>(all.Length, StringComparer.OrdinalIgnoreCase);
        var workbooks = new List<SandboxWorkbook>(all.Length);
        var dataModels = new List<SandboxDataModel>();
        var datasets = new List<SandboxDataset>();
        var reports = new List<SandboxReport>();
        var folders = new List<SandboxFolder>();
        foreach (SandboxDocument document in all)
        {
            _byId[document.Id] = document;
            switch (document)
            {
                case SandboxWorkbook w: workbooks.Add(w); break;
                case SandboxDataModel m: dataModels.Add(m); break;
                case SandboxDataset d: datasets.Add(d); break;
                case SandboxReport r: reports.Add(r); break;
                case SandboxFolder f: folders.Add(f); break;
            }
        }

        Workbooks = workbooks;
        DataModels = dataModels;
        Datasets = datasets;
        Reports = reports;
        Folders = folders;
    }

    public IReadOnlyList<SandboxDocument> All { get; }

    public IReadOnlyList<SandboxWorkbook> Workbooks { get; }

    public IReadOnlyList<SandboxDataModel> DataModels { get; }

    public IReadOnlyList<SandboxDataset> Datasets { get; }

    public IReadOnlyList<SandboxReport> Reports { get; }

    public IReadOnlyList<SandboxFolder> Folders { get; }

    public static DocumentSnapshot Create(SandboxDocument[] ordered) => new(ordered);

    public T? Find<T>(string id)
        where T : SandboxDocument => _byId.TryGetValue(id, out SandboxDocument? document) ? document as T : null;

    /// <summary>True when <paramref name="document"/> sits somewhere below the folder <paramref name="ancestorId"/>.</summary>
    public bool IsUnder(SandboxDocument document, string ancestorId)
    {
        for (string? parent = document.ParentId; parent is not null; parent = Find<SandboxDocument>(parent)?.ParentId)
        {
            if (string.Equals(parent, ancestorId, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }
}
