using Djpk.Metrics.InformationRequests;
using Djpk.Metrics.Periods;
using NodaTime;

namespace Djpk.Metrics.Tests.InformationRequests;

public class InformationRequestTests
{
    private static readonly WorkingDayCalendar Indonesia = HolidayFiles.Years(2023, 2024);

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
    public void TryGetDeadline_OutsideTheCalendar_ReturnsFalseInsteadOfThrowing()
    {
        var request = new InformationRequest("1", new LocalDate(2025, 12, 19), "penelitian", ["APBD"]);
        Assert.False(request.TryGetDeadline(Indonesia, out LocalDate deadline));
        Assert.Equal(default, deadline);
        Assert.True(request.TryGetDeadline(HolidayFiles.All, out deadline));
        Assert.Equal(new LocalDate(2026, 1, 7), deadline);
        Assert.Equal(deadline, request.Deadline(HolidayFiles.All));
        Assert.Throws<ArgumentNullException>(() => request.TryGetDeadline(null!, out _));
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
        Assert.Equal(50m, december.OnTimeShare!.Value.Percent);
        Assert.Equal(2, december.PendingAtEnd);
        Assert.Equal(["pemberitaan: 1", "penelitian: 1", "tugas akhir: 1"], december.ByPurpose.Select(p => p.ToString()));
        Assert.Equal(1, december.ByOutcome[RequestOutcome.Rejected]);

        InformationRequestRecap yearToNovember = InformationRequestRecap.For(requests, ReportingPeriod.OfYear(2023), Indonesia, new LocalDate(2023, 11, 30));
        Assert.Equal(1, yearToNovember.Received);
        Assert.Equal(0, yearToNovember.Decided);
        Assert.False(yearToNovember.OnTimeShare!.Value.IsDefined);
        Assert.Equal(1, yearToNovember.PendingAtEnd);
    }
}
