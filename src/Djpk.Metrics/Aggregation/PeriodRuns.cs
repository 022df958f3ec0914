using Djpk.Metrics.Periods;

namespace Djpk.Metrics.Aggregation;

/// <summary>Splits a time-sorted slice of records into runs that share a period, by binary search on the time column.</summary>
internal static class PeriodRuns
{
    /// <summary>Returns the runs [start, end) of the sorted ticks [<paramref name="from"/>, <paramref name="to"/>) with their period positions; records outside the map's range are skipped.</summary>
    /// <remarks>A run is the records of one piece of the map, so a period split by a fall-back may give two runs; they are never merged.</remarks>
    public static IEnumerable<(int Start, int End, int Period)> Of(ReadOnlyMemory<long> ticks, int from, int to, PeriodMap map)
    {
        int i = LowerBound(ticks.Span, from, to, map.Start);
        while (i < to && ticks.Span[i] < map.End)
        {
            int piece = map.PieceOf(ticks.Span[i]);
            int end = LowerBound(ticks.Span, i, to, map.PieceEnd(piece));
            int period = map.PeriodOfPiece(piece);
            if (period >= 0)
            {
                yield return (i, end, period);
            }

            i = end;
        }
    }

    // The first index in [from, to) whose tick is at least value (to when none is).
    private static int LowerBound(ReadOnlySpan<long> ticks, int from, int to, long value)
    {
        int low = from, high = to;
        while (low < high)
        {
            int middle = low + ((high - low) >> 1);
            if (ticks[middle] < value)
            {
                low = middle + 1;
            }
            else
            {
                high = middle;
            }
        }

        return low;
    }
}
