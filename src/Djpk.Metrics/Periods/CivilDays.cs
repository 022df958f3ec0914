namespace Djpk.Metrics.Periods;

/// <summary>Converts between ISO dates and day numbers (days since 0001-01-01) by arithmetic alone.</summary>
internal static class CivilDays
{
    /// <summary>The day number of 1970-01-01, the Unix epoch.</summary>
    public const int UnixEpochDay = DaysFrom0001To1970;

    private const int DaysFrom0000To1970 = 719_468;
    private const int DaysFrom0001To1970 = 719_162;

    /// <summary>Returns the days from 0001-01-01 to the date.</summary>
    public static int FromDate(int year, int month, int day)
    {
        int y = month <= 2 ? year - 1 : year;
        int era = (y >= 0 ? y : y - 399) / 400;
        int yearOfEra = y - (era * 400);
        int dayOfYear = (((153 * (month > 2 ? month - 3 : month + 9)) + 2) / 5) + day - 1;
        int dayOfEra = (yearOfEra * 365) + (yearOfEra / 4) - (yearOfEra / 100) + dayOfYear;
        return (era * 146_097) + dayOfEra - DaysFrom0000To1970 + DaysFrom0001To1970;
    }

    /// <summary>Returns the date that is <paramref name="days"/> days after 0001-01-01.</summary>
    public static (int Year, int Month, int Day) ToDate(int days)
    {
        int z = days - DaysFrom0001To1970 + DaysFrom0000To1970;
        int era = (z >= 0 ? z : z - 146_096) / 146_097;
        int dayOfEra = z - (era * 146_097);
        int yearOfEra = (dayOfEra - (dayOfEra / 1460) + (dayOfEra / 36_524) - (dayOfEra / 146_096)) / 365;
        int dayOfYear = dayOfEra - ((365 * yearOfEra) + (yearOfEra / 4) - (yearOfEra / 100));
        int monthPart = ((5 * dayOfYear) + 2) / 153;
        int day = dayOfYear - (((153 * monthPart) + 2) / 5) + 1;
        int month = monthPart < 10 ? monthPart + 3 : monthPart - 9;
        int year = yearOfEra + (era * 400) + (month <= 2 ? 1 : 0);
        return (year, month, day);
    }
}
