using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Sigma.Mcp.Tool.Documents;
using Sigma.Mcp.Tool.SigmaApi;

namespace Sigma.Mcp.Tool.Http;

/// <summary>
/// Each caller's <see cref="MemberDocuments"/>, by email, read through the service account
/// (<c>GET /v2/members?email=</c>, then every page of <c>GET /v2/members/{memberId}/files</c>) and kept for
/// <see cref="OAuthSettings.MemberAccessTtl"/>. Past half its lifetime a set is re-read in the background while the old
/// one still answers, so active callers never wait; past its lifetime it is never used (a revocation takes effect
/// within the TTL). Concurrent callers with the same email share one read.
/// </summary>
internal sealed partial class MemberAccessCache(SigmaClient sigma, HttpServerSettings settings, TimeProvider time, ILogger<MemberAccessCache> logger)
{
    private readonly ConcurrentDictionary<string, Lazy<Task<MemberDocuments?>>> _reads = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentDictionary<string, MemberDocuments?> _sets = new(StringComparer.OrdinalIgnoreCase);

    private TimeSpan Ttl => settings.OAuth?.MemberAccessTtl ?? OAuthSettings.DefaultMemberAccessTtl;

    /// <summary>The caller's documents, or null when no active Sigma member has this email.</summary>
    public async Task<MemberDocuments?> GetAsync(string email, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        if (_sets.TryGetValue(email, out var known) && known is not null)
        {
            var age = now - known.ReadAt;
            if (age < Ttl)
            {
                if (age >= Ttl / 2)
                {
                    // Refreshed in the background; a failure leaves the current set in use until it expires.
                    _ = ReadOnceAsync(email, CancellationToken.None).ContinueWith(t => t.Exception, CancellationToken.None,
                        TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
                }

                return known;
            }
        }

        return await ReadOnceAsync(email, cancellationToken).WaitAsync(cancellationToken);
    }

    private Task<MemberDocuments?> ReadOnceAsync(string email, CancellationToken cancellationToken)
    {
        var read = _reads.GetOrAdd(email, e => new Lazy<Task<MemberDocuments?>>(() => ReadAsync(e)));
        return read.Value;
    }

    private async Task<MemberDocuments?> ReadAsync(string email)
    {
        try
        {
            var calls = 1;
            var member = await sigma.FindMemberByEmailAsync(email);
            MemberDocuments? documents = null;
            if (member is not null)
            {
                var ids = new HashSet<string>(StringComparer.Ordinal);
                var count = 0;
                await foreach (var file in sigma.ListMemberFilesAsync(member.MemberId))
                {
                    ids.Add(file.Id);
                    ids.Add(file.UrlId);
                    count++;
                }

                calls += Math.Max(1, (count + SigmaClient.MaxPageSize - 1) / SigmaClient.MaxPageSize);
                documents = new MemberDocuments(member.MemberId, ids, time.GetUtcNow(), calls);
                LogRead(logger, member.MemberId, count, calls);
            }

            _sets[email] = documents;
            return documents;
        }
        finally
        {
            _reads.TryRemove(email, out _);
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Read the documents of Sigma member {MemberId}: {Count} files in {Calls} Sigma calls")]
    private static partial void LogRead(ILogger logger, string memberId, int count, int calls);
}
