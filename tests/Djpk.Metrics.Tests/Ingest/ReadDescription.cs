using System.Text;
using Djpk.Metrics.Ingest;

namespace Djpk.Metrics.Tests.Serialization;

/// <summary>Everything observable of a read as one text, so that two ways of reading the same input can be compared whole.</summary>
internal static class ReadDescription
{
    /// <summary>Describes the log, its topic table, the report's counts and every rejection kept with all its problems; or the exception's message.</summary>
    public static string Of(Func<IngestResult> read)
    {
        IngestResult result;
        try
        {
            result = read();
        }
        catch (InvalidDataException e)
        {
            return "throws: " + e.Message;
        }

        IngestReport report = result.Report;
        var text = new StringBuilder();
        text.AppendJoin('\n', result.Log.Select(c => c.ToString())).Append('\n');
        text.AppendJoin('|', result.Log.Topics.Select(t => t.Name)).Append('\n');
        text.Append(report).Append(' ').Append(report.BlankLines).Append(' ').Append(report.BytesRead).Append(' ')
            .Append(report.MappedChannels).Append(' ').Append(report.MappedSegments).Append(' ').Append(report.ResolvedLocalTimes).Append(' ')
            .Append(report.IsComplete).Append('\n');
        text.AppendJoin('\n', report.Rejections.Select(r => $"{r.Line} {r.Column} {r.Reason} {r.Message} [{string.Join("; ", r.Problems)}]"));
        return text.ToString();
    }
}
