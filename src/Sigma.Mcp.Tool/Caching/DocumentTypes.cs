namespace Sigma.Mcp.Tool.Caching;

/// <summary>The kinds of cached document, named as Sigma's <c>/v2/files</c> names them.</summary>
internal static class DocumentTypes
{
    public const string Workbook = "workbook";
    public const string DataModel = "data-model";
    public const string Dataset = "dataset";
    public const string Report = "report";

    public static IReadOnlyList<string> All { get; } = [Workbook, DataModel, Dataset, Report];
}
