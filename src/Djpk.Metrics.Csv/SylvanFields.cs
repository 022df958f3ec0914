using Sylvan.Data.Csv;

namespace Djpk.Metrics.Csv;

/// <summary>The fields of the record Sylvan's reader is on.</summary>
internal readonly struct SylvanFields(CsvDataReader csv) : ICsvFields
{
    /// <inheritdoc/>
    public int Count => csv.RowFieldCount;

    /// <inheritdoc/>
    public ReadOnlySpan<char> Field(int index) => csv.GetFieldSpan(index);
}
