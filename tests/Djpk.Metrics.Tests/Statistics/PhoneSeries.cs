using Djpk.Metrics.Periods;
using Djpk.Metrics.Statistics;

namespace Djpk.Metrics.Tests.Statistics;

/// <summary>The seed report's phone consultations: December 2022, then January to December 2023.</summary>
internal static class PhoneSeries
{
    public static readonly long[] Year2023 = [90, 95, 133, 93, 104, 60, 77, 70, 56, 106, 103, 149];

    public static MonthlySeries Of2023 => MonthlySeries.FromValues(ReportingPeriod.Month(2023, 1), Year2023);

    public static MonthlySeries WithDecember2022 => MonthlySeries.FromValues(ReportingPeriod.Month(2022, 12), [102, .. Year2023]);
}
