namespace Djpk.Metrics.Csv;

/// <summary>The fields of one CSV record, as the row parser reads them: from Sylvan's reader, or split from a line of a block.</summary>
internal interface ICsvFields
{
    /// <summary>Gets the number of fields of the record.</summary>
    int Count { get; }

    /// <summary>Returns the field at <paramref name="index"/> (0 ≤ index &lt; <see cref="Count"/>).</summary>
    ReadOnlySpan<char> Field(int index);
}
