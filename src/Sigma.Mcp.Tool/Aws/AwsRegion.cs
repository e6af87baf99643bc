using Amazon;
using Amazon.Runtime;
using Amazon.Runtime.CredentialManagement;

namespace Sigma.Mcp.Tool.Aws;

/// <summary>Points an AWS client's configuration at the profile and region the settings name.</summary>
internal static class AwsRegion
{
    /// <summary>
    /// Applies <paramref name="profile"/> and the region (<paramref name="region"/>, else the profile's) to
    /// <paramref name="config"/>, and returns that region (null when neither names one: the SDK's own chain then decides,
    /// and <see cref="ClientConfig.RegionEndpoint"/> stays null if that finds none either).
    /// </summary>
    public static string? Apply(ClientConfig config, string? region, string? profile)
    {
        if (profile is { Length: > 0 })
        {
            config.Profile = new Profile(profile);
        }

        // An explicit profile's region is not picked up by the SDK unless AWS_PROFILE names it too.
        region ??= profile is { Length: > 0 } && new CredentialProfileStoreChain().TryGetProfile(profile, out var found) ? found.Region?.SystemName : null;
        if (region is not null)
        {
            config.RegionEndpoint = RegionEndpoint.GetBySystemName(region);
        }

        return region;
    }
}
