using Djpk.Metrics.InformationRequests;
using Djpk.Metrics.Periods;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NodaTime;

namespace Djpk.Metrics.Tests.InformationRequests;

public class WorkingDayCalendarTests
{
    private static readonly WorkingDayCalendar Indonesia = WorkingDayCalendar.Indonesia;

    [Theory]
    [InlineData(2023, 12, 25, false)] // Natal
    [InlineData(2023, 12, 26, false)] // cuti bersama Natal
    [InlineData(2023, 12, 27, true)]
    [InlineData(2023, 6, 28, false)]  // cuti bersama Idul Adha, added by the June 2023 amendment
    [InlineData(2023, 6, 30, false)]
    [InlineData(2023, 4, 19, false)]  // cuti bersama Idul Fitri as amended in March 2023
    [InlineData(2023, 4, 26, true)]   // no longer cuti bersama after that amendment
    [InlineData(2023, 12, 30, false)] // Saturday
    [InlineData(2024, 4, 10, false)]  // Idul Fitri 1445 H
    public void IsWorkingDay_FollowsTheDecrees(int year, int month, int day, bool expected) =>
        Assert.Equal(expected, Indonesia.IsWorkingDay(new LocalDate(year, month, day)));

    [Fact]
    public void AddWorkingDays_SkipsWeekendsAndHolidays()
    {
        // Received Friday 2023-12-22: the 10 working days skip 25-26 December, weekends and 1 January 2024 (27, 28, 29 December, then 2-5 and 8-10 January).
        Assert.Equal(new LocalDate(2024, 1, 10), Indonesia.AddWorkingDays(new LocalDate(2023, 12, 22), 10));
        Assert.Equal(new LocalDate(2023, 12, 22), Indonesia.AddWorkingDays(new LocalDate(2023, 12, 22), 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => Indonesia.AddWorkingDays(new LocalDate(2024, 12, 20), 10));
        Assert.Throws<ArgumentOutOfRangeException>(() => Indonesia.AddWorkingDays(new LocalDate(2023, 1, 2), -1));
    }

    [Fact]
    public void Calendar_IsReplaceableData()
    {
        var custom = new WorkingDayCalendar("test", 2030, 2030, [new Holiday(new LocalDate(2030, 1, 1), "Tahun Baru", HolidayKind.NationalHoliday)]);
        Assert.False(custom.IsWorkingDay(new LocalDate(2030, 1, 1)));
        Assert.True(custom.IsWorkingDay(new LocalDate(2030, 1, 2)));
        Assert.Equal("2030-01-01 Tahun Baru (NationalHoliday)", custom.Holidays[0].ToString());
        Assert.Throws<ArgumentException>(() => new WorkingDayCalendar("bad", 2030, 2030, [new Holiday(new LocalDate(2031, 1, 1), "x", HolidayKind.NationalHoliday)]));
        Assert.Throws<ArgumentException>(() => new WorkingDayCalendar("bad", 2031, 2030, []));
        Assert.Equal(54, Indonesia.Holidays.Length);
    }

    [Property(MaxTest = 200)]
    public Property AddWorkingDays_ThenCount_RoundTrips(PositiveInt offset, byte days)
    {
        LocalDate start = new LocalDate(2023, 1, 1).PlusDays(offset.Get % 600);
        int n = days % 40;
        LocalDate end = Indonesia.AddWorkingDays(start, n);
        return (Indonesia.WorkingDaysBetween(start, end) == n && (n == 0 || Indonesia.IsWorkingDay(end))).ToProperty();
    }
}

public class InformationRequestTests
{
    private static readonly WorkingDayCalendar Indonesia = WorkingDayCalendar.Indonesia;

    [Fact]
    public void Deadline_IsTenWorkingDays_OrSeventeenWhenExtended()
    {
        var request = new InformationRequest("1", new LocalDate(2023, 12, 1), "penelitian", ["APBD"], RequestOutcome.GrantedInFull, new LocalDate(2023, 12, 15));
        Assert.Equal(new LocalDate(2023, 12, 15), request.Deadline(Indonesia));
        Assert.True(request.IsOnTime(Indonesia));
        var late = new InformationRequest("2", new LocalDate(2023, 12, 1), "penelitian", ["APBD"], RequestOutcome.GrantedInPart, new LocalDate(2023, 12, 18));
        Assert.False(late.IsOnTime(Indonesia));
        var extended = new InformationRequest("3", new LocalDate(2023, 12, 1), "penelitian", ["APBD"], RequestOutcome.GrantedInFull, new LocalDate(2023, 12, 18), extended: true);
        Assert.True(extended.IsOnTime(Indonesia));
        Assert.Null(new InformationRequest("4", new LocalDate(2023, 12, 1), "penelitian", ["TKD"]).IsOnTime(Indonesia));
    }

    [Fact]
    public void Constructor_KeepsOutcomeDecisionAndReasonConsistent()
    {
        LocalDate day = new(2023, 5, 2);
        Assert.Throws<ArgumentException>(() => new InformationRequest("1", day, "x", [], RequestOutcome.GrantedInFull));
        Assert.Throws<ArgumentException>(() => new InformationRequest("1", day, "x", [], RequestOutcome.Pending, day));
        Assert.Throws<ArgumentException>(() => new InformationRequest("1", day, "x", [], RequestOutcome.Rejected, day));
        Assert.Throws<ArgumentException>(() => new InformationRequest("1", day, "x", [], RequestOutcome.GrantedInFull, day, "why"));
        Assert.Throws<ArgumentException>(() => new InformationRequest("1", day, "x", [], RequestOutcome.GrantedInFull, day.PlusDays(-1)));
        Assert.Throws<ArgumentOutOfRangeException>(() => new InformationRequest("1", day, "x", [], (RequestOutcome)9));
        Assert.Equal("Data tidak dikuasai", new InformationRequest("1", day, "x", [], RequestOutcome.Rejected, day, "Data tidak dikuasai").RejectionReason);
    }

    [Fact]
    public void Recap_CountsReceivedDecidedOnTimePendingAndPurposes()
    {
        InformationRequest[] requests =
        [
            new("1", new LocalDate(2023, 11, 28), "penelitian", ["APBD"], RequestOutcome.GrantedInFull, new LocalDate(2023, 12, 4)),
            new("2", new LocalDate(2023, 12, 4), "penelitian", ["TKD"], RequestOutcome.Rejected, new LocalDate(2023, 12, 29), "Dikecualikan"),
            new("3", new LocalDate(2023, 12, 20), "pemberitaan", ["APBD"]),
            new("4", new LocalDate(2023, 12, 21), "tugas akhir", ["APBD"], RequestOutcome.GrantedInPart, new LocalDate(2024, 1, 3)),
        ];
        InformationRequestRecap december = InformationRequestRecap.For(requests, ReportingPeriod.Month(2023, 12), Indonesia);
        Assert.Equal(3, december.Received);
        Assert.Equal(2, december.Decided);
        Assert.Equal(1, december.OnTime);
        Assert.Equal(50m, december.OnTimeShare.Percent);
        Assert.Equal(2, december.PendingAtEnd);
        Assert.Equal(["pemberitaan: 1", "penelitian: 1", "tugas akhir: 1"], december.ByPurpose.Select(p => p.ToString()));
        Assert.Equal(1, december.ByOutcome[RequestOutcome.Rejected]);

        InformationRequestRecap yearToNovember = InformationRequestRecap.For(requests, ReportingPeriod.OfYear(2023), Indonesia, new LocalDate(2023, 11, 30));
        Assert.Equal(1, yearToNovember.Received);
        Assert.Equal(0, yearToNovember.Decided);
        Assert.False(yearToNovember.OnTimeShare.IsDefined);
        Assert.Equal(1, yearToNovember.PendingAtEnd);
    }
}
