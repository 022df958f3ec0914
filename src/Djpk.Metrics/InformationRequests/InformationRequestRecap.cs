using System.Collections.Immutable;
using Djpk.Metrics.Comparison;
using Djpk.Metrics.Periods;
using NodaTime;

namespace Djpk.Metrics.InformationRequests;

/// <summary>A period's recap of public-information requests: received, decided, on time, pending, by purpose and outcome.</summary>
/// <remarks>Immutable. A request counts as received in the period of its receipt and as decided in the period of its decision.</remarks>
public sealed class InformationRequestRecap
{
    private InformationRequestRecap(
        ReportingPeriod period, long received, long decided, long onTime, long undetermined, long pendingAtEnd,
        ImmutableArray<PurposeCount> byPurpose, ImmutableDictionary<RequestOutcome, long> byOutcome, WorkingDayCalendar? calendar)
    {
        Undetermined = undetermined;
        Calendar = calendar;
        Period = period;
        Received = received;
        Decided = decided;
        OnTime = onTime;
        PendingAtEnd = pendingAtEnd;
        ByPurpose = byPurpose;
        ByOutcome = byOutcome;
    }

    /// <summary>Gets the period.</summary>
    public ReportingPeriod Period { get; }

    /// <summary>Gets the requests received in the period.</summary>
    public long Received { get; }

    /// <summary>Gets the requests decided in the period.</summary>
    public long Decided { get; }

    /// <summary>Gets the requests decided in the period by their deadline.</summary>
    public long OnTime { get; }

    /// <summary>Gets the share of decided requests that were on time; undefined when none was decided, and <see langword="null"/> when the deadline of some decided request lies outside <see cref="Calendar"/>'s years (see <see cref="Undetermined"/>).</summary>
    public Share? OnTimeShare => Undetermined == 0 ? Share.Of(OnTime, Decided) : null;

    /// <summary>Gets the decided requests whose deadline cannot be computed because it falls outside the years <see cref="Calendar"/> covers; they are neither on time nor late.</summary>
    public long Undetermined { get; }

    /// <summary>Gets the working-day calendar the deadlines were computed with; <see langword="null"/> when none was given, and then every decided request is undetermined.</summary>
    public WorkingDayCalendar? Calendar { get; }

    /// <summary>Gets the requests received by the period's end and not decided by then.</summary>
    public long PendingAtEnd { get; }

    /// <summary>Gets the requests received in the period by purpose, most frequent first (ties by name).</summary>
    public ImmutableArray<PurposeCount> ByPurpose { get; }

    /// <summary>Gets the requests decided in the period by outcome.</summary>
    public ImmutableDictionary<RequestOutcome, long> ByOutcome { get; }

    /// <summary>Builds the recap of <paramref name="period"/>.</summary>
    /// <param name="requests">All requests known.</param>
    /// <param name="period">The period, such as a month or a year.</param>
    /// <param name="calendar">The working days for deadlines; <see langword="null"/> leaves every decided request undetermined.</param>
    /// <param name="asOf">The last day to take into account, such as the end of the report's month for a year-to-date recap; the period's end when <see langword="null"/>.</param>
    /// <returns>The recap.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="requests"/> is <see langword="null"/>.</exception>
    public static InformationRequestRecap For(IEnumerable<InformationRequest> requests, ReportingPeriod period, WorkingDayCalendar? calendar, LocalDate? asOf = null)
    {
        ArgumentNullException.ThrowIfNull(requests);
        LocalDate end = asOf is LocalDate day && day < period.End ? day : period.End;
        InformationRequest[] all = [.. requests];
        InformationRequest[] received = [.. all.Where(r => period.Contains(r.Received) && r.Received <= end)];
        InformationRequest[] decided = [.. all.Where(r => r.Decided is LocalDate d && period.Contains(d) && d <= end)];
        long onTime = 0, undetermined = 0;
        foreach (InformationRequest request in decided)
        {
            if (calendar is null || !request.TryGetDeadline(calendar, out LocalDate deadline))
            {
                undetermined++;
            }
            else if (request.Decided <= deadline)
            {
                onTime++;
            }
        }

        long pending = all.LongCount(r => r.Received <= end && (r.Decided is null || r.Decided > end));
        ImmutableArray<PurposeCount> byPurpose =
        [
            .. received.GroupBy(r => r.Purpose, StringComparer.Ordinal)
                .Select(g => new PurposeCount(g.Key, g.LongCount()))
                .OrderByDescending(p => p.Count).ThenBy(p => p.Purpose, StringComparer.Ordinal),
        ];
        ImmutableDictionary<RequestOutcome, long> byOutcome = decided.GroupBy(r => r.Outcome).ToImmutableDictionary(g => g.Key, g => g.LongCount());
        return new InformationRequestRecap(period, received.Length, decided.Length, onTime, undetermined, pending, byPurpose, byOutcome, calendar);
    }
}
