using System.Collections.Immutable;
using Djpk.Metrics.Comparison;
using Djpk.Metrics.Periods;

namespace Djpk.Metrics.Verification;

/// <summary>Checks the additive identities of a figure table and of a report's shares.</summary>
internal static class Reconciler
{
    public static ImmutableArray<ReconciliationCheck> Reconcile(FigureTable figures, IReadOnlyList<Claim> claims, IReadOnlyDictionary<ClaimGroup, RoundingConvention> conventions)
    {
        var checks = ImmutableArray.CreateBuilder<ReconciliationCheck>();
        foreach (FigureKey total in figures.Keys.Where(k => k.IsTotal))
        {
            MetricKind kind = total.Metric.Kind;
            if (kind == MetricKind.Flow)
            {
                PartsOf(figures, total, bySegment: false, ReconciliationKind.ChannelsSumToTotal, checks);
                if (total.Period.Grain == PeriodGrain.Year)
                {
                    MonthsOf(figures, total, checks);
                }
            }

            if (kind is MetricKind.Flow or MetricKind.Unique)
            {
                PartsOf(figures, total, bySegment: true, ReconciliationKind.SegmentsSumToAll, checks);
            }
        }

        foreach (IGrouping<(Metric Metric, ReportingPeriod Period, ClaimGroup Group), Claim> shares in claims
            .Where(c => c.Kind == ClaimKind.Share && c.Group is ClaimGroup.ChannelShares or ClaimGroup.SegmentShares && c.Of == c.Metric)
            .GroupBy(c => (c.Metric, c.Period, c.Group)))
        {
            if (!conventions.TryGetValue(shares.Key.Group, out RoundingConvention convention))
            {
                continue;
            }

            int decimals = shares.Max(c => c.Decimals);
            var whole = new FigureKey(shares.Key.Metric, shares.Key.Period);
            long[] parts = [.. figures.Parts(whole.Metric, whole.Period, shares.Key.Group == ClaimGroup.SegmentShares).Select(kv => kv.Value)];
            long? recorded = figures.Find(whole);
            ImmutableArray<string> missing = recorded is null ? [whole.ToString()]
                : parts.Length == 0 || parts.Sum() != recorded ? ["parts summing to " + recorded.Value.ToString(System.Globalization.CultureInfo.InvariantCulture)]
                : [];
            ImmutableArray<decimal> published = parts.Length == 0 || parts.Sum() == 0 ? []
                : [.. (Rounding.TryGetRule(convention, out RoundingRule rule)
                    ? ShareAllocation.RoundEach(parts, decimals, rule)
                    : ShareAllocation.LargestRemainder(parts, decimals)).Shares.Select(s => s.Allocated!.Value)];
            checks.Add(new ReconciliationCheck(ReconciliationKind.SharesSumToHundred, whole, published, 100m, missing, convention, decimals));
        }

        return checks.ToImmutable();
    }

    private static void PartsOf(FigureTable figures, FigureKey total, bool bySegment, ReconciliationKind kind, ImmutableArray<ReconciliationCheck>.Builder checks)
    {
        IReadOnlyList<KeyValuePair<FigureKey, long>> parts = figures.Parts(total.Metric, total.Period, bySegment);
        if (parts.Count == 0)
        {
            return;
        }

        // The members expected in this period: every member the metric has at this grain in any period.
        string[] expected = [.. figures.Keys
            .Where(k => k.Metric == total.Metric && k.Period.Grain == total.Period.Grain && (bySegment ? k.Segment is not null : k.Channel is not null))
            .Select(k => k.Channel?.Id ?? k.Segment!.Value.Id).Distinct().Order(StringComparer.Ordinal)];
        HashSet<string> present = [.. parts.Select(kv => kv.Key.Channel?.Id ?? kv.Key.Segment!.Value.Id)];
        checks.Add(new ReconciliationCheck(kind, total, [.. parts.Select(kv => (decimal)kv.Value)], figures.Find(total), [.. expected.Where(m => !present.Contains(m))]));
    }

    private static void MonthsOf(FigureTable figures, FigureKey year, ImmutableArray<ReconciliationCheck>.Builder checks)
    {
        var parts = ImmutableArray.CreateBuilder<decimal>();
        var missing = ImmutableArray.CreateBuilder<string>();
        foreach (ReportingPeriod month in PeriodRange.MonthsOf(year.Period.Year))
        {
            if (figures.Find(year.InPeriod(month)) is long value)
            {
                parts.Add(value);
            }
            else
            {
                missing.Add(month.ToString());
            }
        }

        if (parts.Count > 0)
        {
            checks.Add(new ReconciliationCheck(ReconciliationKind.MonthsSumToYear, year, parts.ToImmutable(), figures.Find(year), missing.ToImmutable()));
        }
    }
}
