using Sigma.Mcp.Tool.Configuration;
using Sigma.Mcp.Tool.Tests.Fixtures;

namespace Sigma.Mcp.Tool.Tests.Configuration;

public sealed class DotEnvFileTests
{
    [Fact]
    public void Parse_TheOriginalServersExampleFile_ReadsEveryValue()
    {
        using var directory = new TempDirectory();
        File.WriteAllText(directory.File(".env"), """
            # Sigma API Configuration
            SIGMA_CLIENT_ID=your_actual_sigma_client_id
            SIGMA_CLIENT_SECRET=your_actual_sigma_client_secret
            SIGMA_BASE_URL=https://api.sigmacomputing.com

            # Set to 'true' for local file-based cache (for testing)
            USE_LOCAL_CACHE=true
            export AWS_REGION=us-east-1
            CACHE_TABLE_NAME="sigma-documents-cache"
            QUOTED='single # not a comment'
            TRAILING=value # a comment
            EMPTY=
            """);

        var values = DotEnvFile.Parse(directory.File(".env"));

        values.Should().Equal(new Dictionary<string, string?>
        {
            ["SIGMA_CLIENT_ID"] = "your_actual_sigma_client_id",
            ["SIGMA_CLIENT_SECRET"] = "your_actual_sigma_client_secret",
            ["SIGMA_BASE_URL"] = "https://api.sigmacomputing.com",
            ["USE_LOCAL_CACHE"] = "true",
            ["AWS_REGION"] = "us-east-1",
            ["CACHE_TABLE_NAME"] = "sigma-documents-cache",
            ["QUOTED"] = "single # not a comment",
            ["TRAILING"] = "value",
            ["EMPTY"] = "",
        });
    }
}
