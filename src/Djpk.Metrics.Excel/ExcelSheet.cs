using System.Globalization;

namespace Djpk.Metrics.Excel;

/// <summary>Names the worksheet of a workbook to read: by its name or by its 0-based position.</summary>
/// <remarks>Immutable. The default value is <see cref="First"/>, the workbook's first sheet.</remarks>
public readonly record struct ExcelSheet
{
    private ExcelSheet(string? name, int index)
    {
        Name = name;
        Index = index;
    }

    /// <summary>Gets the workbook's first sheet, the default.</summary>
    public static ExcelSheet First => default;

    /// <summary>Gets the sheet's name, or <see langword="null"/> when the sheet is chosen by <see cref="Index"/>.</summary>
    public string? Name { get; }

    /// <summary>Gets the sheet's 0-based position in the workbook; 0 when the sheet is chosen by <see cref="Name"/>.</summary>
    public int Index { get; }

    /// <summary>Returns the sheet named <paramref name="name"/>, matched ignoring case as Excel does.</summary>
    /// <param name="name">The name on the sheet's tab, such as <c>Sheet1</c>.</param>
    /// <returns>The sheet choice.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="name"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="name"/> is empty or white space.</exception>
    public static ExcelSheet Named(string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        return new ExcelSheet(name, 0);
    }

    /// <summary>Returns the sheet at the 0-based position <paramref name="index"/> (0 is the first tab).</summary>
    /// <param name="index">The position, 0 or more.</param>
    /// <returns>The sheet choice.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="index"/> is negative.</exception>
    public static ExcelSheet At(int index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        return new ExcelSheet(null, index);
    }

    /// <summary>Returns the invariant text form: <c>sheet 'Sheet1'</c> or <c>sheet #0</c>.</summary>
    /// <returns>The choice as text.</returns>
    public override string ToString() =>
        Name is { } name ? $"sheet '{name}'" : string.Create(CultureInfo.InvariantCulture, $"sheet #{Index}");
}
