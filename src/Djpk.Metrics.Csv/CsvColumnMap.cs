using Djpk.Metrics.Ingest;
using Djpk.Metrics.Logs;

namespace Djpk.Metrics.Csv;

/// <summary>Where the mapped columns are in the header.</summary>
internal sealed class CsvColumnMap
{
    public CsvColumnMap(string[] header, LogColumns columns, RecordSink sink, char delimiter)
    {
        Names = header;
        Width = Names.Length;
        ConstantChannel = sink.ConstantCode(columns.ConstantChannel);
        ConstantSegment = sink.ConstantCode(columns.ConstantSegment);
        Timestamp = Find(columns.Timestamp, required: true, delimiter);
        Channel = Find(columns.Channel, required: ConstantChannel < 0, delimiter);
        Segment = Find(columns.Segment, required: ConstantSegment < 0, delimiter);
        User = Find(columns.User, required: true, delimiter);
        Topic = Find(columns.Topic, required: false, delimiter);
        Id = Find(columns.Id, required: false, delimiter);
        Service = [.. ServiceText.Names(columns).Select(f => (f.Field, Find(f.Name, required: false, delimiter), f.Name)).Where(f => f.Item2 >= 0)];
        Required = [.. new[] { Timestamp, Channel, Segment, User }.Where(i => i >= 0)];
        if (columns.UnknownFields == UnknownFieldPolicy.Reject)
        {
            string[] mapped = columns.All();
            foreach (string name in Names)
            {
                if (!mapped.Contains(name.Trim(), StringComparer.OrdinalIgnoreCase))
                {
                    throw new InvalidDataException($"The header has the column '{RecordSink.Quote(name)}' that the mapping does not name; map it, remove it, or ignore unknown columns with LogColumns.WithUnknownFields(UnknownFieldPolicy.Ignore).");
                }
            }
        }
    }

    public int ConstantChannel { get; }

    public int ConstantSegment { get; }

    public string[] Names { get; }

    public int Width { get; }

    public int Timestamp { get; }

    public int Channel { get; }

    public int Segment { get; }

    public int User { get; }

    public int Topic { get; }

    public int Id { get; }

    public int[] Required { get; }

    /// <summary>Gets the service columns the header has: the field, its index and its name.</summary>
    public (ServiceColumns Field, int Index, string Name)[] Service { get; }

    private int Find(string name, bool required, char delimiter)
    {
        int found = -1;
        for (int i = 0; i < Names.Length; i++)
        {
            if (string.Equals(Names[i].Trim(), name, StringComparison.OrdinalIgnoreCase))
            {
                found = found < 0 ? i : throw new InvalidDataException($"The header names the column '{name}' twice.");
            }
        }

        if (found >= 0 || !required)
        {
            return found;
        }

        string hint = string.Empty;
        if (Names.Length == 1 && Names[0].AsSpan().IndexOfAny(";\t,|") is int at and >= 0 && Names[0][at] != delimiter)
        {
            char guess = Names[0][at];
            hint = $" The header is one column '{RecordSink.Quote(Names[0])}': is the delimiter '{(guess == '\t' ? "\\t" : guess.ToString())}'? Pass it to CsvLogReader.Read.";
        }

        throw new InvalidDataException($"The header has no column '{name}'; map the columns with LogColumns.WithNames.{hint}");
    }
}
