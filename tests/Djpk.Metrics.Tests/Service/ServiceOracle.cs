using Djpk.Metrics.Logs;
using Djpk.Metrics.Periods;
using Djpk.Metrics.Service;
using NodaTime;

namespace Djpk.Metrics.Tests.Service;

/// <summary>The service metrics computed record by record from the consultations with NodaTime and LINQ, straight from the rules of docs/service-metrics.md; shares no code with ServiceMetrics.</summary>
public static class ServiceOracle
{
    public sealed record Cell(
        long Contacts, long WithOutcome, long Answered, long AnsweredWithOutcome, long Abandoned, long ShortAbandoned,
        long TargetedAnswered, long TargetedAbandoned, long TargetedShortAbandoned, long WithinTarget, long WorkingTimeUnknown,
        Duration[] Responses, Duration[] WorkingResponses, Duration[] Handles, long ResolvableCases, long ResolvedAtFirstContact,
        long? Open, long SatisfactionResponses, long SatisfactionTotal, long Satisfied);

    public static Dictionary<(ReportingPeriod Period, string Key), Cell> Measure(
        IReadOnlyList<Consultation> records, ReportingCalendar calendar, PeriodRange range, ServiceBreakdown breakdown, ServiceSettings settings)
    {
        string KeyOf(Consultation r) => breakdown switch
        {
            ServiceBreakdown.Channel => r.Channel.Id,
            ServiceBreakdown.Segment => r.Segment.Id,
            ServiceBreakdown.Topic => r.Topic.Name,
            ServiceBreakdown.Agent => r.Agent?.ToString() ?? "-",
            _ => "",
        };

        bool IsAbandoned(Consultation r) => r.Outcome == Outcome.Abandoned;
        bool IsAnswered(Consultation r) => !IsAbandoned(r) && r.FirstResponse is not null;
        bool IsShort(Consultation r) => IsAbandoned(r) && r.End is { } end && end - r.Timestamp < settings.ShortAbandonThreshold;
        Duration? Working(Consultation r) => settings.WorkingTime is { } w && w.TryBetween(r.Timestamp, r.FirstResponse!.Value, out Duration d) ? d : null;

        var indexed = records.Select((r, i) => (Record: r, Index: i, Period: calendar.PeriodOf(r.Timestamp, range.Grain))).ToArray();
        var cases = indexed.GroupBy(x => x.Record.Case is { } c ? "case" + c : "record" + x.Index)
            .Select(g => (First: g.OrderBy(x => x.Record.Timestamp).ThenBy(x => x.Index).First(), Count: g.Count(), Resolvable: g.Any(x => IsAnswered(x.Record) && x.Record.Outcome is not null)))
            .Where(c => c.Resolvable && records.Any(r => r.Outcome is not null))
            .ToArray();
        bool hasEnd = records.Any(r => r.End is not null);

        var result = new Dictionary<(ReportingPeriod, string), Cell>();
        foreach (ReportingPeriod period in range)
        {
            Instant periodEnd = calendar.StartOf(period.Next());
            foreach (string key in indexed.Select(x => KeyOf(x.Record)).Distinct())
            {
                Consultation[] cell = [.. indexed.Where(x => x.Period == period && KeyOf(x.Record) == key).Select(x => x.Record)];
                long? open = hasEnd ? indexed.Count(x => KeyOf(x.Record) == key && x.Record.Timestamp < periodEnd && (x.Record.End is null || x.Record.End >= periodEnd)) : null;
                if (cell.Length == 0 && open is null or 0)
                {
                    continue;
                }

                Consultation[] answered = [.. cell.Where(IsAnswered)];
                Consultation[] abandoned = [.. cell.Where(IsAbandoned)];
                bool Targeted(Consultation r) => settings.Targets.ContainsKey(r.Channel);
                bool Measurable(Consultation r) => Targeted(r) && (!settings.Targets[r.Channel].InWorkingTime || Working(r) is not null);
                bool Within(Consultation r)
                {
                    ServiceTarget t = settings.Targets[r.Channel];
                    Duration measured = t.InWorkingTime ? Working(r)!.Value : r.FirstResponse!.Value - r.Timestamp;
                    return measured <= t.Limit;
                }

                var firsts = cases.Where(c => c.First.Period == period && KeyOf(c.First.Record) == key).ToArray();
                result[(period, key)] = new Cell(
                    cell.Length,
                    cell.Count(r => r.Outcome is not null),
                    answered.Length,
                    answered.Count(r => r.Outcome is not null),
                    abandoned.Length,
                    abandoned.Count(IsShort),
                    answered.Count(Measurable),
                    abandoned.Count(Targeted),
                    abandoned.Count(r => Targeted(r) && IsShort(r)),
                    answered.Count(r => Measurable(r) && Within(r)),
                    settings.WorkingTime is null ? 0 : answered.Count(r => Working(r) is null),
                    [.. answered.Select(r => r.FirstResponse!.Value - r.Timestamp)],
                    [.. answered.Select(Working).OfType<Duration>()],
                    [.. answered.Where(r => r.End is not null).Select(r => r.End!.Value - r.FirstResponse!.Value)],
                    firsts.Length,
                    firsts.Count(c => c.Count == 1 && c.First.Record.Outcome == Outcome.Resolved),
                    open,
                    cell.Count(r => r.Satisfaction is not null),
                    cell.Sum(r => (long)(r.Satisfaction ?? 0)),
                    cell.Count(r => r.Satisfaction >= 4));
            }
        }

        return result;
    }

    /// <summary>The floor of the bucket of <paramref name="units"/>: itself below 2^bits, else its leading <paramref name="bits"/> binary digits.</summary>
    public static long BucketFloor(long units, int bits)
    {
        int digits = 0;
        while (digits < 63 && (units >> digits) > 0)
        {
            digits++;
        }

        int drop = Math.Max(0, digits - bits);
        return (units >> drop) << drop;
    }

    /// <summary>The percentile by quantile_cont over the durations' bucket floors, from a sorted copy.</summary>
    public static Duration? Percentile(IEnumerable<Duration> durations, Duration resolution, decimal fraction, int bits = DurationDistribution.DefaultSignificantBits)
    {
        long step = resolution.BclCompatibleTicks;
        long[] sorted = [.. durations.Select(d => BucketFloor(d.BclCompatibleTicks / step, bits) * step).Order()];
        if (sorted.Length == 0)
        {
            return null;
        }

        decimal h = (sorted.Length - 1) * fraction;
        int below = (int)Math.Floor(h);
        int above = (int)Math.Ceiling(h);
        decimal ticks = sorted[below] + ((sorted[above] - sorted[below]) * (h - below));
        return Duration.FromNanoseconds((long)Math.Round(ticks * 100m, MidpointRounding.ToEven));
    }
}
