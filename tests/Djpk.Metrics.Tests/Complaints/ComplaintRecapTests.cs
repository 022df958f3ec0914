using Djpk.Metrics.Complaints;
using Djpk.Metrics.Periods;
using NodaTime;

namespace Djpk.Metrics.Tests.Complaints;

public class ComplaintRecapTests
{
    [Fact]
    public void Recap_CountsEveryCategory_WithOpenAtTheEnd()
    {
        Complaint[] complaints =
        [
            new("1", ComplaintCategory.Pengaduan, new LocalDate(2023, 11, 20), new LocalDate(2023, 12, 2)),
            new("2", ComplaintCategory.KeluhanLayanan, new LocalDate(2023, 12, 5)),
            new("3", ComplaintCategory.KeluhanLayanan, new LocalDate(2023, 12, 6), new LocalDate(2023, 12, 7)),
            new("4", ComplaintCategory.Pengaduan, new LocalDate(2023, 12, 30), new LocalDate(2024, 1, 2)),
        ];
        ComplaintRecap december = ComplaintRecap.For(complaints, ReportingPeriod.Month(2023, 12));
        Assert.Equal(
            ["Pengaduan: received 1, resolved 1, open 1", "KeluhanLayanan: received 2, resolved 1, open 1", "KeluhanKebijakan: received 0, resolved 0, open 0"],
            december.Categories.Select(c => c.ToString()));
        Assert.Equal((3L, 2L, 2L), december.Total);
        ComplaintRecap toNovember = ComplaintRecap.For(complaints, ReportingPeriod.OfYear(2023), new LocalDate(2023, 11, 30));
        Assert.Equal((1L, 0L, 1L), toNovember.Total);
    }

    [Fact]
    public void Complaint_ValidatesDatesAndCategory()
    {
        Assert.Throws<ArgumentException>(() => new Complaint("1", ComplaintCategory.Pengaduan, new LocalDate(2023, 5, 2), new LocalDate(2023, 5, 1)));
        Assert.Throws<ArgumentOutOfRangeException>(() => new Complaint("1", (ComplaintCategory)5, new LocalDate(2023, 5, 2)));
        Assert.Throws<ArgumentOutOfRangeException>(() => new ComplaintCounts(ComplaintCategory.Pengaduan, -1, 0, 0));
    }
}
