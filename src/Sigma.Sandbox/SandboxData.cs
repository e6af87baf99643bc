using Sigma.Sandbox.Generation;
using Sigma.Sandbox.Model;
using Sigma.Sandbox.Store;

namespace Sigma.Sandbox;

/// <summary>
/// The organization's content. Thread-safe: reads see a consistent snapshot, and the mutations tests use
/// (<see cref="TouchWorkbook"/>, <see cref="AddWorkbook"/>, …) are visible to the very next request.
/// Pages and elements are regenerated from each workbook's id on demand, so they cost no memory.
/// </summary>
public sealed class SandboxData
{
    private readonly DocumentStore _store;
    private readonly SandboxOptions _options;
    private readonly IReadOnlyList<SandboxTable> _tables;
    private readonly Lock _mutationGate = new();
    private readonly DeterministicRandom _mutationRandom;

    internal SandboxData(GeneratedOrganization organization, SandboxOptions options)
    {
        _options = options;
        _store = new DocumentStore(organization.Documents);
        _mutationRandom = DeterministicRandom.For(options.Seed, "mutations");
        _tables = [.. organization.Connections.SelectMany(c => c.Tables)];
        OrganizationId = organization.OrganizationId;
        OrganizationSlug = organization.Slug;
        Members = organization.Members;
        Teams = organization.Teams;
        AccountTypes = organization.AccountTypes;
        VersionTags = organization.VersionTags;
        Connections = organization.Connections;
    }

    public string OrganizationId { get; }

    /// <summary>The organization's name in Sigma URLs, e.g. <c>https://app.sigmacomputing.com/{slug}/workbook/…</c>.</summary>
    public string OrganizationSlug { get; }

    /// <summary>All workbooks (archived ones included), in listing order.</summary>
    public IReadOnlyList<SandboxWorkbook> Workbooks => Snapshot.Workbooks;

    public IReadOnlyList<SandboxDataModel> DataModels => Snapshot.DataModels;

    public IReadOnlyList<SandboxDataset> Datasets => Snapshot.Datasets;

    public IReadOnlyList<SandboxReport> Reports => Snapshot.Reports;

    /// <summary>Workspaces and folders.</summary>
    public IReadOnlyList<SandboxFolder> Folders => Snapshot.Folders;

    /// <summary>Members, the API user "Ada Lovelace" first; archived and inactive ones included.</summary>
    public IReadOnlyList<SandboxMember> Members { get; }

    /// <summary>Which documents each member can open (<c>/v2/members/{memberId}/files</c>); tests may change it.</summary>
    public MemberAccess Access { get; } = new();

    public IReadOnlyList<SandboxTeam> Teams { get; }

    public IReadOnlyList<SandboxAccountType> AccountTypes { get; }

    public IReadOnlyList<SandboxVersionTag> VersionTags { get; }

    public IReadOnlyList<SandboxConnection> Connections { get; }

    /// <summary>The member behind the sandbox's client credentials (<c>/v2/whoami</c>).</summary>
    public SandboxMember ApiUser => Members[0];

    internal DocumentSnapshot Snapshot => _store.Current;

    internal IReadOnlyList<SandboxTable> Tables => _tables;

    public SandboxWorkbook? FindWorkbook(string workbookId) => Snapshot.Find<SandboxWorkbook>(workbookId);

    /// <summary>The first workbook with exactly this name (case-insensitive), or null.</summary>
    public SandboxWorkbook? FindWorkbookByName(string name) =>
        Snapshot.Workbooks.FirstOrDefault(w => string.Equals(w.Name, name, StringComparison.OrdinalIgnoreCase));

    public SandboxDataModel? FindDataModel(string dataModelId) => Snapshot.Find<SandboxDataModel>(dataModelId);

    /// <summary>The workbook's pages with their elements; throws <see cref="KeyNotFoundException"/> for an unknown id.</summary>
    public IReadOnlyList<SandboxPage> GetPages(string workbookId) => Layout(workbookId).Pages;

    public IReadOnlyList<SandboxControl> GetControls(string workbookId) => Layout(workbookId).Controls;

    public IReadOnlyList<SandboxSource> GetSources(string workbookId) => Layout(workbookId).Sources;

    public SandboxElement? FindElement(string workbookId, string elementId) => Layout(workbookId).FindElement(elementId);

    /// <summary>A data model's elements; throws <see cref="KeyNotFoundException"/> for an unknown id.</summary>
    public IReadOnlyList<SandboxElement> GetDataModelElements(string dataModelId) =>
        DataModelLayouts.For(FindDataModel(dataModelId) ?? throw Missing(dataModelId), CreateLayoutContext());

    /// <summary>Bumps <c>updatedAt</c> (to now) and <c>latestVersion</c>, as an edit in Sigma would.</summary>
    public SandboxWorkbook TouchWorkbook(string workbookId) =>
        UpdateWorkbook(workbookId, w => w with { UpdatedAt = NextUpdate(w.UpdatedAt), LatestVersion = w.LatestVersion + 1 });

    /// <summary>Renames a workbook and bumps <c>updatedAt</c>.</summary>
    public SandboxWorkbook RenameWorkbook(string workbookId, string newName)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(newName);
        return UpdateWorkbook(workbookId, w => w with { Name = newName, UpdatedAt = NextUpdate(w.UpdatedAt) });
    }

    /// <summary>Applies any change (badge, archived, description…); the id and listing position are kept.</summary>
    public SandboxWorkbook UpdateWorkbook(string workbookId, Func<SandboxWorkbook, SandboxWorkbook> change)
    {
        ArgumentNullException.ThrowIfNull(change);
        return _store.Replace(workbookId, change) ?? throw Missing(workbookId);
    }

    /// <summary>Removes a workbook; false when there was none. Its id then answers 404.</summary>
    public bool DeleteWorkbook(string workbookId) => _store.Current.Find<SandboxWorkbook>(workbookId) is not null && _store.Remove(workbookId);

    /// <summary>
    /// Adds a workbook at the end of the listing, creating the folders of <paramref name="path"/> when missing.
    /// Ids are deterministic for the seed and the order of additions.
    /// </summary>
    public SandboxWorkbook AddWorkbook(
        string name, string path = SandboxWellKnown.RevenueDashboardPath, string? description = null, string? ownerId = null, string? badge = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        lock (_mutationGate)
        {
            SandboxFolder folder = FolderTreeFor(_store).Ensure(path);
            string owner = ownerId ?? ApiUser.MemberId;
            DateTimeOffset now = _options.TimeProvider.GetUtcNow();
            int domain = Array.FindIndex(Vocabulary.Domains, d => folder.FullPath.StartsWith(d.Name, StringComparison.OrdinalIgnoreCase));
            return _store.Add(new SandboxWorkbook
            {
                Id = _mutationRandom.NextUuid(),
                UrlId = _mutationRandom.NextBase62(22),
                Name = name,
                Description = description,
                Path = folder.FullPath,
                ParentId = folder.Id,
                OwnerId = owner,
                CreatedBy = owner,
                UpdatedBy = owner,
                CreatedAt = now,
                UpdatedAt = now,
                Badge = badge,
                LatestVersion = 1,
                Domain = domain < 0 ? _mutationRandom.Next(Vocabulary.Domains.Length) : domain,
                Subject = _mutationRandom.Next(8),
            });
        }
    }

    internal WorkbookLayout LayoutOf(SandboxWorkbook workbook) => WorkbookLayouts.For(workbook, CreateLayoutContext());

    internal LayoutContext CreateLayoutContext() => new(_options, Snapshot.DataModels, _tables);

    private WorkbookLayout Layout(string workbookId) =>
        WorkbookLayouts.For(FindWorkbook(workbookId) ?? throw Missing(workbookId), CreateLayoutContext());

    private DateTimeOffset NextUpdate(DateTimeOffset previous)
    {
        DateTimeOffset now = _options.TimeProvider.GetUtcNow();
        return now > previous ? now : previous.AddMilliseconds(1);
    }

    private FolderTree FolderTreeFor(DocumentStore store) => new(store.Current.Folders, (name, parent) =>
    {
        DateTimeOffset now = _options.TimeProvider.GetUtcNow();
        return store.Add(new SandboxFolder
        {
            Id = _mutationRandom.NextUuid(),
            UrlId = _mutationRandom.NextBase62(22),
            Name = name,
            Path = parent?.FullPath ?? string.Empty,
            ParentId = parent?.Id,
            OwnerId = ApiUser.MemberId,
            CreatedBy = ApiUser.MemberId,
            UpdatedBy = ApiUser.MemberId,
            CreatedAt = now,
            UpdatedAt = now,
            IsWorkspace = parent is null,
        });
    });

    private static KeyNotFoundException Missing(string id) => new($"The sandbox has no document '{id}'.");
}
