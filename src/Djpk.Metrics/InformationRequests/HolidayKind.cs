namespace Djpk.Metrics.InformationRequests;

/// <summary>Says why a day is not a working day: a national holiday or a collective leave day (cuti bersama).</summary>
/// <remarks>The default value is <see cref="NationalHoliday"/>.</remarks>
public enum HolidayKind
{
    /// <summary>A national public holiday (hari libur nasional).</summary>
    NationalHoliday = 0,

    /// <summary>A collective leave day for civil servants (cuti bersama).</summary>
    CollectiveLeave = 1,
}
