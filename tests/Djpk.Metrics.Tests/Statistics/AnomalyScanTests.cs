using Djpk.Metrics.Periods;
using Djpk.Metrics.Statistics;
using FsCheck.Xunit;

namespace Djpk.Metrics.Tests.Statistics;

public class AnomalyScanTests
{
    private static readonly ReportingPeriod January2023 = ReportingPeriod.Month(2023, 1);

    [Fact]
    public void Anomalies_PhoneSeries_MatchesHandComputation()
    {
        // Sorted: 56 60 70 77 90 93 | 95 103 104 106 133 149 → median (93 + 95) / 2 = 94.
        // |y − 94| sorted: 1 1 4 9 10 12 | 17 24 34 38 39 55 → MAD (12 + 17) / 2 = 14,5.
        AnomalyScan scan = PhoneSeries.Of2023.Anomalies();
        Assert.True(scan.IsDefined);
        Assert.Equal(94m, scan.Median);
        Assert.Equal(14.5m, scan.Mad);
        AnomalyPoint december = scan.Points[11];
        Assert.Equal(0.6745m * 55m / 14.5m, december.Score);   // 2,558…: below 3,5, so not flagged
        Assert.False(december.IsFlagged);
        Assert.True(december.IsHighestOfYear);
        Assert.True(scan.Points[8].IsLowestOfYear);             // September: 56
        Assert.Empty(scan.Flagged);
        Assert.Equal(december, scan.MostExtreme);
    }

    [Fact]
    public void Anomalies_LowerThreshold_FlagsDecember()
    {
        AnomalyScan scan = PhoneSeries.Of2023.Anomalies(2.5m);
        AnomalyPoint flagged = Assert.Single(scan.Flagged);
        Assert.Equal(ReportingPeriod.Month(2023, 12), flagged.Month);
        Assert.Equal(149, flagged.Value);
    }

    [Fact]
    public void Anomalies_Spike_IsFlaggedWithItsSign()
    {
        AnomalyScan scan = MonthlySeries.FromValues(January2023, [100, 102, 98, 101, 99, 400, 100, 3]).Anomalies();
        Assert.Equal([ReportingPeriod.Month(2023, 6), ReportingPeriod.Month(2023, 8)], scan.Flagged.Select(p => p.Month));
        Assert.True(scan.Flagged[0].Score > 0m);
        Assert.True(scan.Flagged[1].Score < 0m);
    }

    [Theory]
    [InlineData(new long[] { 1, 2, 3, 4 }, InsufficientDataReason.TooFewPoints)]
    [InlineData(new long[] { 7, 7, 7, 7, 7, 7 }, InsufficientDataReason.NoSpread)]
    [InlineData(new long[] { 7, 7, 7, 1, 900, 7 }, InsufficientDataReason.NoSpread)]
    public void Anomalies_NoScale_IsUndefined(long[] values, InsufficientDataReason expected)
    {
        AnomalyScan scan = MonthlySeries.FromValues(January2023, values).Anomalies();
        Assert.Equal(expected, scan.Reason);
        Assert.Empty(scan.Points);
        Assert.Null(scan.Median);
        Assert.Null(scan.MostExtreme);
    }

    [Fact]
    public void Anomalies_GapOrBadThreshold_IsRejected()
    {
        Assert.Equal(InsufficientDataReason.Gaps, MonthlySeries.FromCounts(January2023, [1, 2, null, 4, 5, 6]).Anomalies().Reason);
        Assert.Throws<ArgumentOutOfRangeException>(() => PhoneSeries.Of2023.Anomalies(0m));
    }

    [Fact]
    public void Anomalies_HugeValues_AreScoredExactly()
    {
        AnomalyScan scan = MonthlySeries.FromValues(January2023, [long.MaxValue, 1, 2, 3, 4]).Anomalies();
        Assert.Equal(3m, scan.Median);
        Assert.True(scan.Points[0].IsFlagged);
    }

    [Property(Arbitrary = [typeof(SeriesCases)], MaxTest = 300)]
    public void Anomalies_ScaledByPositiveConstant_KeepFlags(ScaledCase c)
    {
        AnomalyScan original = MonthlySeries.FromValues(January2023, c.Values).Anomalies();
        AnomalyScan scaled = MonthlySeries.FromValues(January2023, c.Values.Select(v => v * c.Factor)).Anomalies();
        Assert.Equal(original.Reason, scaled.Reason);
        Assert.Equal(original.Points.Select(p => p.IsFlagged), scaled.Points.Select(p => p.IsFlagged));
        Assert.Equal(original.Points.Select(p => Math.Round(p.Score, 20)), scaled.Points.Select(p => Math.Round(p.Score, 20)));
    }
}
