using System.Text.Json;
using Djpk.Metrics.Complaints;
using Djpk.Metrics.Periods;
using Djpk.Metrics.Serialization;
using NodaTime;

namespace Djpk.Metrics.Tests.Complaints;

public class ComplaintRecapTests
{
    private static readonly ComplaintCategory Pengaduan = new("pengaduan");
    private static readonly ComplaintCategory KeluhanLayanan = new("keluhan-layanan");
    private static readonly ComplaintCategory KeluhanKebijakan = new("keluhan-kebijakan");

    private static readonly Complaint[] Sample =
    [
        new("1", Pengaduan, new LocalDate(2023, 11, 20), new LocalDate(2023, 12, 2)),
        new("2", KeluhanLayanan, new LocalDate(2023, 12, 5)),
        new("3", KeluhanLayanan, new LocalDate(2023, 12, 6), new LocalDate(2023, 12, 7)),
        new("4", Pengaduan, new LocalDate(2023, 12, 30), new LocalDate(2024, 1, 2)),
    ];

    [Fact]
    public void For_ListedCategories_CountsEachInTheListedOrderWithZerosAndOpenAtTheEnd()
    {
        ComplaintRecap december = ComplaintRecap.For(Sample, ReportingPeriod.Month(2023, 12), categories: [Pengaduan, KeluhanLayanan, KeluhanKebijakan]);
        Assert.Equal(
            ["pengaduan: received 1, resolved 1, open 1", "keluhan-layanan: received 2, resolved 1, open 1", "keluhan-kebijakan: received 0, resolved 0, open 0"],
            december.Categories.Select(c => c.ToString()));
        Assert.Equal((3L, 2L, 2L), december.Total);
        ComplaintRecap toNovember = ComplaintRecap.For(Sample, ReportingPeriod.OfYear(2023), new LocalDate(2023, 11, 30));
        Assert.Equal((1L, 0L, 1L), toNovember.Total);
    }

    [Fact]
    public void For_NoListedCategories_ListsTheComplaintsCategoriesByOrdinalId()
    {
        ComplaintRecap december = ComplaintRecap.For(Sample, ReportingPeriod.Month(2023, 12));
        Assert.Equal([KeluhanLayanan, Pengaduan], december.Categories.Select(c => c.Category));
    }

    [Fact]
    public void For_CategoryTheListOmits_FollowsTheListedOnes()
    {
        ComplaintRecap december = ComplaintRecap.For(Sample, ReportingPeriod.Month(2023, 12), categories: [KeluhanKebijakan, Pengaduan]);
        Assert.Equal([KeluhanKebijakan, Pengaduan, KeluhanLayanan], december.Categories.Select(c => c.Category));
        Assert.Equal(2, december.Categories.Single(c => c.Category == KeluhanLayanan).Received);
    }

    [Fact]
    public void For_AnyOrderOfComplaints_GivesTheSameRecap()
    {
        var random = new Random(20231201);
        var complaints = new List<Complaint>();
        ComplaintCategory[] categories = [Pengaduan, KeluhanLayanan, KeluhanKebijakan, new("lain-lain")];
        for (int i = 0; i < 300; i++)
        {
            LocalDate received = new LocalDate(2023, 1, 1).PlusDays(random.Next(365));
            LocalDate? resolved = random.Next(4) == 0 ? null : received.PlusDays(random.Next(0, 40));
            complaints.Add(new Complaint($"C{i}", categories[random.Next(categories.Length)], received, resolved));
        }

        ReportingPeriod month = ReportingPeriod.Month(2023, 10);
        ComplaintRecap expected = ComplaintRecap.For(complaints, month);
        foreach (Complaint[] shuffled in Enumerable.Range(0, 5).Select(_ => complaints.OrderBy(_ => random.Next()).ToArray()))
        {
            Assert.Equal(expected.Categories.ToArray(), ComplaintRecap.For(shuffled, month).Categories.ToArray());
        }

        // An independent count per category: received in October, resolved in October, open on 31 October.
        LocalDate end = new(2023, 10, 31);
        foreach (ComplaintCounts row in expected.Categories)
        {
            Complaint[] of = [.. complaints.Where(c => c.Category.Id == row.Category.Id)];
            Assert.Equal(of.Count(c => c.Received.Year == 2023 && c.Received.Month == 10), row.Received);
            Assert.Equal(of.Count(c => c.Resolved is { Year: 2023, Month: 10 }), row.Resolved);
            Assert.Equal(of.Count(c => c.Received <= end && !(c.Resolved <= end)), row.OpenAtEnd);
        }
    }

    [Fact]
    public void For_DefaultOrRepeatedListedCategory_ThrowsArgumentException()
    {
        Assert.Throws<ArgumentException>(() => ComplaintRecap.For(Sample, ReportingPeriod.Month(2023, 12), categories: [Pengaduan, Pengaduan]));
        Assert.Throws<ArgumentException>(() => ComplaintRecap.For(Sample, ReportingPeriod.Month(2023, 12), categories: [default]));
    }

    [Fact]
    public void Complaint_InvalidDatesOrCategory_Throw()
    {
        Assert.Throws<ArgumentException>(() => new Complaint("1", Pengaduan, new LocalDate(2023, 5, 2), new LocalDate(2023, 5, 1)));
        Assert.Throws<ArgumentException>(() => new Complaint("1", default, new LocalDate(2023, 5, 2)));
        Assert.Throws<ArgumentOutOfRangeException>(() => new ComplaintCounts(Pengaduan, -1, 0, 0));
    }

    [Theory]
    [InlineData("KeluhanLayanan")]
    [InlineData("keluhan--layanan")]
    [InlineData("-pengaduan")]
    [InlineData("")]
    [InlineData(null)]
    public void TryCreate_NotAnId_ReturnsFalse(string? id)
    {
        Assert.False(ComplaintCategory.TryCreate(id, out ComplaintCategory category));
        Assert.True(category.IsDefault);
    }

    [Fact]
    public void Json_Category_IsItsIdAndReadsBack()
    {
        Assert.Equal("\"keluhan-layanan\"", JsonSerializer.Serialize(KeluhanLayanan, DjpkJson.Options));
        Assert.Equal(KeluhanLayanan, JsonSerializer.Deserialize<ComplaintCategory>("\"keluhan-layanan\"", DjpkJson.Options));
        JsonSerializerOptions withDefaults = DjpkJson.AddConverters(new JsonSerializerOptions());
        Assert.Equal("{\"pengaduan\":3}", JsonSerializer.Serialize(new Dictionary<ComplaintCategory, int> { [Pengaduan] = 3 }, withDefaults));
        Assert.Equal("null", JsonSerializer.Serialize(default(ComplaintCategory), DjpkJson.Options));
        JsonException error = Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<ComplaintCategory>("\"KeluhanLayanan\"", DjpkJson.Options));
        Assert.Contains("complaint category must be an id", error.Message, StringComparison.Ordinal);
    }
}
