using System.Security.Cryptography;
using Sigma.Mcp.Tool.Caching;

namespace Sigma.Mcp.Tool.Tests.Caching;

#pragma warning disable CA5350 // SHA-1 here is the reference for a name (LiteDB's mutex), not a security use.

/// <summary>The managed hashes give the framework's answers: every length across the padding boundaries, and known vectors.</summary>
public sealed class NameHashTests
{
    [Fact]
    public void EveryLengthUpToFourBlocks_SameAsTheFramework()
    {
        var random = new Random(14);
        for (var length = 0; length <= 260; length++)
        {
            var data = new byte[length];
            random.NextBytes(data);

            NameHash.Sha1(data).Should().Equal(SHA1.HashData(data), $"SHA-1 of {length} bytes");
            NameHash.Sha256(data).Should().Equal(SHA256.HashData(data), $"SHA-256 of {length} bytes");
        }
    }

    [Theory]
    [InlineData("", "da39a3ee5e6b4b0d3255bfef95601890afd80709", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")]
    [InlineData("abc", "a9993e364706816aba3e25717850c26c9cd0d89d", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")]
    public void KnownVectors(string text, string sha1, string sha256)
    {
        Convert.ToHexStringLower(NameHash.Sha1(System.Text.Encoding.UTF8.GetBytes(text))).Should().Be(sha1);
        Convert.ToHexStringLower(NameHash.Sha256(System.Text.Encoding.UTF8.GetBytes(text))).Should().Be(sha256);
    }
}
