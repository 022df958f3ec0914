using Djpk.Metrics.Aggregation;
using Djpk.Metrics.Logs;
using Djpk.Metrics.Periods;
using Djpk.Metrics.Verification;
using NodaTime;

namespace Djpk.Metrics.Tests.Verification;

public class FigureTableBuilderTests
{
    private static readonly Aggregator Jakarta = new(ReportingCalendar.Jakarta);

    [Fact]
    public void AddConsultationsAndUsers_FromCubes_FileEveryPeriodMemberAndCompleteYear()
    {
        var records = new List<Consultation>();
        for (int month = 1; month <= 12; month++)
        {
            Instant at = Instant.FromUtc(2023, month, 10, 3, 0);
            records.Add(new Consultation(at, DjpkChannels.WhatsApp, DjpkSegments.Pemda, new Topic("DBH"), new UserKey(1)));
            records.Add(new Consultation(at, DjpkChannels.Phone, DjpkSegments.Akademisi, new Topic("DBH"), new UserKey(month + 1)));
        }

        InteractionLog log = new InteractionLogBuilder(DjpkProfile.Catalog).AddRange(records).Build();
        AggregationRequest monthly = AggregationRequest.PerPeriod(PeriodGrain.Month);
        FigureTable figures = new FigureTableBuilder()
            .AddConsultations(Jakarta.Count(log, monthly.By(AggregationDimensions.Channel)))
            .AddUsers(Jakarta.CountDistinctUsers(log, monthly.By(AggregationDimensions.Segment)))
            .Build();

        ReportingPeriod year = ReportingPeriod.OfYear(2023);
        Assert.Equal(2, figures.Find(Metric.Consultations, ReportingPeriod.Month(2023, 5)));
        Assert.Equal(1, figures.Find(Metric.Consultations, ReportingPeriod.Month(2023, 5), DjpkChannels.Phone));
        Assert.Equal(0, figures.Find(Metric.Consultations, ReportingPeriod.Month(2023, 5), DjpkChannels.Email));
        Assert.Equal(24, figures.Find(Metric.Consultations, year));
        Assert.Equal(12, figures.Find(Metric.Consultations, year, DjpkChannels.WhatsApp));
        Assert.Equal(13, figures.Find(Metric.Users, year));                         // distinct over the year, not 24
        Assert.Equal(1, figures.Find(Metric.Users, year, segment: DjpkSegments.Pemda));
        Assert.Equal(2, figures.Find(Metric.Users, ReportingPeriod.Month(2023, 7)));
    }

    [Fact]
    public void Add_SameKeyWithAnotherFigure_Throws()
    {
        var builder = new FigureTableBuilder().Add(Metric.Users, ReportingPeriod.OfYear(2023), 5);

        builder.Add(Metric.Users, ReportingPeriod.OfYear(2023), 5);
        Assert.Throws<ArgumentException>(() => builder.Add(Metric.Users, ReportingPeriod.OfYear(2023), 6));
    }
}
