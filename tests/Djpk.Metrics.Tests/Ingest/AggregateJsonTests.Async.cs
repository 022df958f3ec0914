using Djpk.Metrics.Aggregation;
using Djpk.Metrics.Periods;

namespace Djpk.Metrics.Tests.Serialization;

public partial class AggregateJsonTests
{
    [Fact]
    public async Task WriteAsync_StreamWithoutSynchronousWrites_WritesTheBytesOfWrite()
    {
        CountCube cube = new Aggregator(ReportingCalendar.Jakarta).Count(Log, AggregationRequest.PerPeriod(PeriodGrain.Month).By(AggregationDimensions.Channel));
        var expected = new MemoryStream();
        AggregateJson.Write(cube, expected);
        var written = new MemoryStream();

        await AggregateJson.WriteAsync(cube, new AsyncOnlyStream(written), CancellationToken.None);

        Assert.Equal(expected.ToArray(), written.ToArray());
    }

    [Fact]
    public async Task WriteAsync_Null_ThrowsArgumentNull()
    {
        CountCube cube = new Aggregator(ReportingCalendar.Jakarta).Count(Log, AggregationRequest.PerPeriod(PeriodGrain.Month));

        await Assert.ThrowsAsync<ArgumentNullException>(() => AggregateJson.WriteAsync(cube, null!));
        await Assert.ThrowsAsync<ArgumentNullException>(() => AggregateJson.WriteAsync(null!, new MemoryStream()));
    }
}
