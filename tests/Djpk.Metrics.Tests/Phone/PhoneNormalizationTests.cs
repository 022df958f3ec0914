using Djpk.Metrics.Ingest;
using Djpk.Metrics.Phone;
using Djpk.Metrics.Tests.Serialization;

namespace Djpk.Metrics.Tests.Phone;

public class PhoneNormalizationTests
{
    [Theory]
    [InlineData("0812-1111-2222")]
    [InlineData("+62 812 1111 2222")]
    [InlineData("(0812) 11112222")]
    [InlineData(" 62-812-1111-2222 ")]
    public void E164_IndonesianSpellings_AreOneNumber(string text) =>
        Assert.Equal("+6281211112222", PhoneNormalization.E164("ID").Normalize(text));

    [Fact]
    public void E164_NotAPhoneNumber_IsRefused()
    {
        Assert.Null(PhoneNormalization.E164().Normalize("operator@pemda.go.id"));
        Assert.Null(PhoneNormalization.E164().Normalize("12"));
    }

    [Fact]
    public void E164_UnknownRegion_Throws() =>
        Assert.Throws<ArgumentException>(() => PhoneNormalization.E164("XX"));

    [Fact]
    public void Read_PhoneIdentitiesInEveryFormat_AreOneUser()
    {
        IngestOptions options = LogText.Collect.WithUserNormalization(PhoneNormalization.E164("ID"));
        IngestResult csv = LogText.ReadCsv("timestamp;channel;segment;user\n2023-12-04T09:15:00Z;Telepon;Pemda;0812-1111-2222\n2023-12-04T09:15:00Z;Telepon;Pemda;x\n", ';', options, LogColumns.Default.WithUserIdentity());
        IngestResult json = LogText.ReadJson("""{"timestamp":"2023-12-04T09:15:00Z","channel":"phone","segment":"pemda","user":"+62 812 1111 2222"}""", options);

        Assert.Equal(UserKey.FromText("+6281211112222"), csv.Log[0].User);
        Assert.Equal(csv.Log[0].User, json.Log[0].User);
        Assert.Equal(RejectionReason.InvalidValue, Assert.Single(csv.Report.Rejections).Reason);
    }
}
