namespace Djpk.Metrics.Periods;

/// <summary>Converts between day numbers and period indexes of a grain by arithmetic alone, for any day, even outside years 1-9999.</summary>
/// <remarks>Indexes are those of <see cref="ReportingPeriod"/>; days are counted from 0001-01-01 (<see cref="CivilDays"/>). Division floors.</remarks>
internal static class PeriodDays
{
    /// <summary>Returns the index of the period of <paramref name="grain"/> that contains day <paramref name="day"/>.</summary>
    public static int IndexOfDay(PeriodGrain grain, int day)
    {
        if (grain == PeriodGrain.Day)
        {
            return day;
        }

        if (grain == PeriodGrain.Week)
        {
            return FloorDivide(day, 7); // 0001-01-01 is a Monday
        }

        (int year, int month, _) = CivilDays.ToDate(day);
        return grain switch
        {
            PeriodGrain.Month => ((year - 1) * 12) + month - 1,
            PeriodGrain.Quarter => ((year - 1) * 4) + ((month - 1) / 3),
            _ => year - 1,
        };
    }

    /// <summary>Returns the first day of the period of <paramref name="grain"/> at <paramref name="index"/>.</summary>
    public static int FirstDayOf(PeriodGrain grain, int index) => grain switch
    {
        PeriodGrain.Day => index,
        PeriodGrain.Week => index * 7,
        PeriodGrain.Month => CivilDays.FromDate(FloorDivide(index, 12) + 1, index - (FloorDivide(index, 12) * 12) + 1, 1),
        PeriodGrain.Quarter => CivilDays.FromDate(FloorDivide(index, 4) + 1, ((index - (FloorDivide(index, 4) * 4)) * 3) + 1, 1),
        _ => CivilDays.FromDate(index + 1, 1, 1),
    };

    /// <summary>Returns <paramref name="value"/> / <paramref name="divisor"/> rounded toward negative infinity.</summary>
    public static int FloorDivide(int value, int divisor)
    {
        int quotient = value / divisor;
        return (value % divisor != 0 && (value < 0) != (divisor < 0)) ? quotient - 1 : quotient;
    }

    /// <summary>Returns <paramref name="value"/> / <paramref name="divisor"/> rounded toward negative infinity.</summary>
    public static long FloorDivide(long value, long divisor)
    {
        long quotient = value / divisor;
        return (value % divisor != 0 && (value < 0) != (divisor < 0)) ? quotient - 1 : quotient;
    }
}
