using System.Collections.Concurrent;
using System.Security.Cryptography;

namespace Sigma.Sandbox.Auth;

/// <summary>
/// Issued tokens: random opaque strings with an expiry. Tokens are numbered in issue order, so "expire everything
/// issued so far" is one number and does not touch tokens issued afterwards.
/// </summary>
internal sealed class TokenStore(TimeProvider time, TimeSpan lifetime)
{
    private readonly ConcurrentDictionary<string, (long Number, DateTimeOffset ExpiresAt)> _access = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, byte> _refresh = new(StringComparer.Ordinal);
    private long _issued;
    private long _expiredThrough;

    public TokenGrant Issue()
    {
        long number = Interlocked.Increment(ref _issued);
        string access = NewToken("sbx_at_");
        string refresh = NewToken("sbx_rt_");
        _access[access] = (number, time.GetUtcNow() + lifetime);
        _refresh[refresh] = 0;
        return new TokenGrant(access, refresh, (int)Math.Max(1, lifetime.TotalSeconds));
    }

    public TokenStatus Check(string accessToken)
    {
        if (!_access.TryGetValue(accessToken, out var token))
        {
            return TokenStatus.Unknown;
        }

        bool expired = token.Number <= Interlocked.Read(ref _expiredThrough) || time.GetUtcNow() >= token.ExpiresAt;
        return expired ? TokenStatus.Expired : TokenStatus.Valid;
    }

    public bool IsRefreshToken(string refreshToken) => _refresh.ContainsKey(refreshToken);

    public void ExpireAll() => Interlocked.Exchange(ref _expiredThrough, Interlocked.Read(ref _issued));

    private static string NewToken(string prefix) =>
        prefix + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
