using Sigma.Sandbox.Model;

namespace Sigma.Sandbox.Generation;

/// <summary>The documents every sandbox has, with fixed ids (see <see cref="SandboxWellKnown"/>).</summary>
internal static class WellKnownContent
{
    public static readonly string[] ReservedNames =
    [
        SandboxWellKnown.RevenueDashboardName, SandboxWellKnown.CustomerChurnAnalysisName,
        SandboxWellKnown.LegacySalesReportName, SandboxWellKnown.SalesDataModelName,
    ];

    public static IEnumerable<SandboxDocument> Create(FolderTree folders, IReadOnlyList<SandboxMember> members, IReadOnlyList<SandboxVersionTag> tags)
    {
        string ada = SandboxWellKnown.AdaLovelaceMemberId;
        string colleague = members.Count > 1 ? members[1].MemberId : ada;
        SandboxFolder executive = folders.Ensure(SandboxWellKnown.RevenueDashboardPath);
        SandboxFolder retention = folders.Ensure("Customer Success/Retention");
        SandboxFolder archive = folders.Ensure("Sales/Archive");
        SandboxFolder semantic = folders.Ensure("Sales/Semantic Layer");
        SandboxVersionTag production = tags[0];
        SandboxVersionTag certified = tags[3];

        yield return new SandboxWorkbook
        {
            Id = SandboxWellKnown.RevenueDashboardId,
            UrlId = SandboxWellKnown.RevenueDashboardUrlId,
            Name = SandboxWellKnown.RevenueDashboardName,
            Description = "Executive view of net revenue by region, segment and product line, with order-level detail.",
            Path = executive.FullPath,
            ParentId = executive.Id,
            OwnerId = ada,
            CreatedBy = ada,
            UpdatedBy = ada,
            CreatedAt = new(2023, 2, 14, 10, 0, 0, TimeSpan.Zero),
            UpdatedAt = new(2025, 6, 2, 15, 30, 0, TimeSpan.Zero),
            Badge = "Endorsed",
            LatestVersion = 42,
            Tags =
            [
                new(production.VersionTagId, production.Name, 40, "0e1f2a3b-4c5d-4e6f-8a7b-9c0d1e2f3a4b", new(2025, 5, 20, 9, 0, 0, TimeSpan.Zero)),
                new(certified.VersionTagId, certified.Name, 41, "1f2a3b4c-5d6e-4f70-8b8c-0d1e2f3a4b5c", new(2025, 5, 28, 9, 0, 0, TimeSpan.Zero)),
            ],
            Domain = 0,
            Subject = 0,
        };
        yield return new SandboxWorkbook
        {
            Id = SandboxWellKnown.CustomerChurnAnalysisId,
            UrlId = "5cHrnAn4lys1sQ8wE2rT6y",
            Name = SandboxWellKnown.CustomerChurnAnalysisName,
            Description = "Which customers churn, when and why: churn rate by segment and cohort, with at-risk accounts.",
            Path = retention.FullPath,
            ParentId = retention.Id,
            OwnerId = colleague,
            CreatedBy = colleague,
            UpdatedBy = ada,
            CreatedAt = new(2023, 9, 5, 14, 12, 0, TimeSpan.Zero),
            UpdatedAt = new(2025, 4, 18, 11, 45, 0, TimeSpan.Zero),
            LatestVersion = 17,
            Domain = 5,
            Subject = 0,
        };
        yield return new SandboxWorkbook
        {
            Id = SandboxWellKnown.LegacySalesReportId,
            UrlId = "7LgcySls9Rpt0ldA1sD3fG",
            Name = SandboxWellKnown.LegacySalesReportName,
            Description = "Superseded by Revenue Dashboard; kept for historical comparisons.",
            Path = archive.FullPath,
            ParentId = archive.Id,
            OwnerId = colleague,
            CreatedBy = colleague,
            UpdatedBy = colleague,
            CreatedAt = new(2022, 3, 1, 8, 30, 0, TimeSpan.Zero),
            UpdatedAt = new(2022, 11, 30, 16, 0, 0, TimeSpan.Zero),
            Badge = "Deprecated",
            Permission = "view",
            LatestVersion = 9,
            Domain = 2,
            Subject = 1,
        };
        yield return new SandboxDataModel
        {
            Id = SandboxWellKnown.SalesDataModelId,
            UrlId = "2SlsDtMdl8Kp4Xn6Vb1Zq3",
            Name = SandboxWellKnown.SalesDataModelName,
            Description = "Orders, order lines, customers and products with governed revenue metrics.",
            Path = semantic.FullPath,
            ParentId = semantic.Id,
            OwnerId = ada,
            CreatedBy = ada,
            UpdatedBy = ada,
            CreatedAt = new(2022, 11, 8, 12, 0, 0, TimeSpan.Zero),
            UpdatedAt = new(2025, 5, 30, 10, 15, 0, TimeSpan.Zero),
            Badge = "Endorsed",
            LatestVersion = 12,
            Tags = [new(production.VersionTagId, production.Name, 11, new(2025, 5, 30, 10, 20, 0, TimeSpan.Zero))],
            Domain = 2,
            Subject = 1,
        };
    }
}
