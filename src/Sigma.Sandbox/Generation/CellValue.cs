namespace Sigma.Sandbox.Generation;

/// <summary>One exported cell: text, or a number written without quotes in JSON.</summary>
internal readonly record struct CellValue(string? Text, decimal Number, bool IsNumber)
{
    public static CellValue OfText(string text) => new(text, 0, false);

    public static CellValue OfNumber(decimal number) => new(null, number, true);
}
