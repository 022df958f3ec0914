using System.Text;
using Djpk.Metrics.Ingest;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace Djpk.Metrics.Tests.Serialization;

/// <summary>The JSON Lines reader's blocks and threads do not show in its result.</summary>
[Properties(Arbitrary = [typeof(MixedFiles)])]
public class ParallelReadProperties
{
    private static readonly IngestOptions Limited = DjpkProfile.IngestOptions.WithMaxLineLength(256);

    /// <summary>
    /// Small blocks (lines across block boundaries, long lines spanning several blocks) read on 1 to 3 threads give the
    /// same log and report as one sequential read, in collect mode and (the same exception) in strict mode.
    /// </summary>
    [Property(MaxTest = 300)]
    public Property JsonLines_BlocksAndThreads_GiveTheSequentialResult(MixedFile file, PositiveInt detailsSeed, bool crlf)
    {
        byte[] bytes = WithIds(MixedFiles.JsonLines(file), crlf);
        int details = detailsSeed.Get % 4;
        IngestOptions collect = Limited.Collecting(details);
        string expected = Describe(bytes, collect.WithMaxDegreeOfParallelism(1), blockSize: 1 << 20);
        string expectedStrict = Describe(bytes, Limited.WithMaxDegreeOfParallelism(1), blockSize: 1 << 20);
        Property result = true.Label("start");
        foreach (int threads in new[] { 1, 2, 3 })
        {
            foreach (int blockSize in new[] { 0, 700, 1 << 20 })
            {
                string got = Describe(bytes, collect.WithMaxDegreeOfParallelism(threads), blockSize);
                result = result
                    .And((got == expected).Label($"collect, {threads} threads, block {blockSize}"))
                    .And((Describe(bytes, Limited.WithMaxDegreeOfParallelism(threads), blockSize) == expectedStrict).Label($"strict, {threads} threads, block {blockSize}"));
            }
        }

        return result;
    }

    [Fact]
    public void JsonLines_ManyBlocks_ParallelEqualsSequential()
    {
        byte[] data = LogText.WriteJson(Support.SyntheticLogCase.Small.Log);
        string sequential = Describe(data, DjpkProfile.IngestOptions.WithMaxDegreeOfParallelism(1), 1 << 20);
        Assert.Equal(sequential, Describe(data, DjpkProfile.IngestOptions.WithMaxDegreeOfParallelism(4), 0));
        Assert.Equal(Environment.ProcessorCount, DjpkProfile.IngestOptions.MaxDegreeOfParallelism);
        Assert.Throws<ArgumentOutOfRangeException>(() => DjpkProfile.IngestOptions.WithMaxDegreeOfParallelism(0));
    }

    /// <summary>Gives every third line an id from a small set, so that some ids repeat, and optionally ends lines with CRLF.</summary>
    private static byte[] WithIds(byte[] bytes, bool crlf)
    {
        string[] lines = Encoding.UTF8.GetString(bytes).Split('\n');
        for (int i = 0; i < lines.Length; i++)
        {
            if (i % 3 == 0 && lines[i].EndsWith('}'))
            {
                lines[i] = lines[i][..^1] + ",\"id\":" + (i % 7) + "}";
            }
        }

        return Encoding.UTF8.GetBytes(string.Join(crlf ? "\r\n" : "\n", lines));
    }

    /// <summary>Everything observable of a read: the log, its topic table, the report, or the exception's message.</summary>
    private static string Describe(byte[] bytes, IngestOptions options, int blockSize) =>
        ReadDescription.Of(() => JsonLinesLogReader.Read(new MemoryStream(bytes), options, progress: null, blockSize, CancellationToken.None));
}
