using Djpk.Metrics.Comparison;
using Djpk.Metrics.Periods;
using Djpk.Metrics.Verification;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace Djpk.Metrics.Tests.Verification;

/// <summary>Claims with a known defect are diagnosed as that defect; verdicts under each rounding rule are reported.</summary>
public class ClaimVerifierTests
{
    private static readonly ReportingPeriod Now = ReportingPeriod.Month(2023, 12);
    private static readonly ReportingPeriod Before = ReportingPeriod.Month(2023, 11);
    private static readonly ReportingPeriod YearAgo = ReportingPeriod.Month(2022, 12);
    private static readonly RoundingRule[] Rules = [RoundingRule.HalfAwayFromZero, RoundingRule.HalfToEven, RoundingRule.TowardZero];

    private static Gen<long> Count => Gen.Choose(1, 200_000).Select(i => (long)i);

    private static Gen<int> Decimals => Gen.Choose(0, 2);

    [Property(MaxTest = 300)]
    public Property Verify_ChangeDividedByTheNewValue_IsDiagnosedAsSuch()
    {
        var cases = from previous in Count from current in Count from decimals in Decimals select (previous, current, decimals);
        return Prop.ForAll(cases.ToArbitrary(), c =>
        {
            decimal stated = ClaimVerifier.Quotient(Math.Abs(c.current - c.previous), c.current, 100, c.decimals, RoundingRule.TowardZero);
            return Prop.When(c.previous != c.current && FarFrom(stated, Percent(c.previous, c.current), c.decimals), () =>
            {
                ClaimResult result = VerifyOne(Change(stated, Direction(c.previous, c.current), Before), Series((Now, c.current), (Before, c.previous)));
                return result.Verdict == Verdict.Fails && result.Cause == FailureCause.DividedByNewValue;
            });
        });
    }

    [Property(MaxTest = 300)]
    public Property Verify_ChangeAgainstAnotherPeriod_IsDiagnosedAsTheWrongPeriod()
    {
        var cases = from previous in Count from yearAgo in Count from current in Count from decimals in Decimals select (previous, yearAgo, current, decimals);
        return Prop.ForAll(cases.ToArbitrary(), c =>
        {
            decimal stated = Math.Abs(PercentChange.Between(c.yearAgo, c.current).ToPercent(c.decimals, RoundingRule.TowardZero)!.Value);
            ChangeDirection direction = Direction(c.yearAgo, c.current);
            return Prop.When(
                direction == Direction(c.previous, c.current) && direction != ChangeDirection.Unchanged
                    && FarFrom(stated, Percent(c.previous, c.current), c.decimals)
                    && FarFrom(stated, (decimal)Math.Abs(c.current - c.previous) * 100 / c.current, c.decimals),
                () =>
                {
                    ClaimResult result = VerifyOne(Change(stated, direction, Before), Series((Now, c.current), (Before, c.previous), (YearAgo, c.yearAgo)));
                    return result.Verdict == Verdict.Fails && result.Cause == FailureCause.WrongPeriod && result.CausePeriod == YearAgo;
                });
        });
    }

    [Property(MaxTest = 300)]
    public Property Verify_ChangeOfShareInPoints_IsDiagnosedAsPercentagePoints()
    {
        var cases = from wholeThen in Count from wholeNow in Count from a in Gen.Choose(0, 1000) from b in Gen.Choose(0, 1000) from decimals in Decimals
                    select (wholeThen, wholeNow, then: Math.Max(1, wholeThen * a / 1000), now: Math.Max(1, wholeNow * b / 1000), decimals);
        return Prop.ForAll(cases.ToArbitrary(), c =>
        {
            var points = PercentagePointChange.Between(Share.Of(c.then, c.wholeThen), Share.Of(c.now, c.wholeNow));
            decimal stated = Math.Abs(points.ToPoints(c.decimals, RoundingRule.TowardZero)!.Value);
            ChangeDirection direction = Direction(c.then, c.now);
            return Prop.When(
                points.Direction == direction && direction != ChangeDirection.Unchanged
                    && FarFrom(stated, Percent(c.then, c.now), c.decimals)
                    && FarFrom(stated, (decimal)Math.Abs(c.now - c.then) * 100 / c.now, c.decimals),
                () =>
                {
                    FigureTable figures = new FigureTableBuilder()
                        .Add(Metric.Consultations, Now, c.now, DjpkChannels.WhatsApp).Add(Metric.Consultations, Before, c.then, DjpkChannels.WhatsApp)
                        .Add(Metric.Consultations, Now, c.wholeNow).Add(Metric.Consultations, Before, c.wholeThen).Build();
                    ClaimResult result = VerifyOne(Change(stated, direction, Before), figures);
                    return result.Verdict == Verdict.Fails && result.Cause == FailureCause.PercentagePointsAsPercent;
                });
        });
    }

    [Property(MaxTest = 300)]
    public Property Verify_ValueRoundedTheWrongWay_IsDiagnosedAsRoundingBeyondThePrecision()
    {
        var cases = from previous in Count from current in Count from decimals in Decimals select (previous, current, decimals);
        return Prop.ForAll(cases.ToArbitrary(), c =>
        {
            decimal exact = Math.Abs(Percent(c.previous, c.current));
            decimal unit = Unit(c.decimals);
            decimal truncated = Math.Abs(PercentChange.Between(c.previous, c.current).ToPercent(c.decimals, RoundingRule.TowardZero)!.Value);
            decimal fraction = (exact - truncated) / unit;
            decimal stated = truncated + unit; // rounded up although below the midpoint: no rule at this precision gives it
            return Prop.When(
                fraction > 0m && fraction < 0.5m && FarFrom(stated, (decimal)Math.Abs(c.current - c.previous) * 100 / c.current, c.decimals),
                () =>
                {
                    ClaimResult result = VerifyOne(Change(stated, Direction(c.previous, c.current), Before), Series((Now, c.current), (Before, c.previous)));
                    return result.Verdict == Verdict.Fails && result.Cause == FailureCause.RoundingBeyondPrecision && result.HoldsUnder.IsEmpty;
                });
        });
    }

    [Property(MaxTest = 300)]
    public Property Verify_OppositeDirection_IsDiagnosedAsTheWrongDirection()
    {
        var cases = from previous in Count from current in Count from decimals in Decimals from valued in ArbMap.Default.GeneratorFor<bool>()
                    select (previous, current, decimals, valued);
        return Prop.ForAll(cases.ToArbitrary(), c => Prop.When(c.previous != c.current, () =>
        {
            ChangeDirection wrong = c.current > c.previous ? ChangeDirection.Decrease : ChangeDirection.Increase;
            decimal stated = Math.Abs(PercentChange.Between(c.previous, c.current).ToPercent(c.decimals, RoundingRule.TowardZero)!.Value);
            Claim claim = c.valued
                ? Change(stated, wrong, Before)
                : new Claim("c", Metric.Consultations, Now, ClaimKind.Direction, direction: wrong, against: Before, channel: DjpkChannels.WhatsApp);
            ClaimResult result = VerifyOne(claim, Series((Now, c.current), (Before, c.previous)));
            return result.Verdict == Verdict.Fails && result.Cause == FailureCause.WrongDirection;
        }));
    }

    [Property(MaxTest = 300)]
    public Property Verify_ShareOfPartsThatDoNotSumToTheTotal_IsDiagnosedAsSuch()
    {
        var cases = from parts in Gen.ArrayOf(Gen.Choose(1, 10_000).Select(i => (long)i)).Where(p => p.Length is >= 2 and <= 5)
                    from shift in Gen.Choose(-50, 100) from decimals in Decimals
                    select (parts, shift, decimals);
        return Prop.ForAll(cases.ToArbitrary(), c =>
        {
            long sum = c.parts.Sum();
            long total = sum + (sum * c.shift / 100);
            decimal stated = ClaimVerifier.Quotient(c.parts[0], sum, 100, c.decimals, RoundingRule.TowardZero);
            return Prop.When(total >= c.parts[0] && total != sum && FarFrom(stated, (decimal)c.parts[0] * 100 / total, c.decimals), () =>
            {
                Channel[] channels = [DjpkChannels.WhatsApp, DjpkChannels.Phone, DjpkChannels.Email, DjpkChannels.HaiKemenkeu, DjpkChannels.LiveChat];
                var builder = new FigureTableBuilder().Add(Metric.Consultations, Now, total);
                for (int i = 0; i < c.parts.Length; i++)
                {
                    builder.Add(Metric.Consultations, Now, c.parts[i], channels[i]);
                }

                var claim = new Claim("share", Metric.Consultations, Now, ClaimKind.Share, stated, channel: channels[0]);
                ClaimResult result = VerifyOne(claim, builder.Build());
                return result.Verdict == Verdict.Fails && result.Cause == FailureCause.PartsNotSummingToTotal;
            });
        });
    }

    [Property(MaxTest = 300)]
    public Property Verify_ClaimRoundedUnderOneRule_ReportsEveryRuleItHoldsAndFailsUnder()
    {
        var cases = from previous in Count from current in Count from decimals in Decimals from rule in Gen.Elements(Rules)
                    select (previous, current, decimals, rule);
        return Prop.ForAll(cases.ToArbitrary(), c => Prop.When(c.previous != c.current, () =>
        {
            PercentChange change = PercentChange.Between(c.previous, c.current);
            decimal stated = Math.Abs(change.ToPercent(c.decimals, c.rule)!.Value);
            ClaimResult result = VerifyOne(Change(stated, change.Direction, Before), Series((Now, c.current), (Before, c.previous)));
            return result.Verdict == Verdict.Holds
                && result.HoldsUnder.Contains(Rounding.ToRoundingConvention(c.rule))
                && Rules.All(r => result.HoldsUnder.Contains(Rounding.ToRoundingConvention(r)) == (Math.Abs(change.ToPercent(c.decimals, r)!.Value) == stated))
                && result.HoldsUnder.Length + result.FailsUnder.Length == 3;
        }));
    }

    [Fact]
    public void Verify_ClaimRoundedAgainstItsGroupsConvention_FailsAsInconsistentRoundingAndReportsBothRules()
    {
        Claim[] claims =
        [
            Change(44m, ChangeDirection.Increase, Before, "phone", DjpkChannels.Phone),          // 103 → 149: 44,66 truncated
            Change(16m, ChangeDirection.Increase, YearAgo, "hai", DjpkChannels.HaiKemenkeu),     // 48 → 56: 16,67 truncated
            Change(13m, ChangeDirection.Increase, Before, "whatsapp", DjpkChannels.WhatsApp),    // 988 → 1118: 13,16
            Change(47m, ChangeDirection.Increase, Before, "email", DjpkChannels.Email),          // 86 → 126: 46,51 rounded half up
        ];
        FigureTable figures = new FigureTableBuilder()
            .Add(Metric.Consultations, Now, 149, DjpkChannels.Phone).Add(Metric.Consultations, Before, 103, DjpkChannels.Phone)
            .Add(Metric.Consultations, Now, 56, DjpkChannels.HaiKemenkeu).Add(Metric.Consultations, YearAgo, 48, DjpkChannels.HaiKemenkeu)
            .Add(Metric.Consultations, Now, 1118, DjpkChannels.WhatsApp).Add(Metric.Consultations, Before, 988, DjpkChannels.WhatsApp)
            .Add(Metric.Consultations, Now, 126, DjpkChannels.Email).Add(Metric.Consultations, Before, 86, DjpkChannels.Email).Build();

        VerificationReport report = ClaimVerifier.Verify(claims, figures);
        ClaimResult email = report["email"];

        Assert.Equal(RoundingConvention.TowardZero, report.Conventions.Single().Chosen);
        Assert.Equal(Verdict.Fails, email.Verdict);
        Assert.Equal(FailureCause.InconsistentRounding, email.Cause);
        Assert.Equal([RoundingConvention.HalfAwayFromZero, RoundingConvention.HalfToEven], email.HoldsUnder.ToArray());
        Assert.Equal([RoundingConvention.TowardZero], email.FailsUnder.ToArray());
        Assert.Contains("holds under HalfAwayFromZero, HalfToEven; fails under TowardZero (46)", report.Render(Djpk.Metrics.Formatting.ReportLanguage.English), StringComparison.Ordinal);
    }

    [Fact]
    public void Verify_GivenConvention_OverridesTheInference()
    {
        ClaimResult result = ClaimVerifier.Verify(
            [Change(45m, ChangeDirection.Increase, Before)],
            Series((Now, 149), (Before, 103)),
            new Dictionary<ClaimGroup, RoundingConvention> { [ClaimGroup.Changes] = RoundingConvention.TowardZero }).Results[0];

        Assert.Equal(Verdict.Fails, result.Verdict);
        Assert.Equal(FailureCause.InconsistentRounding, result.Cause);
    }

    [Theory]
    [InlineData(20, true)]
    [InlineData(21, true)]
    [InlineData(22, true)]
    [InlineData(23, false)]
    [InlineData(19, false)]
    public void Verify_ApproximateChange_ToleratesOneUnitOfTheLastStatedDigit(int stated, bool holds)
    {
        var claim = new Claim("c", Metric.WebsiteVisits, Now, ClaimKind.PercentChange, stated, ChangeDirection.Decrease, YearAgo, isApproximate: true);
        FigureTable figures = new FigureTableBuilder().Add(Metric.WebsiteVisits, Now, 79).Add(Metric.WebsiteVisits, YearAgo, 100).Build();

        Assert.Equal(holds ? Verdict.Holds : Verdict.Fails, VerifyOne(claim, figures).Verdict);
    }

    [Theory]
    [InlineData(18000, true)]
    [InlineData(19000, true)]
    [InlineData(17000, false)]
    public void Verify_ApproximateTotal_ToleratesOneUnitOfItsLastNonZeroDigit(int stated, bool holds)
    {
        var claim = new Claim("t", Metric.Consultations, ReportingPeriod.OfYear(2023), ClaimKind.Total, stated, isApproximate: true);
        FigureTable figures = new FigureTableBuilder().Add(Metric.Consultations, ReportingPeriod.OfYear(2023), 18008).Build();

        Assert.Equal(holds ? Verdict.Holds : Verdict.Fails, VerifyOne(claim, figures).Verdict);
    }

    [Fact]
    public void Verify_TotalStatedAsTheSumOfItsParts_IsDiagnosedAsPartsNotSumming()
    {
        var claim = new Claim("t", Metric.Consultations, Now, ClaimKind.Total, 1470m);
        FigureTable figures = new FigureTableBuilder().Add(Metric.Consultations, Now, 1469)
            .Add(Metric.Consultations, Now, 1400, DjpkChannels.WhatsApp).Add(Metric.Consultations, Now, 70, DjpkChannels.Phone).Build();

        ClaimResult result = VerifyOne(claim, figures);

        Assert.Equal((Verdict.Fails, FailureCause.PartsNotSummingToTotal), (result.Verdict, result.Cause));
    }

    [Fact]
    public void Verify_MissingFigure_IsUnverifiableNeverAFailure()
    {
        ClaimResult result = VerifyOne(Change(99m, ChangeDirection.Decrease, Before), Series((Now, 5)));

        Assert.Equal(Verdict.Unverifiable, result.Verdict);
        Assert.Equal(FailureCause.None, result.Cause);
        Assert.Equal([new FigureKey(Metric.Consultations, Before, DjpkChannels.WhatsApp)], result.Missing.ToArray());
    }

    [Fact]
    public void Verify_ChangeFromZero_HoldsAsADirectionButNotAsAPercentage()
    {
        FigureTable figures = Series((Now, 20), (Before, 0));
        var direction = new Claim("d", Metric.Consultations, Now, ClaimKind.Direction, direction: ChangeDirection.Increase, against: Before, channel: DjpkChannels.WhatsApp);

        Assert.Equal(Verdict.Holds, VerifyOne(direction, figures).Verdict);
        Assert.Equal(Verdict.Fails, VerifyOne(Change(100m, ChangeDirection.Increase, Before), figures).Verdict);
    }

    [Fact]
    public void Verify_DuplicateIds_Throws() =>
        Assert.Throws<ArgumentException>(() => ClaimVerifier.Verify([Change(1m, ChangeDirection.Increase, Before), Change(2m, ChangeDirection.Increase, Before)], FigureTable.Empty));

    [Fact]
    public void Claim_DirectionClaimWithAValue_Throws() =>
        Assert.Throws<ArgumentException>(() => new Claim("d", Metric.Consultations, Now, ClaimKind.Direction, 5m, ChangeDirection.Increase, Before));

    private static ClaimResult VerifyOne(Claim claim, FigureTable figures) => ClaimVerifier.Verify([claim], figures).Results[0];

    private static Claim Change(decimal stated, ChangeDirection direction, ReportingPeriod against, string id = "c", Channel? channel = null) =>
        new(id, Metric.Consultations, Now, ClaimKind.PercentChange, stated, direction, against, channel ?? DjpkChannels.WhatsApp);

    private static FigureTable Series(params (ReportingPeriod Period, long Count)[] figures)
    {
        var builder = new FigureTableBuilder();
        foreach ((ReportingPeriod period, long count) in figures)
        {
            builder.Add(Metric.Consultations, period, count, DjpkChannels.WhatsApp);
        }

        return builder.Build();
    }

    private static decimal Percent(long previous, long current) => PercentChange.Between(previous, current).Percent!.Value;

    private static ChangeDirection Direction(long previous, long current) => PercentChange.Between(previous, current).Direction;

    private static decimal Unit(int decimals) => decimals switch { 0 => 1m, 1 => 0.1m, _ => 0.01m };

    // No rounding of 'exact' at this precision can give 'stated', and 'stated' is not within one unit of it.
    private static bool FarFrom(decimal stated, decimal exact, int decimals) => Math.Abs(stated - Math.Abs(exact)) >= Unit(decimals);
}
