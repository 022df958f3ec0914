using Djpk.Metrics.InformationRequests;

namespace Djpk.Metrics.Tests.InformationRequests;

/// <summary>Loads the DJPK profile's holiday files, which the test project copies to Holidays/ in its output.</summary>
internal static class HolidayFiles
{
    public const int FirstYear = 2023;
    public const int LastYear = 2027;

    public static string PathOf(int year) => Path.Combine(AppContext.BaseDirectory, "Holidays", $"indonesia-{year}.json");

    public static WorkingDayCalendar Year(int year)
    {
        using FileStream stream = File.OpenRead(PathOf(year));
        return WorkingDayCalendar.Read(stream);
    }

    public static WorkingDayCalendar Years(int first, int last)
    {
        FileStream[] streams = [.. Enumerable.Range(first, last - first + 1).Select(y => File.OpenRead(PathOf(y)))];
        try
        {
            return WorkingDayCalendar.Read(streams);
        }
        finally
        {
            foreach (FileStream stream in streams)
            {
                stream.Dispose();
            }
        }
    }

    public static WorkingDayCalendar All { get; } = Years(FirstYear, LastYear);
}
