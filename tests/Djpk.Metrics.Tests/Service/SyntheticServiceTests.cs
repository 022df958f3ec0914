using Djpk.Metrics.Periods;
using Djpk.Metrics.Service;
using Djpk.Metrics.Testing;
using NodaTime;

namespace Djpk.Metrics.Tests.Service;

// The synthetic service fields look like a contact center's: the rates and medians the generator's remarks promise.
public class SyntheticServiceTests
{
    private static readonly Lazy<SyntheticLog> Data = new(() => SyntheticLog.GenerateWithService(120_000, userCount: 20_000));

    [Fact]
    public void GenerateWithService_PhoneAndChat_AbandonAndAnswerAtTheirRates()
    {
        ServiceCube cube = ServiceMetrics.Measure(Data.Value.Log, ReportingCalendar.Jakarta, PeriodGrain.Year, ServiceBreakdown.Channel, range: new PeriodRange(ReportingPeriod.OfYear(2019), ReportingPeriod.OfYear(2024)));
        ServiceFigures phone = Merged(cube, DjpkChannels.Phone), chat = Merged(cube, DjpkChannels.LiveChat), whatsapp = Merged(cube, DjpkChannels.WhatsApp);
        Assert.InRange(phone.AbandonmentRate.Percent!.Value, 6m, 10m);
        Assert.InRange(chat.AbandonmentRate.Percent!.Value, 3m, 7m);
        Assert.InRange(phone.ShortAbandoned / (decimal)phone.Abandoned, 0.25m, 0.45m);
        Assert.InRange(phone.ResponseTime.Median!.Value, Duration.FromSeconds(12), Duration.FromSeconds(18));
        Assert.True(whatsapp.ResponseTime.Median > Duration.FromMinutes(10), "messages outside office hours wait for the next opening");
        Assert.InRange(whatsapp.Csat.Ratio!.Value, 0.3m, 0.95m);
        Assert.Equal(0, whatsapp.Abandoned);
        Assert.InRange(whatsapp.FirstContactResolution.Percent!.Value, 75m, 85m);
    }

    private static ServiceFigures Merged(ServiceCube cube, Channel channel) =>
        cube.Range.Select(year => cube.Of(year, channel)).Aggregate((a, b) => a.Merge(b));
}
