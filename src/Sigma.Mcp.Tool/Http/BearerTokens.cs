using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Sigma.Mcp.Tool.Http;

/// <summary>
/// The bearer tokens <c>serve --http</c> accepts, kept as SHA-256 hashes only. A presented token is hashed and compared
/// with every stored hash in constant time (<see cref="CryptographicOperations.FixedTimeEquals"/>, no early exit), so
/// that neither the response time nor the logs reveal anything about the tokens.
/// </summary>
internal sealed class BearerTokens
{
    private readonly byte[][] _hashes;
    private readonly string[] _names;

    /// <summary>Tokens named by their position: <c>1</c>, <c>2</c>, …</summary>
    public BearerTokens(IEnumerable<string> tokens)
        : this(tokens.Select((t, i) => new NamedToken((i + 1).ToString(CultureInfo.InvariantCulture), t)))
    {
    }

    public BearerTokens(IEnumerable<NamedToken> tokens)
    {
        var list = tokens.ToList();
        _hashes = [.. list.Select(t => Hash(t.Token))];
        _names = [.. list.Select(t => t.Name)];
    }

    public int Count => _hashes.Length;

    /// <summary>The name of the token at <paramref name="position"/> (from <see cref="Find"/>).</summary>
    public string Name(int position) => _names[position];

    /// <summary>The position (from 0) of the stored token equal to <paramref name="presented"/>, or -1.</summary>
    public int Find(string presented)
    {
        var hash = Hash(presented);
        var found = -1;
        for (var i = 0; i < _hashes.Length; i++)
        {
            // Every hash is compared, whatever matched before.
            var equal = CryptographicOperations.FixedTimeEquals(hash, _hashes[i]);
            found = equal ? i : found;
        }

        return found;
    }

    public override string ToString() => $"{Count} bearer token(s)";

    private static byte[] Hash(string token) => SHA256.HashData(Encoding.UTF8.GetBytes(token));
}
