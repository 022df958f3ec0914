using Djpk.Metrics.Comparison;
using Djpk.Metrics.Periods;
using static Djpk.Metrics.Verification.ClaimVerifier;

namespace Djpk.Metrics.Verification;

/// <summary>Finds the most likely cause of a failed claim by trying the catalogue of <see cref="FailureCause"/> in order.</summary>
internal static class Diagnoser
{
    private static readonly RoundingRule[] Rules = [RoundingRule.HalfAwayFromZero, RoundingRule.HalfToEven, RoundingRule.TowardZero];

    public static Diagnosis Diagnose(Evaluation e, FigureTable figures)
    {
        Claim claim = e.Claim;
        return claim.Kind switch
        {
            ClaimKind.Direction => new Diagnosis(FailureCause.WrongDirection),
            ClaimKind.PercentChange => Change(e, figures),
            ClaimKind.Share => Share(e, figures),
            ClaimKind.Ratio => Ratio(e, figures),
            ClaimKind.PointChange => Points(e),
            ClaimKind.Duration => new Diagnosis(FailureCause.Unexplained, e.Exact),
            _ => Total(e, figures),
        };
    }

    private static Diagnosis Change(Evaluation e, FigureTable figures)
    {
        Claim claim = e.Claim;
        long current = e.Current!.Value, previous = e.Previous!.Value;
        if (e.Actual != claim.Direction)
        {
            return new Diagnosis(FailureCause.WrongDirection, e.Exact);
        }

        if (e.Outcomes.Any(o => o.Holds))
        {
            return new Diagnosis(FailureCause.InconsistentRounding, e.Exact);
        }

        long difference = Math.Abs(current - previous);
        if (current != 0 && difference != 0 && AnyRule(r => Quotient(difference, current, 100, claim.Decimals, r), claim))
        {
            return new Diagnosis(FailureCause.DividedByNewValue, ExactQuotientOf(difference, current, 100));
        }

        foreach (ReportingPeriod other in OtherPeriods(figures, claim.Subject, claim.Against!.Value))
        {
            long otherBase = figures.Find(claim.Subject.InPeriod(other))!.Value;
            PercentChange change = PercentChange.Between(otherBase, current);
            if (change.IsDefined && change.Direction == claim.Direction && AnyRule(r => change.ToPercent(claim.Decimals, r)!.Value, claim))
            {
                return new Diagnosis(FailureCause.WrongPeriod, change.Percent, other);
            }
        }

        if (!claim.Subject.IsTotal
            && figures.Find(claim.Subject.AsTotal()) is long wholeNow
            && figures.Find(claim.Subject.AsTotal().InPeriod(claim.Against!.Value)) is long wholeThen
            && current <= wholeNow && previous <= wholeThen)
        {
            var points = PercentagePointChange.Between(Comparison.Share.Of(previous, wholeThen), Comparison.Share.Of(current, wholeNow));
            if (points.IsDefined && points.Direction == claim.Direction && AnyRule(r => points.ToPoints(claim.Decimals, r)!.Value, claim))
            {
                return new Diagnosis(FailureCause.PercentagePointsAsPercent, points.Points);
            }
        }

        if (claim.Subject.IsTotal
            && SumOfParts(figures, claim.Subject) is long partsNow
            && SumOfParts(figures, claim.Subject.InPeriod(claim.Against!.Value)) is long partsThen
            && (partsNow != current || partsThen != previous))
        {
            PercentChange change = PercentChange.Between(partsThen, partsNow);
            if (change.IsDefined && change.Direction == claim.Direction && AnyRule(r => change.ToPercent(claim.Decimals, r)!.Value, claim))
            {
                return new Diagnosis(FailureCause.PartsNotSummingToTotal, change.Percent);
            }
        }

        return WithinOneUnit(e);
    }

    private static Diagnosis Share(Evaluation e, FigureTable figures)
    {
        Claim claim = e.Claim;
        if (e.Outcomes.Any(o => o.Holds))
        {
            return new Diagnosis(FailureCause.InconsistentRounding, e.Exact);
        }

        FigureKey whole = claim.WholeIn(claim.Period);
        foreach (ReportingPeriod other in OtherPeriods(figures, claim.Subject, claim.Period))
        {
            if (figures.Find(claim.Subject.InPeriod(other)) is long p && figures.Find(whole.InPeriod(other)) is long w && w != 0
                && AnyRule(r => Quotient(p, w, 100, claim.Decimals, r), claim))
            {
                return new Diagnosis(FailureCause.WrongPeriod, ExactQuotientOf(p, w, 100), other);
            }
        }

        if (e.Current is long part && e.Whole is long recorded && claim.Of == claim.Metric
            && SumOfParts(figures, claim.Subject.AsTotal(), claim.Segment is not null) is long sum && sum != recorded && sum != 0
            && AnyRule(r => Quotient(part, sum, 100, claim.Decimals, r), claim))
        {
            return new Diagnosis(FailureCause.PartsNotSummingToTotal, ExactQuotientOf(part, sum, 100));
        }

        return WithinOneUnit(e);
    }

    private static Diagnosis Points(Evaluation e)
    {
        if (e.Actual != e.Claim.Direction)
        {
            return new Diagnosis(FailureCause.WrongDirection, e.Exact);
        }

        return e.Outcomes.Any(o => o.Holds) ? new Diagnosis(FailureCause.InconsistentRounding, e.Exact) : WithinOneUnit(e);
    }

    private static Diagnosis Ratio(Evaluation e, FigureTable figures)
    {
        Claim claim = e.Claim;
        if (e.Outcomes.Any(o => o.Holds))
        {
            return new Diagnosis(FailureCause.InconsistentRounding, e.Exact);
        }

        var numerator = new FigureKey(claim.Numerator!.Value, claim.Period, claim.Channel, claim.Segment);
        var denominator = new FigureKey(claim.Denominator!.Value, claim.Period, claim.Channel, claim.Segment);
        foreach (ReportingPeriod other in OtherPeriods(figures, numerator, claim.Period))
        {
            if (figures.Find(numerator.InPeriod(other)) is long n && figures.Find(denominator.InPeriod(other)) is long d && d != 0
                && AnyRule(r => Quotient(n, d, 1, claim.Decimals, r), claim))
            {
                return new Diagnosis(FailureCause.WrongPeriod, ExactQuotientOf(n, d, 1), other);
            }
        }

        return WithinOneUnit(e);
    }

    private static Diagnosis Total(Evaluation e, FigureTable figures)
    {
        Claim claim = e.Claim;
        foreach (ReportingPeriod other in OtherPeriods(figures, claim.Subject, claim.Period))
        {
            long figure = figures.Find(claim.Subject.InPeriod(other))!.Value;
            if (Matches(figure, claim))
            {
                return new Diagnosis(FailureCause.WrongPeriod, figure, other);
            }
        }

        if (claim.Subject.IsTotal && SumOfParts(figures, claim.Subject) is long sum && sum != e.Current && Matches(sum, claim))
        {
            return new Diagnosis(FailureCause.PartsNotSummingToTotal, sum);
        }

        return new Diagnosis(FailureCause.Unexplained);
    }

    private static Diagnosis WithinOneUnit(Evaluation e)
    {
        Claim claim = e.Claim;
        if (e.Exact is decimal exact)
        {
            decimal reach = Unit(claim) * (claim.IsApproximate ? 2m : 1m);
            if (Math.Abs(Math.Abs(exact) - claim.Value!.Value) < reach)
            {
                return new Diagnosis(FailureCause.RoundingBeyondPrecision, exact);
            }
        }

        return new Diagnosis(FailureCause.Unexplained);
    }

    private static bool AnyRule(Func<RoundingRule, decimal> value, Claim claim) => Rules.Any(r => Matches(value(r), claim));

    // Other periods of the same series the table has, nearest to the expected one first, with the period before and the same period a year before leading.
    private static IEnumerable<ReportingPeriod> OtherPeriods(FigureTable figures, FigureKey subject, ReportingPeriod expected)
    {
        ReportingPeriod[] periods = [.. figures.Keys
            .Where(k => k.Metric == subject.Metric && k.Channel == subject.Channel && k.Segment == subject.Segment
                && k.Period.Grain == subject.Period.Grain && k.Period != subject.Period && k.Period != expected)
            .Select(k => k.Period)];
        ReportingPeriod?[] first = [Safe(() => subject.Period.Previous()), Safe(() => subject.Period.SameLastYear())];
        return periods
            .OrderBy(p => Array.IndexOf(first, p) is int i && i >= 0 ? i : 2)
            .ThenBy(p => Math.Abs((p.Start.ToDateOnly().DayNumber) - expected.Start.ToDateOnly().DayNumber))
            .ThenBy(p => p);
    }

    private static ReportingPeriod? Safe(Func<ReportingPeriod> period)
    {
        try
        {
            return period();
        }
        catch (ArgumentOutOfRangeException)
        {
            return null;
        }
    }

    private static long? SumOfParts(FigureTable figures, FigureKey total, bool bySegment = false)
    {
        IReadOnlyList<KeyValuePair<FigureKey, long>> parts = figures.Parts(total.Metric, total.Period, bySegment);
        return parts.Count == 0 ? null : parts.Sum(kv => kv.Value);
    }
}
