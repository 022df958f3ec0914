namespace Djpk.Metrics.Csv;

/// <summary>The fields of one line without quotes, split at the delimiter: field <c>i</c> runs from <c>starts[i]</c> to the delimiter before <c>starts[i + 1]</c>.</summary>
internal readonly struct SplitFields(char[] chars, int[] starts, int count) : ICsvFields
{
    /// <inheritdoc/>
    public int Count => count;

    /// <inheritdoc/>
    public ReadOnlySpan<char> Field(int index) => chars.AsSpan(starts[index], starts[index + 1] - starts[index] - 1);
}
