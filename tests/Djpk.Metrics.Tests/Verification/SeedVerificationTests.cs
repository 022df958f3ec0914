using System.Collections.Immutable;
using System.Globalization;
using Djpk.Metrics.Comparison;
using Djpk.Metrics.Reporting;
using Djpk.Metrics.Tests.Support;
using Djpk.Metrics.Verification;

namespace Djpk.Metrics.Tests.Verification;

/// <summary>The seed report as the golden case: its text, its claims and its figures.</summary>
public class SeedVerificationTests
{
    private static readonly Lazy<ImmutableArray<Claim>> Extracted = new(() => DjpkProfile.ClaimExtractor.Extract(SeedReport.Text, SeedReport.Month));

    public static TheoryData<string> FixtureClaimIds()
    {
        var data = new TheoryData<string>();
        foreach (Claim claim in SeedReport.Claims())
        {
            data.Add(claim.Id);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(FixtureClaimIds))]
    public void Extract_Seed_FindsFixtureClaimWithTheSameFields(string id)
    {
        Claim expected = SeedReport.Claims().Single(c => c.Id == id);

        Claim found = Assert.Single(Extracted.Value, c => c.Metric == expected.Metric && c.Channel == expected.Channel && c.Segment == expected.Segment
            && c.Kind == expected.Kind && c.Period == expected.Period && c.Against == expected.Against);

        Assert.Equal(expected.Id, found.Id);
        Assert.Equal(expected.Direction, found.Direction);
        Assert.Equal(expected.Value, found.Value);
        Assert.Equal(expected.Decimals, found.Decimals);
        Assert.Equal(expected.IsApproximate, found.IsApproximate);
        Assert.Equal(expected.Of, found.Of);
        Assert.Equal(expected.Numerator, found.Numerator);
        Assert.Equal(expected.Denominator, found.Denominator);
        string ending = Normalize(expected.Quote).TrimEnd('.');
        Assert.Contains(ending[Math.Max(0, ending.Length - 12)..], Normalize(found.Quote), StringComparison.Ordinal);
    }

    [Fact]
    public void Extract_Seed_FindsTheFixtureClaimsAndTheCountsTheTextStates()
    {
        string[] counts = ["phone-count", "ppid-requests-count", "total-count", "whatsapp-count"];
        Assert.Equal(
            SeedReport.Claims().Select(c => c.Id).Concat(counts).Order(StringComparer.Ordinal),
            Extracted.Value.Select(c => c.Id).Order(StringComparer.Ordinal));
        Assert.All(Extracted.Value.Where(c => counts.Contains(c.Id)), c => Assert.Equal(ClaimKind.Total, c.Kind));
        Assert.Equal(
            [("total-count", "2023", 18_008m), ("whatsapp-count", "2023-12", 1_118m), ("phone-count", "2023-12", 149m), ("ppid-requests-count", "2023", 162m)],
            Extracted.Value.Where(c => counts.Contains(c.Id)).Select(c => (c.Id, c.Period.ToString(), c.Value!.Value)));
    }

    [Fact]
    public void Extract_Seed_CapturesTheFiguresSentencesState()
    {
        Claim whatsapp = Extracted.Value.Single(c => c.Id == "whatsapp-mom");
        Assert.Equal((1_118L, 988L), (whatsapp.StatedCurrent, whatsapp.StatedPrevious));
        Assert.Equal(93_598L, Extracted.Value.Single(c => c.Id == "website-yoy").StatedPrevious);
        Assert.Equal(56L, Extracted.Value.Single(c => c.Id == "hai-share").StatedCurrent);
    }

    [Fact]
    public void Verify_SeedClaims_EmailMomFailsByDividingByTheNewValue()
    {
        ClaimResult email = ClaimVerifier.Verify(SeedReport.Claims(), SeedReport.Figures())["email-mom"];

        Assert.Equal(Verdict.Fails, email.Verdict);
        Assert.Equal(FailureCause.DividedByNewValue, email.Cause);
        Assert.Equal(-11.89m, Math.Round(email.Exact!.Value, 2));
        Assert.Equal(13.49m, Math.Round(email.CauseValue!.Value, 2));
        Assert.Equal([11.9m, 11.9m, 11.8m], email.Outcomes.Select(o => o.Value!.Value));
        Assert.Empty(email.HoldsUnder);
    }

    [Fact]
    public void Verify_SeedClaims_WebsiteIsUnverifiableForLackOfTheDecemberVisits()
    {
        ClaimResult website = ClaimVerifier.Verify(SeedReport.Claims(), SeedReport.Figures())["website-yoy"];

        Assert.Equal(Verdict.Unverifiable, website.Verdict);
        Assert.Equal(FailureCause.None, website.Cause);
        Assert.Equal([new FigureKey(Metric.WebsiteVisits, SeedReport.Month)], website.Missing.ToArray());
    }

    [Fact]
    public void Verify_SeedClaims_EveryOtherClaimHolds()
    {
        VerificationReport report = ClaimVerifier.Verify(SeedReport.Claims(), SeedReport.Figures());

        Assert.All(report.Results.Where(r => r.Claim.Id is not ("email-mom" or "website-yoy")), r => Assert.Equal(Verdict.Holds, r.Verdict));
        Assert.Equal((19, 1, 1), (report.HoldCount, report.FailCount, report.UnverifiableCount));
    }

    [Fact]
    public void Verify_ExtractedSeedClaims_GiveTheSameVerdictsAsTheFixtureClaims()
    {
        VerificationReport fromFixture = ClaimVerifier.Verify(SeedReport.Claims(), SeedReport.Figures());
        VerificationReport fromText = ClaimVerifier.Verify(Extracted.Value, SeedReport.Figures());

        var fixtureIds = fromFixture.Results.Select(r => r.Claim.Id).ToHashSet(StringComparer.Ordinal);
        Assert.Equal(
            fromFixture.Results.Select(r => (r.Claim.Id, r.Verdict, r.Cause)).OrderBy(x => x.Id, StringComparer.Ordinal),
            fromText.Results.Where(r => fixtureIds.Contains(r.Claim.Id)).Select(r => (r.Claim.Id, r.Verdict, r.Cause)).OrderBy(x => x.Id, StringComparer.Ordinal));
        Assert.All(fromText.Results.Where(r => !fixtureIds.Contains(r.Claim.Id)), r => Assert.Equal(Verdict.Holds, r.Verdict));
    }

    [Fact]
    public void Verify_SeedClaims_InfersTruncationForChangesAndChannelSharesAndLargestRemainderForSegments()
    {
        VerificationReport report = ClaimVerifier.Verify(SeedReport.Claims(), SeedReport.Figures());
        ConventionInference Of(ClaimGroup group) => report.Conventions.Single(c => c.Group == group);

        Assert.Equal(RoundingConvention.TowardZero, Of(ClaimGroup.Changes).Chosen);
        Assert.Equal((9, 10), (Of(ClaimGroup.Changes).Scores[0].Explained, Of(ClaimGroup.Changes).ClaimCount));
        Assert.Equal(RoundingConvention.TowardZero, Of(ClaimGroup.ChannelShares).Chosen);
        Assert.Equal(RoundingConvention.LargestRemainder, Of(ClaimGroup.SegmentShares).Chosen);
        Assert.Equal(2, Of(ClaimGroup.SegmentShares).Scores.Single(s => s.Convention == RoundingConvention.TowardZero).Explained);
    }

    [Fact]
    public void Verify_SeedPhoneChange_HoldsUnderTruncationAndFailsUnderRounding()
    {
        ClaimResult phone = ClaimVerifier.Verify(SeedReport.Claims(), SeedReport.Figures())["phone-mom"];

        Assert.Equal([RoundingConvention.TowardZero], phone.HoldsUnder.ToArray());
        Assert.Equal([RoundingConvention.HalfAwayFromZero, RoundingConvention.HalfToEven], phone.FailsUnder.ToArray());
        Assert.Equal(RoundingConvention.TowardZero, phone.JudgedUnder);
        Assert.Equal(Verdict.Holds, phone.Verdict);
    }

    [Fact]
    public void Verify_SeedFigures_ReconcileChannelsAndSegmentsAndShowTruncatedSharesMissTwo()
    {
        VerificationReport report = ClaimVerifier.Verify(SeedReport.Claims(), SeedReport.Figures());

        ReconciliationCheck[] channels = [.. report.Reconciliation.Where(r => r.Kind == ReconciliationKind.ChannelsSumToTotal)];
        Assert.Equal(["2022-12", "2023-11", "2023-12"], channels.Select(c => c.Whole.Period.ToString()));
        Assert.All(channels, c => Assert.True(c.Holds));
        Assert.True(report.Reconciliation.Single(r => r.Kind == ReconciliationKind.SegmentsSumToAll).Holds);
        ReconciliationCheck year = report.Reconciliation.Single(r => r.Kind == ReconciliationKind.MonthsSumToYear);
        Assert.Null(year.Holds);
        Assert.Equal(10, year.Missing.Length);
        ReconciliationCheck channelShares = report.Reconciliation.Single(r => r.Kind == ReconciliationKind.SharesSumToHundred && r.Whole.Metric == Metric.Consultations);
        Assert.Equal(-2m, channelShares.Difference);
        Assert.Equal(RoundingConvention.TowardZero, channelShares.Convention);
        ReconciliationCheck segmentShares = report.Reconciliation.Single(r => r.Kind == ReconciliationKind.SharesSumToHundred && r.Whole.Metric == Metric.Users);
        Assert.True(segmentShares.Holds);
    }

    [Fact]
    public void Render_Seed_OneLinePerClaimThenConventionsAndReconciliation()
    {
        string text = ClaimVerifier.Verify(SeedReport.Claims(), SeedReport.Figures()).Render(ReportLanguage.English);
        string[] lines = text.Split('\n');

        Assert.Equal("Claims: 21; 19 hold, 1 fail, 1 unverifiable", lines[0]);
        Assert.StartsWith("website-yoy              unverifiable  ", lines[1], StringComparison.Ordinal);
        Assert.Contains("email-mom                FAILS         ", text, StringComparison.Ordinal);
        Assert.Contains("cause: divided by the new value instead of the old (13.49…%)", text, StringComparison.Ordinal);
        Assert.Contains("  changes: TowardZero explains 9 of 10 (HalfAwayFromZero 4, HalfToEven 4)", lines);
        Assert.Contains("  shares sum to 100 (TowardZero, 0 decimals), consultations 2023-12: 8 + 3 + 1 + 10 + 76 = 98 vs 100: off by -2", lines);
    }

    [Fact]
    public void Render_UnderIndonesianHostCulture_IsTheSameAsInvariant()
    {
        VerificationReport report = ClaimVerifier.Verify(SeedReport.Claims(), SeedReport.Figures());
        string invariant;
        using (new CultureScope(new CultureInfo("en-US")))
        {
            invariant = report.Render(ReportLanguage.Indonesian);
        }

        using (new CultureScope(new CultureInfo("id-ID")))
        {
            Assert.Equal(invariant, report.Render(ReportLanguage.Indonesian));
        }

        Assert.Contains("tertulis turun 13,5%", invariant, StringComparison.Ordinal);
        Assert.Contains("SALAH", invariant, StringComparison.Ordinal);
        Assert.Contains("penyebab: dibagi dengan nilai baru, bukan nilai lama (13,49…%)", invariant, StringComparison.Ordinal);
        Assert.DoesNotContain("holds", invariant, StringComparison.Ordinal);
    }

    private static string Normalize(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
