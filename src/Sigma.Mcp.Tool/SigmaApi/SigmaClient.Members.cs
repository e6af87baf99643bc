using Sigma.Mcp.Tool.SigmaApi.Models;
using Sigma.Mcp.Tool.SigmaApi.Paging;

namespace Sigma.Mcp.Tool.SigmaApi;

internal sealed partial class SigmaClient
{
    /// <summary><c>GET /v2/members?email=</c>: the active member with this email, or null.</summary>
    public async Task<Member?> FindMemberByEmailAsync(string email, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(email);
        await foreach (var member in ListAsync("v2/members", SigmaJsonContext.Default.Member, PagingStyle.PageLimit, 50, [("email", email)], cancellationToken))
        {
            if (string.Equals(member.Email, email, StringComparison.OrdinalIgnoreCase) && member.IsArchived != true && member.IsInactive != true)
            {
                return member;
            }
        }

        return null;
    }

    /// <summary><c>GET /v2/members/{memberId}/files</c>, every page: the documents and folders that member can open.</summary>
    public IAsyncEnumerable<SigmaFile> ListMemberFilesAsync(string memberId, int pageSize = MaxPageSize, CancellationToken cancellationToken = default) =>
        ListAsync($"v2/members/{Segment(memberId)}/files", SigmaJsonContext.Default.SigmaFile, PagingStyle.PageLimit, pageSize, cancellationToken: cancellationToken);
}
