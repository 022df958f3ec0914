using Djpk.Metrics.Comparison;
using Djpk.Metrics.Periods;
using Djpk.Metrics.Statistics;

namespace Djpk.Metrics.Tests.Statistics;

public class MonthlySeriesTests
{
    private static readonly ReportingPeriod January2023 = ReportingPeriod.Month(2023, 1);

    [Fact]
    public void FromCounts_KeepsMonthsAndMissingValues()
    {
        var series = MonthlySeries.FromCounts(January2023, [1, null, 3]);
        Assert.Equal(ReportingPeriod.Month(2023, 3), series.Last);
        Assert.Equal(3, series.Count);
        Assert.True(series.HasGaps);
        Assert.Null(series.ValueAt(ReportingPeriod.Month(2023, 2)));
        Assert.Equal("2023-01..2023-03 [1, -, 3]", series.ToString());
    }

    [Fact]
    public void FromCounts_CopiesTheInput()
    {
        long?[] values = [5, 6, 7];
        var series = MonthlySeries.FromCounts(January2023, values);
        values[0] = 99;
        Assert.Equal(5, series.Values[0]);
    }

    [Fact]
    public void FromCounts_RejectsNonMonthsEmptyAndNegative()
    {
        Assert.Throws<ArgumentException>(() => MonthlySeries.FromCounts(ReportingPeriod.OfYear(2023), [1]));
        Assert.Throws<ArgumentException>(() => MonthlySeries.FromCounts(January2023, []));
        Assert.Throws<ArgumentOutOfRangeException>(() => MonthlySeries.FromValues(January2023, [1, -1]));
        Assert.Throws<ArgumentNullException>(() => MonthlySeries.FromValues(January2023, null!));
    }

    [Fact]
    public void SliceAndTrim_NarrowTheSpan()
    {
        var series = MonthlySeries.FromCounts(January2023, [null, 4, null, 6, null]);
        MonthlySeries trimmed = series.Trim()!;
        Assert.Equal(ReportingPeriod.Month(2023, 2), trimmed.First);
        Assert.Equal(new long?[] { 4, null, 6 }, trimmed.Values);
        Assert.Null(MonthlySeries.FromCounts(January2023, [null, null]).Trim());
        Assert.Equal(new long?[] { 60, 77 }, PhoneSeries.Of2023.Slice(ReportingPeriod.Month(2023, 6), ReportingPeriod.Month(2023, 7)).Values);
        Assert.Throws<ArgumentOutOfRangeException>(() => series.Slice(ReportingPeriod.Month(2023, 4), ReportingPeriod.Month(2023, 2)));
        Assert.Throws<ArgumentOutOfRangeException>(() => series.ValueAt(ReportingPeriod.Month(2024, 1)));
    }

    [Fact]
    public void MovingAverage_PhoneSeries_MatchesHandComputation()
    {
        IReadOnlyList<decimal?> three = PhoneSeries.Of2023.MovingAverage(3);
        Assert.Null(three[1]);
        Assert.Equal((90m + 95m + 133m) / 3m, three[2]);
        Assert.Equal((106m + 103m + 149m) / 3m, three[11]); // December 2023: 119,33…
        IReadOnlyList<decimal?> twelve = PhoneSeries.Of2023.MovingAverage(12);
        Assert.Equal(1136m / 12m, twelve[11]);              // 94,67…
        Assert.All(twelve.Take(11), v => Assert.Null(v));
    }

    [Fact]
    public void MovingAverage_GapInWindow_IsNull()
    {
        IReadOnlyList<decimal?> averages = MonthlySeries.FromCounts(January2023, [1, 2, null, 4, 5, 6]).MovingAverage(3);
        Assert.Equal(new decimal?[] { null, null, null, null, null, 5m }, averages);
        Assert.Throws<ArgumentOutOfRangeException>(() => PhoneSeries.Of2023.MovingAverage(0));
    }

    [Fact]
    public void YearOnYear_December2023_Is102To149()
    {
        IReadOnlyList<PercentChange?> changes = PhoneSeries.WithDecember2022.YearOnYear();
        Assert.Equal(13, changes.Count);
        Assert.All(changes.Take(12), c => Assert.Null(c));
        Assert.Equal(PercentChange.Between(102, 149), changes[12]);
        Assert.Equal(46.08m, changes[12]!.Value.ToPercent(2, RoundingRule.HalfAwayFromZero));
    }

    [Fact]
    public void YearOnYear_MissingBase_IsNull()
    {
        long?[] values = [null, .. Enumerable.Range(1, 12).Select(i => (long?)i)];
        Assert.Null(MonthlySeries.FromCounts(January2023, values).YearOnYear()[12]);
    }

    [Fact]
    public void CompoundGrowth_JanuaryToDecember_MatchesPower()
    {
        GrowthRate rate = PhoneSeries.Of2023.CompoundGrowth(January2023, ReportingPeriod.Month(2023, 12));
        Assert.True(rate.IsDefined);
        Assert.Equal(11, rate.Months);
        double expected = Math.Pow(149.0 / 90.0, 1.0 / 11.0) - 1.0;     // 4,69% a month
        Assert.Equal(expected, (double)rate.MonthlyRate!.Value, 12);
        Assert.Equal(Math.Pow(149.0 / 90.0, 12.0 / 11.0) - 1.0, (double)rate.AnnualRate!.Value, 12);
    }

    [Fact]
    public void CompoundGrowth_UndefinedAndExactCases()
    {
        var series = MonthlySeries.FromCounts(January2023, [0, 5, 5, null, 0]);
        Assert.Equal(InsufficientDataReason.ZeroBase, series.CompoundGrowth(January2023, ReportingPeriod.Month(2023, 2)).Reason);
        Assert.Equal(InsufficientDataReason.Gaps, series.CompoundGrowth(January2023, ReportingPeriod.Month(2023, 4)).Reason);
        Assert.Equal(0m, series.CompoundGrowth(ReportingPeriod.Month(2023, 2), ReportingPeriod.Month(2023, 3)).MonthlyRate);
        Assert.Equal(-1m, series.CompoundGrowth(ReportingPeriod.Month(2023, 2), ReportingPeriod.Month(2023, 5)).MonthlyRate);
        Assert.Null(series.CompoundGrowth(January2023, ReportingPeriod.Month(2023, 2)).MonthlyRate);
        Assert.Throws<ArgumentOutOfRangeException>(() => series.CompoundGrowth(January2023, January2023));
    }
}
