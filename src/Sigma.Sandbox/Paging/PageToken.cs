using System.Buffers.Text;
using System.Globalization;
using System.Text;

namespace Sigma.Sandbox.Paging;

/// <summary>
/// Opaque page tokens: base64url of a position key plus a check value. Clients must pass <c>nextPage</c> back as
/// they got it; doing arithmetic on it (treating it as an offset, as Sigma's example "50" invites) gets a 400.
/// </summary>
internal static class PageToken
{
    private const string Prefix = "sbx1";

    public static string Encode(long key) =>
        Base64Url.EncodeToString(Encoding.ASCII.GetBytes(string.Create(CultureInfo.InvariantCulture, $"{Prefix}:{key}:{Check(key)}")));

    public static bool TryDecode(string token, out long key)
    {
        key = 0;
        byte[] bytes;
        try
        {
            bytes = Base64Url.DecodeFromChars(token);
        }
        catch (FormatException)
        {
            return false;
        }

        string[] parts = Encoding.ASCII.GetString(bytes).Split(':');
        return parts.Length == 3
            && parts[0] == Prefix
            && long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out key)
            && parts[2] == Check(key);
    }

    private static string Check(long key) =>
        ((uint)(((ulong)key * 0x9E3779B97F4A7C15UL) >> 32) ^ 0x5A17C0DEu).ToString("x8", CultureInfo.InvariantCulture);
}
