using System.Collections.Immutable;
using Djpk.Metrics.Logs;
using Djpk.Metrics.Periods;
using NodaTime;

namespace Djpk.Metrics.Service;

/// <summary>Computes service metrics (response and handle times, service level, answer and abandonment rates, first-contact resolution, backlog, satisfaction) of a log per period and breakdown.</summary>
/// <remarks>
/// <para>A contact belongs to the period of its arrival (<see cref="Consultation.Timestamp"/>) in the calendar's zone.
/// Its fields come from the log's service columns; a figure whose column the log lacks is undefined or empty, never
/// zero by default: with no outcome column there are no answer or abandonment rates, with no end column no backlog.
/// The rules of each figure and the conventions they follow are in <c>docs/service-metrics.md</c>.</para>
/// <para>Exact: counts are checked 64-bit integers, sums of durations 128-bit, means and percentiles rounded once.</para>
/// </remarks>
public static class ServiceMetrics
{
    /// <summary>Measures <paramref name="log"/> per period of <paramref name="grain"/> and <paramref name="breakdown"/>.</summary>
    /// <param name="log">The log.</param>
    /// <param name="calendar">The calendar whose zone defines the periods.</param>
    /// <param name="grain">The length of the periods.</param>
    /// <param name="breakdown">The breakdown besides the period.</param>
    /// <param name="settings">The targets, thresholds and working-time calendar; <see langword="null"/> for <see cref="ServiceSettings.Default"/>.</param>
    /// <param name="range">The periods to measure; <see langword="null"/> for those from the log's earliest to its latest contact.</param>
    /// <returns>The cube of figures.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="log"/> or <paramref name="calendar"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The log is empty and no range is given, or the range's grain is not <paramref name="grain"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="breakdown"/> is not defined.</exception>
    /// <exception cref="InvalidOperationException">A channel of the log has a working-time target and the settings have no working-time calendar.</exception>
    /// <exception cref="ObjectDisposedException">The log was opened from a file and disposed.</exception>
    public static ServiceCube Measure(InteractionLog log, ReportingCalendar calendar, PeriodGrain grain, ServiceBreakdown breakdown = ServiceBreakdown.None, ServiceSettings? settings = null, PeriodRange? range = null)
    {
        ArgumentNullException.ThrowIfNull(log);
        ArgumentNullException.ThrowIfNull(calendar);
        if (!Enum.IsDefined(breakdown))
        {
            throw new ArgumentOutOfRangeException(nameof(breakdown), breakdown, "The breakdown must be None, Channel, Segment, Topic or Agent.");
        }

        settings ??= ServiceSettings.Default;
        PeriodRange periods = range ?? (log.Count > 0
            ? calendar.RangeOf(log.Earliest!.Value, log.Latest!.Value, grain)
            : throw new ArgumentException("The log is empty; give the range of periods to measure.", nameof(log)));
        if (periods.Grain != grain)
        {
            throw new ArgumentException($"The range {periods} is of {periods.Grain} periods, not {grain}.", nameof(range));
        }

        using LogMapping.Lease lease = log.Lease();
        var map = new PeriodMap(calendar, periods);
        var kernel = new Kernel(log, map, breakdown, settings);
        kernel.Run();
        return kernel.ToCube();
    }

    // Below this many records a log is measured on one thread.
    private const int MinRecordsPerPart = 1 << 18;

    private sealed class Kernel
    {
        private readonly InteractionLog _log;
        private readonly PeriodMap _map;
        private readonly ServiceBreakdown _breakdown;
        private readonly ServiceSettings _settings;
        private readonly int _keys;
        private readonly ServiceAccumulator?[] _cells;
        private readonly ServiceTarget?[] _targets; // by channel code
        private readonly int _abandoned; // the outcome code of "abandoned", or -1
        private readonly int _resolved; // the outcome code of "resolved", or -1
        private readonly long[] _periodEnds; // the first tick after each period: the start of the next

        public Kernel(InteractionLog log, PeriodMap map, ServiceBreakdown breakdown, ServiceSettings settings)
        {
            _log = log;
            _map = map;
            _breakdown = breakdown;
            _settings = settings;
            _keys = breakdown switch
            {
                ServiceBreakdown.Channel => log.Catalog.Channels.Length,
                ServiceBreakdown.Segment => log.Catalog.Segments.Length,
                ServiceBreakdown.Topic => log.Topics.Length,
                ServiceBreakdown.Agent => log.DistinctAgents + 1,
                _ => 1,
            };
            _cells = new ServiceAccumulator?[checked(map.Range.Count * _keys)];
            _targets = [.. log.Catalog.Channels.Select(c => settings.Targets.TryGetValue(c.Channel, out ServiceTarget t) ? t : (ServiceTarget?)null)];
            if (settings.WorkingTime is null && _targets.Any(t => t is { InWorkingTime: true }))
            {
                throw new InvalidOperationException("A channel has a target in working time but the settings have no working-time calendar; give one with ServiceSettings.WithWorkingTime.");
            }

            _periodEnds = new long[map.Range.Count];
            for (int p = 0; p < _periodEnds.Length; p++)
            {
                _periodEnds[p] = map.StartOf(p + 1);
            }

            _abandoned = log.Outcomes.IndexOf(Outcome.Abandoned) + 1 is int a and > 0 ? a : -1;
            _resolved = log.Outcomes.IndexOf(Outcome.Resolved) + 1 is int r and > 0 ? r : -1;
        }

        public void Run()
        {
            int n = _log.Count;
            int parts = n >= MinRecordsPerPart ? Math.Min(Environment.ProcessorCount, (n / MinRecordsPerPart) + 1) : 1;
            bool backlog = !_log.EndTicks.IsEmpty;
            long[] delta = backlog ? new long[checked((_map.Range.Count + 1) * _keys)] : [];
            if (parts == 1)
            {
                CountRecords(0, n, _cells, delta);
            }
            else
            {
                var partial = new ServiceAccumulator?[parts][];
                var deltas = new long[parts][];
                Parallel.For(0, parts, p =>
                {
                    partial[p] = new ServiceAccumulator?[_cells.Length];
                    deltas[p] = new long[delta.Length];
                    CountRecords((int)((long)n * p / parts), (int)((long)n * (p + 1) / parts), partial[p], deltas[p]);
                });
                foreach (long[] part in deltas)
                {
                    for (int i = 0; i < delta.Length; i++)
                    {
                        delta[i] += part[i];
                    }
                }

                for (int i = 0; i < _cells.Length; i++)
                {
                    foreach (ServiceAccumulator?[] part in partial)
                    {
                        if (part[i] is { } cell)
                        {
                            if (_cells[i] is { } sum)
                            {
                                sum.Add(cell);
                            }
                            else
                            {
                                _cells[i] = cell;
                            }
                        }
                    }
                }
            }

            if (!_log.OutcomeCodes.IsEmpty && !_log.CaseCodes.IsEmpty)
            {
                CountCases(_log.Ticks, _log.ResponseTicks, _log.OutcomeCodes); // without a case column each record is its own case, counted above
            }

            if (backlog)
            {
                ApplyBacklog(delta);
            }
        }

        // Counts the records [from, to) into cells (one array per thread).
        private void CountRecords(int from, int to, ServiceAccumulator?[] cells, long[] delta)
        {
            ReadOnlySpan<long> ticks = _log.Ticks, responses = _log.ResponseTicks, ends = _log.EndTicks;
            ReadOnlySpan<byte> channels = _log.ChannelCodes, segments = _log.SegmentCodes, outcomes = _log.OutcomeCodes, scores = _log.SatisfactionScores;
            ReadOnlySpan<ushort> topics = _log.TopicCodes;
            ReadOnlySpan<int> agents = _log.AgentCodes;
            long shortAbandon = _settings.ShortAbandonThreshold.BclCompatibleTicks;
            WorkingTimeCalendar? working = _settings.WorkingTime;
            bool ownCases = _log.CaseCodes.IsEmpty && !outcomes.IsEmpty; // each record is its own case
            long[] periodEnds = _periodEnds;
            for (int i = from; i < to; i++)
            {
                int key = _breakdown switch
                {
                    ServiceBreakdown.Channel => channels[i],
                    ServiceBreakdown.Segment => segments[i],
                    ServiceBreakdown.Topic => topics[i],
                    ServiceBreakdown.Agent => agents.IsEmpty ? 0 : agents[i] + 1,
                    _ => 0,
                };
                int period = _map.IndexOf(ticks[i]);
                if (!ends.IsEmpty)
                {
                    // Open at the end of the periods from the first ending after the arrival to the last ending at or before the end.
                    int opened = PeriodsEndedBy(periodEnds, ticks[i], period);
                    int closed = ends[i] == ServiceData.NoTime ? periodEnds.Length : PeriodsEndedBy(periodEnds, ends[i], _map.IndexOf(ends[i]));
                    if (opened < closed)
                    {
                        delta[(opened * _keys) + key]++;
                        delta[(closed * _keys) + key]--;
                    }
                }

                if (period < 0)
                {
                    continue;
                }

                ServiceAccumulator cell = cells[(period * _keys) + key] ??= New();
                cell.Counts.Contacts++;
                int outcome = outcomes.IsEmpty ? 0 : outcomes[i];
                bool abandoned = outcome != 0 && outcome == _abandoned;
                long response = responses.IsEmpty ? ServiceData.NoTime : responses[i];
                long end = ends.IsEmpty ? ServiceData.NoTime : ends[i];
                ServiceTarget? target = _targets[channels[i]];
                cell.Counts.WithOutcome += outcome != 0 ? 1 : 0;
                if (abandoned)
                {
                    bool isShort = end != ServiceData.NoTime && end - ticks[i] < shortAbandon;
                    cell.Counts.Abandoned++;
                    cell.Counts.ShortAbandoned += isShort ? 1 : 0;
                    if (target is not null)
                    {
                        cell.Counts.TargetedAbandoned++;
                        cell.Counts.TargetedShortAbandoned += isShort ? 1 : 0;
                    }
                }
                else if (response != ServiceData.NoTime)
                {
                    cell.Counts.Answered++;
                    cell.Counts.AnsweredWithOutcome += outcome != 0 ? 1 : 0;
                    long wait = response - ticks[i];
                    cell.Response.Add(wait);
                    long workingWait = -1;
                    if (working is not null)
                    {
                        if (working.TryBetween(Instant.FromUnixTimeTicks(ticks[i]), Instant.FromUnixTimeTicks(response), out Duration w))
                        {
                            workingWait = w.BclCompatibleTicks;
                            cell.WorkingResponse.Add(workingWait);
                        }
                        else
                        {
                            cell.Counts.WorkingTimeUnknown++;
                        }
                    }

                    if (target is { } t && (!t.InWorkingTime || workingWait >= 0))
                    {
                        cell.Counts.TargetedAnswered++;
                        cell.Counts.WithinTarget += (t.InWorkingTime ? workingWait : wait) <= t.Limit.BclCompatibleTicks ? 1 : 0;
                    }

                    if (end != ServiceData.NoTime)
                    {
                        cell.Handle.Add(end - response);
                    }

                    if (ownCases && outcome != 0)
                    {
                        cell.Counts.ResolvableCases++;
                        cell.Counts.ResolvedAtFirstContact += outcome == _resolved ? 1 : 0;
                    }
                }

                if (!scores.IsEmpty && scores[i] != 0)
                {
                    cell.Counts.SatisfactionResponses++;
                    cell.Counts.SatisfactionTotal += scores[i];
                    cell.Counts.Satisfied += scores[i] >= 4 ? 1 : 0;
                }
            }
        }

        public ServiceCube ToCube()
        {
            var cells = ImmutableArray.CreateBuilder<ServiceCell>();
            ServiceFigures empty = new(New());
            for (int period = 0; period < _map.Range.Count; period++)
            {
                var row = new List<ServiceCell>();
                for (int key = 0; key < _keys; key++)
                {
                    if (_cells[(period * _keys) + key] is { } cell)
                    {
                        row.Add(Describe(period, key, new ServiceFigures(cell)));
                    }
                }

                cells.AddRange(row.OrderBy(ServiceCube.KeyOf, StringComparer.Ordinal));
            }

            return new ServiceCube(_map.Range, _breakdown, cells.ToImmutable(), empty);
        }

        private ServiceCell Describe(int period, int key, ServiceFigures figures)
        {
            ReportingPeriod p = _map.Range[period];
            return _breakdown switch
            {
                ServiceBreakdown.Channel => new(p, _log.Catalog.Channels[key].Channel, null, null, null, figures),
                ServiceBreakdown.Segment => new(p, null, _log.Catalog.Segments[key].Segment, null, null, figures),
                ServiceBreakdown.Topic => new(p, null, null, _log.Topics[key], null, figures),
                ServiceBreakdown.Agent => new(p, null, null, null, key == 0 ? null : new AgentKey(_log.AgentKeys[key - 1]), figures),
                _ => new(p, null, null, null, null, figures),
            };
        }

        private int KeyOf(int i) => _breakdown switch
        {
            ServiceBreakdown.Channel => _log.ChannelCodes[i],
            ServiceBreakdown.Segment => _log.SegmentCodes[i],
            ServiceBreakdown.Topic => _log.TopicCodes[i],
            ServiceBreakdown.Agent => _log.AgentCodes.IsEmpty ? 0 : _log.AgentCodes[i] + 1,
            _ => 0,
        };

        private ServiceAccumulator New() => new(_settings.Resolution, _settings.SignificantBits, _settings.MinSatisfactionResponses);

        private ServiceAccumulator Cell(int period, int key) => _cells[(period * _keys) + key] ??= New();

        // First-contact resolution: a case is the records sharing a case key (each record without one is its own case);
        // it counts in the cell of its first contact (the earliest, the first in the log on a tie).
        private void CountCases(ReadOnlySpan<long> ticks, ReadOnlySpan<long> responses, ReadOnlySpan<byte> outcomes)
        {
            ReadOnlySpan<int> cases = _log.CaseCodes;
            int caseCount = _log.DistinctCases;
            int[] first = new int[caseCount];
            int[] contacts = new int[caseCount];
            bool[] resolvable = new bool[caseCount];
            first.AsSpan().Fill(-1);
            for (int i = 0; i < ticks.Length; i++)
            {
                bool answered = responses.IsEmpty ? false : responses[i] != ServiceData.NoTime && outcomes[i] != _abandoned;
                bool counts = answered && outcomes[i] != 0;
                int c = cases.IsEmpty ? -1 : cases[i];
                if (c < 0)
                {
                    if (counts)
                    {
                        Resolve(i, single: true, ticks, outcomes);
                    }

                    continue;
                }

                contacts[c]++;
                resolvable[c] |= counts;
                if (first[c] < 0 || ticks[i] < ticks[first[c]])
                {
                    first[c] = i;
                }
            }

            for (int c = 0; c < caseCount; c++)
            {
                if (first[c] >= 0 && resolvable[c])
                {
                    Resolve(first[c], contacts[c] == 1, ticks, outcomes);
                }
            }
        }

        private void Resolve(int i, bool single, ReadOnlySpan<long> ticks, ReadOnlySpan<byte> outcomes)
        {
            int period = _map.IndexOf(ticks[i]);
            if (period < 0)
            {
                return;
            }

            ServiceAccumulator cell = Cell(period, KeyOf(i));
            cell.Counts.ResolvableCases++;
            cell.Counts.ResolvedAtFirstContact += single && outcomes[i] == _resolved ? 1 : 0;
        }

        // Backlog: a contact is open at the end of period P when it arrived before P's end and had not ended before it;
        // the records added one to the delta at the first such period and took it off after the last. Prefix sums give the
        // open contacts of each period and key.
        private void ApplyBacklog(long[] delta)
        {
            int periods = _map.Range.Count;
            for (int key = 0; key < _keys; key++)
            {
                long open = 0;
                for (int p = 0; p < periods; p++)
                {
                    open += delta[(p * _keys) + key];
                    if (open > 0 || _cells[(p * _keys) + key] is not null)
                    {
                        ServiceAccumulator cell = Cell(p, key);
                        cell.Counts.HasBacklog = true;
                        cell.Counts.OpenAtPeriodEnd = open;
                    }
                }
            }
        }

        // The number of periods whose end is at or before tick, given the tick's period (or -1): usually that period's index,
        // checked in O(1); otherwise (outside the range, or a local date the zone repeats) a binary search.
        private static int PeriodsEndedBy(long[] periodEnds, long tick, int period)
        {
            if (period >= 0 && tick < periodEnds[period] && (period == 0 || tick >= periodEnds[period - 1]))
            {
                return period;
            }

            return EndedBefore(periodEnds, tick);
        }

        // The number of periods whose end is at or before tick: the index of the first period ending after it.
        private static int EndedBefore(long[] periodEnds, long tick)
        {
            int low = 0, high = periodEnds.Length;
            while (low < high)
            {
                int mid = (low + high) >>> 1;
                if (periodEnds[mid] <= tick)
                {
                    low = mid + 1;
                }
                else
                {
                    high = mid;
                }
            }

            return low;
        }
    }
}
