using System.Globalization;
using System.Text;
using Djpk.Metrics.Ingest;
using Djpk.Metrics.Logs;
using NodaTime;

namespace Djpk.Metrics.Tests.Serialization;

public class AsyncReadTests
{
    private static string JsonLines(int rows)
    {
        var text = new StringBuilder();
        for (int i = 0; i < rows; i++)
        {
            text.Append(i % 97 == 5 ? "{\"timestamp\":\"bad\",\"channel\":\"Telepon\",\"segment\":\"pemda\",\"user\":1}" : string.Create(CultureInfo.InvariantCulture, $"{{\"timestamp\":\"2023-12-04T09:{i % 60:D2}:00Z\",\"channel\":\"WhatsApp\",\"segment\":\"K/L\",\"topic\":\"T{i % 13}\",\"user\":{i}}}"));
            text.Append(i % 3 == 0 ? "\r\n" : "\n");
        }

        return text.ToString();
    }

    [Theory]
    [InlineData(1)]
    [InlineData(4)]
    public async Task ReadAsync_JsonLinesFromAsyncOnlyStream_GivesTheSameResultAsRead(int threads)
    {
        byte[] bytes = Encoding.UTF8.GetBytes(JsonLines(3000));
        IngestOptions options = LogText.Collect.WithMaxDegreeOfParallelism(threads);
        var stream = new AsyncOnlyStream(new MemoryStream(bytes));

        IngestResult expected = JsonLinesLogReader.Read(new MemoryStream(bytes), options, null, null, 4096, default);
        IngestResult actual = await JsonLinesLogReader.ReadAsync(stream, options, null, null, 4096, CancellationToken.None);

        Assert.True(stream.AsyncReads > 1);
        Assert.Equal(expected.Report.ToString(), actual.Report.ToString());
        Assert.True(expected.Report.Rejections.SequenceEqual(actual.Report.Rejections));
        Assert.Equal(expected.Report.BytesRead, actual.Report.BytesRead);
        Assert.Equal(expected.Log, actual.Log);
    }

    [Fact]
    public async Task ReadAsync_CsvFromAsyncOnlyStream_GivesTheSameResultAsRead()
    {
        var text = new StringBuilder("\uFEFFtimestamp;channel;segment;topic;user\r\n");
        for (int i = 0; i < 5000; i++)
        {
            text.Append(CultureInfo.InvariantCulture, $"2023-12-04T09:{i % 60:D2}:00Z;{(i % 101 == 7 ? "Faks" : "Telepon")};Pemda;\"T;{i % 13}\";{i}\r\n");
        }

        byte[] bytes = Encoding.UTF8.GetBytes(text.ToString());
        var stream = new AsyncOnlyStream(new MemoryStream(bytes));
        var progress = new List<IngestProgress>();

        IngestResult expected = CsvLogReader.Read(new MemoryStream(bytes), LogText.Collect, ';');
        IngestResult actual = await CsvLogReader.ReadAsync(stream, LogText.Collect, ';', progress: new Progress(progress), cancellationToken: CancellationToken.None);

        Assert.True(stream.AsyncReads > 1);
        Assert.Equal(expected.Report.ToString(), actual.Report.ToString());
        Assert.True(expected.Report.Rejections.SequenceEqual(actual.Report.Rejections));
        Assert.Equal(bytes.Length, actual.Report.BytesRead);
        Assert.Equal(expected.Log, actual.Log);
        Assert.Equal(5000, progress[^1].Rows);
    }

    [Fact]
    public async Task ReadAsync_Canceled_Throws()
    {
        byte[] bytes = Encoding.UTF8.GetBytes(JsonLines(3000));
        using var canceled = new CancellationTokenSource();
        await canceled.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => JsonLinesLogReader.ReadAsync(new AsyncOnlyStream(new MemoryStream(bytes)), LogText.Collect, cancellationToken: canceled.Token));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => CsvLogReader.ReadAsync(new AsyncOnlyStream(new MemoryStream(bytes)), LogText.Collect, cancellationToken: canceled.Token));
    }

    [Fact]
    public async Task ReadAsync_StrictBadLine_ThrowsInvalidData()
    {
        byte[] bytes = Encoding.UTF8.GetBytes(JsonLines(3000));
        InvalidDataException e = await Assert.ThrowsAsync<InvalidDataException>(() => JsonLinesLogReader.ReadAsync(new AsyncOnlyStream(new MemoryStream(bytes)), DjpkProfile.IngestOptions));
        Assert.StartsWith("Line 6, column 'timestamp'", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WriteAsync_ToAsyncOnlyStream_WritesWhatWriteWrites()
    {
        byte[] bytes = Encoding.UTF8.GetBytes(JsonLines(20_000));
        InteractionLog log = JsonLinesLogReader.Read(new MemoryStream(bytes), LogText.Collect).Log;
        DateTimeZone jakarta = DateTimeZoneProviders.Tzdb["Asia/Jakarta"];
        var json = new MemoryStream();
        var csv = new MemoryStream();

        await JsonLinesLogWriter.WriteAsync(log, new AsyncOnlyStream(json), jakarta, CancellationToken.None);
        await using (var writer = new StreamWriter(new AsyncOnlyStream(csv), leaveOpen: true))
        {
            await CsvLogWriter.WriteAsync(log, writer, ';', jakarta, CancellationToken.None);
        }

        Assert.Equal(LogText.WriteJson(log, jakarta), json.ToArray());
        Assert.Equal(LogText.WriteCsv(log, ';', jakarta), Encoding.UTF8.GetString(csv.ToArray()));
    }

    [Fact]
    public async Task WriteAsync_EmptyLog_WritesNothingOrTheHeader()
    {
        InteractionLog log = new InteractionLogBuilder(DjpkProfile.Catalog).Build();
        var json = new MemoryStream();
        var csv = new StringWriter();

        await JsonLinesLogWriter.WriteAsync(log, new AsyncOnlyStream(json));
        await CsvLogWriter.WriteAsync(log, csv);

        Assert.Empty(json.ToArray());
        Assert.Equal("timestamp,channel,segment,topic,user\r\n", csv.ToString());
    }

    /// <summary>Records progress synchronously (<see cref="Progress{T}"/> would post to the thread pool).</summary>
    private sealed class Progress(List<IngestProgress> reports) : IProgress<IngestProgress>
    {
        public void Report(IngestProgress value) => reports.Add(value);
    }
}
