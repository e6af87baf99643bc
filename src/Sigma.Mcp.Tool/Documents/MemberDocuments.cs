using System.Runtime.CompilerServices;
using Sigma.Mcp.Tool.Search;

namespace Sigma.Mcp.Tool.Documents;

/// <summary>
/// The documents one Sigma member can open (ids and urlIds, from <c>/v2/members/{memberId}/files</c>), as read at
/// <see cref="ReadAt"/>. Immutable; the search mask is computed once per index generation.
/// </summary>
internal sealed class MemberDocuments(string memberId, IReadOnlySet<string> ids, DateTimeOffset readAt, int sigmaCalls)
{
    private readonly ConditionalWeakTable<SearchIndex, bool[]> _masks = [];

    public string MemberId => memberId;

    public DateTimeOffset ReadAt => readAt;

    /// <summary>Sigma requests it took to read the set (the member lookup plus one per page of files).</summary>
    public int SigmaCalls => sigmaCalls;

    public int Count => ids.Count;

    public bool Allows(string idOrUrlId) => ids.Contains(idOrUrlId);

    /// <summary>The <see cref="SearchQuery.Visible"/> mask of <paramref name="index"/> for this member.</summary>
    public bool[] MaskFor(SearchIndex index) => _masks.GetValue(index, i => i.VisibilityMask(d => ids.Contains(d.Id) || (d.UrlId is { } urlId && ids.Contains(urlId))));
}
