using System.Collections.Immutable;
using Djpk.Metrics.Comparison;
using Djpk.Metrics.Periods;

namespace Djpk.Metrics.Verification;

/// <summary>Checks a report's claims against the data: a verdict per claim, the rounding convention of each group, and the additive identities of the figures.</summary>
/// <remarks>
/// <para>Each claim is recomputed exactly from the figures and rounded at its stated precision under every convention
/// (<see cref="RoundingConvention"/>). The convention of each <see cref="ClaimGroup"/> is inferred from its claims (the one
/// that explains the most; see <see cref="ConventionInference"/>) unless given, and each claim is judged under its group's
/// convention. A failure is diagnosed by trying the causes of <see cref="FailureCause"/> in order.</para>
/// <para>A claim that needs a figure the table lacks is <see cref="Verdict.Unverifiable"/>, never a failure, unless its sentence
/// states that figure (<see cref="Claim.StatedCurrent"/>, <see cref="Claim.StatedPrevious"/>, <see cref="Claim.StatedWhole"/>):
/// then the stated figure is used. A stated figure the table has too must equal it, or the claim fails with
/// <see cref="FailureCause.StatedFigureDiffers"/>.</para>
/// <para>Under <see cref="RoundingConvention.LargestRemainder"/>, a part tied with another for the last unit (equal remainders
/// and counts) may have been given the unit or not, by the report's order of its parts: either allocation holds.</para>
/// <para>A segment's share is of the sum of the segments' figures, the denominator the monthly report declares: a user who
/// consulted as two segments counts in both, so the shares add up to 100 even when the segments do not partition the users.</para>
/// </remarks>
public static class ClaimVerifier
{
    private static readonly RoundingRule[] Rules = [RoundingRule.HalfAwayFromZero, RoundingRule.HalfToEven, RoundingRule.TowardZero];

    /// <summary>Verifies claims against figures.</summary>
    /// <param name="claims">The claims, such as those of <see cref="ClaimExtractor.Extract"/> or <see cref="PublishedReportJson.ReadClaims(string)"/>.</param>
    /// <param name="figures">The data.</param>
    /// <param name="conventions">The rounding convention of some groups, when known; the others are inferred from the claims.</param>
    /// <returns>The verdicts (in the order of <paramref name="claims"/>), the conventions and the reconciliation of the figures.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="claims"/> or <paramref name="figures"/> is <see langword="null"/>, or a claim is.</exception>
    /// <exception cref="ArgumentException">Two claims have the same id, or a given convention does not fit its group (largest remainder outside shares).</exception>
    public static VerificationReport Verify(IEnumerable<Claim> claims, FigureTable figures, IReadOnlyDictionary<ClaimGroup, RoundingConvention>? conventions = null)
    {
        ArgumentNullException.ThrowIfNull(claims);
        ArgumentNullException.ThrowIfNull(figures);
        Claim[] list = [.. claims];
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (Claim claim in list)
        {
            ArgumentNullException.ThrowIfNull(claim, nameof(claims));
            if (!ids.Add(claim.Id))
            {
                throw new ArgumentException($"Every claim needs its own id; '{claim.Id}' appears twice.", nameof(claims));
            }
        }

        if (conventions is not null)
        {
            foreach ((ClaimGroup group, RoundingConvention convention) in conventions)
            {
                if (convention == RoundingConvention.LargestRemainder && !IsShareGroup(group))
                {
                    throw new ArgumentException($"Largest remainder applies to shares only, not to {group}.", nameof(conventions));
                }
            }
        }

        Evaluation[] evaluations = [.. list.Select(c => Evaluate(c, figures))];
        ImmutableArray<ConventionInference> inferences = Infer(evaluations, conventions);
        var chosen = inferences.Where(i => i.Chosen is not null).ToDictionary(i => i.Group, i => i.Chosen!.Value);
        ImmutableArray<ClaimResult> results = [.. evaluations.Select(e => Judge(e, figures, chosen.TryGetValue(e.Claim.Group, out RoundingConvention c) ? c : null))];
        ImmutableArray<ReconciliationCheck> reconciliation = Reconciler.Reconcile(figures, list, chosen);
        return new VerificationReport(results, inferences, reconciliation);
    }

    internal static bool IsShareGroup(ClaimGroup group) => group is ClaimGroup.ChannelShares or ClaimGroup.SegmentShares or ClaimGroup.OtherShares;

    internal static IEnumerable<RoundingConvention> Candidates(ClaimGroup group) => IsShareGroup(group)
        ? [RoundingConvention.LargestRemainder, RoundingConvention.HalfAwayFromZero, RoundingConvention.HalfToEven, RoundingConvention.TowardZero]
        : [RoundingConvention.HalfAwayFromZero, RoundingConvention.HalfToEven, RoundingConvention.TowardZero];

    /// <summary>Returns <paramref name="numerator"/> · <paramref name="factor"/> / <paramref name="denominator"/> rounded at <paramref name="decimals"/> under <paramref name="rule"/>.</summary>
    internal static decimal Quotient(long numerator, long denominator, long factor, int decimals, RoundingRule rule)
    {
        Int128 scaled = (Int128)numerator * factor * ExactQuotient.PowerOfTen(decimals);
        return ExactQuotient.ToDecimal(ExactQuotient.Round(scaled, (Int128)denominator, rule), decimals);
    }

    internal static decimal ExactQuotientOf(long numerator, long denominator, long factor) => (decimal)numerator * factor / denominator;

    /// <summary>Returns one unit of the claim's last stated digit: 0,1 for 13,5; 1 for 21; 1000 for an approximate count of 18.000.</summary>
    internal static decimal Unit(Claim claim)
    {
        decimal value = claim.Value ?? 0m;
        decimal unit = 1m;
        for (int i = 0; i < claim.Decimals; i++)
        {
            unit /= 10m;
        }

        if (claim.Kind == ClaimKind.Total && claim.IsApproximate && claim.Decimals == 0 && value != 0m)
        {
            while (value % (unit * 10m) == 0m)
            {
                unit *= 10m;
            }
        }

        return unit;
    }

    internal static bool Matches(decimal candidate, Claim claim)
    {
        decimal stated = claim.Value!.Value;
        decimal magnitude = Math.Abs(candidate);
        return claim.IsApproximate ? Math.Abs(magnitude - stated) <= Unit(claim) : magnitude == stated;
    }

    // A time in milliseconds against a stated time in seconds, at the coarsest unit (hour, minute, second) the stated value is a
    // whole number of: rounded to that unit under any rule, the figure must equal it (or be one unit off when approximate).
    internal static bool DurationMatches(long milliseconds, Claim claim)
    {
        decimal stated = claim.Value!.Value;
        decimal unit = stated > 0m && stated % 3600m == 0m ? 3600m : stated > 0m && stated % 60m == 0m ? 60m : 1m;
        decimal statedUnits = stated / unit;
        decimal figureUnits = milliseconds / 1000m / unit;
        return Rules.Select(r => Rounding.Round(figureUnits, 0, r))
            .Any(rounded => claim.IsApproximate ? Math.Abs(rounded - statedUnits) <= 1m : rounded == statedUnits);
    }

    private static Evaluation Evaluate(Claim claim, FigureTable figures)
    {
        var e = new Evaluation(claim);
        switch (claim.Kind)
        {
            case ClaimKind.PercentChange or ClaimKind.Direction:
                long? current = e.Need(figures, claim.Subject, claim.StatedCurrent);
                long? previous = e.Need(figures, claim.Subject.InPeriod(claim.Against!.Value), claim.StatedPrevious);
                if (current is long cur && previous is long prev)
                {
                    PercentChange change = PercentChange.Between(prev, cur);
                    e.Current = cur;
                    e.Previous = prev;
                    e.Actual = change.Direction;
                    e.Exact = change.Percent;
                    if (!change.IsDefined)
                    {
                        e.Note = "the change is from 0, so it has a direction but no percentage";
                    }

                    if (claim.Kind == ClaimKind.PercentChange)
                    {
                        bool direction = change.Direction == claim.Direction;
                        e.Outcomes = [.. Rules.Select(r => change.ToPercent(claim.Decimals, r) is decimal v
                            ? new RuleOutcome(Rounding.ToRoundingConvention(r), Math.Abs(v), direction && Matches(v, claim))
                            : new RuleOutcome(Rounding.ToRoundingConvention(r), null, false))];
                    }
                }

                break;

            case ClaimKind.PointChange:
                long? partNow = e.Need(figures, claim.Subject, claim.StatedCurrent);
                long? partThen = e.Need(figures, claim.Subject.InPeriod(claim.Against!.Value), claim.StatedPrevious);
                long? wholeNow = e.Need(figures, claim.WholeIn(claim.Period));
                long? wholeThen = e.Need(figures, claim.WholeIn(claim.Against!.Value));
                if (partNow is long pn && partThen is long pt && wholeNow is long wn && wholeThen is long wt)
                {
                    var points = PercentagePointChange.Between(Comparison.Share.Of(pt, wt), Comparison.Share.Of(pn, wn));
                    e.Current = pn;
                    e.Previous = pt;
                    e.Actual = points.Direction;
                    e.Exact = points.Points;
                    if (!points.IsDefined)
                    {
                        e.Note = "a whole is 0, so a share and its change are undefined";
                        break;
                    }

                    bool direction = points.Direction == claim.Direction;
                    e.Outcomes = [.. Rules.Select(r => new RuleOutcome(Rounding.ToRoundingConvention(r), Math.Abs(points.ToPoints(claim.Decimals, r)!.Value), direction && Matches(points.ToPoints(claim.Decimals, r)!.Value, claim)))];
                }

                break;

            case ClaimKind.Share:
                long? part = e.Need(figures, claim.Subject, claim.StatedCurrent);
                long? whole = SegmentSum(figures, claim) ?? e.Need(figures, claim.WholeIn(claim.Period), claim.StatedWhole);
                if (part is long p && whole is long w)
                {
                    e.Current = p;
                    e.Whole = w;
                    if (w == 0)
                    {
                        e.Note = "the whole is 0, so the share is undefined";
                        break;
                    }

                    e.Exact = ExactQuotientOf(p, w, 100);
                    var outcomes = Rules.Select(r => Quotient(p, w, 100, claim.Decimals, r))
                        .Select((v, i) => new RuleOutcome(Rounding.ToRoundingConvention(Rules[i]), v, Matches(v, claim))).ToList();
                    if (claim.Group != ClaimGroup.OtherShares)
                    {
                        decimal? allocated = LargestRemainderShare(figures, claim, w);
                        outcomes.Insert(0, new RuleOutcome(RoundingConvention.LargestRemainder, allocated, allocated is decimal a && Matches(a, claim)));
                    }

                    e.Outcomes = [.. outcomes];
                }

                break;

            case ClaimKind.Ratio:
                long? numerator = e.Need(figures, new FigureKey(claim.Numerator!.Value, claim.Period, claim.Channel, claim.Segment));
                long? denominator = e.Need(figures, new FigureKey(claim.Denominator!.Value, claim.Period, claim.Channel, claim.Segment));
                if (numerator is long n && denominator is long d)
                {
                    if (d == 0)
                    {
                        e.Note = "the denominator is 0, so the ratio is undefined";
                        break;
                    }

                    e.Exact = ExactQuotientOf(n, d, 1);
                    e.Outcomes = [.. Rules.Select(r => Quotient(n, d, 1, claim.Decimals, r)).Select((v, i) => new RuleOutcome(Rounding.ToRoundingConvention(Rules[i]), v, Matches(v, claim)))];
                }

                break;

            default:
                if (e.Need(figures, claim.Subject, claim.StatedCurrent) is long figure)
                {
                    e.Exact = figure;
                    e.Current = figure;
                }

                break;
        }

        return e;
    }

    // A segment's share is of the sum of the segments' figures (the report's declared denominator: a user active in two
    // segments counts in both, so the shares add up to 100); null when the table has no segment parts or the claim is not a
    // segment's share of its own metric.
    private static long? SegmentSum(FigureTable figures, Claim claim)
    {
        if (claim.Segment is null || claim.Of != claim.Metric || claim.StatedWhole is not null)
        {
            return null;
        }

        IReadOnlyList<KeyValuePair<FigureKey, long>> parts = figures.Parts(claim.Metric, claim.Period, bySegment: true);
        return parts.Any(kv => kv.Key == claim.Subject) ? parts.Sum(kv => kv.Value) : null;
    }

    // The claim's share when all parts of its whole are allocated by largest remainder; null when the known parts do not make up the whole.
    private static decimal? LargestRemainderShare(FigureTable figures, Claim claim, long whole)
    {
        if (claim.Of != claim.Metric)
        {
            return null;
        }

        IReadOnlyList<KeyValuePair<FigureKey, long>> parts = figures.Parts(claim.Metric, claim.Period, bySegment: claim.Segment is not null);
        int index = parts.Select(kv => kv.Key).ToList().IndexOf(claim.Subject);
        if (index < 0 || parts.Sum(kv => kv.Value) != whole)
        {
            return null;
        }

        // Equal parts with equal remainders tie, and the report breaks the tie by its own order of the parts, which the
        // table does not know: the part first in line gets the tied unit, last in line does not. Either is the allocation.
        long[] others = [.. parts.Where((_, i) => i != index).Select(kv => kv.Value)];
        decimal? first = ShareAllocation.LargestRemainder([parts[index].Value, .. others], claim.Decimals).Shares[0].Allocated;
        decimal? last = ShareAllocation.LargestRemainder([.. others, parts[index].Value], claim.Decimals).Shares[^1].Allocated;
        return last is decimal l && Matches(l, claim) ? last : first;
    }

    private static ImmutableArray<ConventionInference> Infer(Evaluation[] evaluations, IReadOnlyDictionary<ClaimGroup, RoundingConvention>? given)
    {
        var inferences = ImmutableArray.CreateBuilder<ConventionInference>();
        foreach (IGrouping<ClaimGroup, Evaluation> group in evaluations.Where(e => e.Claim.Group != ClaimGroup.None).GroupBy(e => e.Claim.Group).OrderBy(g => g.Key))
        {
            Evaluation[] scored = [.. group.Where(e => e.Missing.Count == 0 && !e.Claim.IsApproximate && !e.Outcomes.IsDefaultOrEmpty)];
            ConventionScore[] scores = [.. Candidates(group.Key)
                .Select(c => new ConventionScore(c, scored.Count(e => e.Outcomes.Any(o => o.Convention == c && o.Holds))))];
            ConventionScore[] ranked = [.. scores.OrderByDescending(s => s.Explained)]; // stable: ties keep the preference order
            RoundingConvention? chosen = given is not null && given.TryGetValue(group.Key, out RoundingConvention fixedConvention)
                ? fixedConvention
                : scored.Length > 0 ? ranked[0].Convention : null;
            inferences.Add(new ConventionInference(group.Key, chosen, [.. ranked], scored.Length));
        }

        return inferences.ToImmutable();
    }

    private static ClaimResult Judge(Evaluation e, FigureTable figures, RoundingConvention? convention)
    {
        Claim claim = e.Claim;
        if (e.Missing.Count > 0)
        {
            return e.Result(Verdict.Unverifiable, FailureCause.None, null);
        }

        if (e.Mismatches.Count > 0)
        {
            (FigureKey key, long stated, long data) = e.Mismatches[0];
            e.CauseValue = data;
            e.CausePeriod = key.Period;
            e.Note = string.Create(System.Globalization.CultureInfo.InvariantCulture, $"the sentence states {stated} for {key}; the data has {data}");
            return e.Result(Verdict.Fails, FailureCause.StatedFigureDiffers, null);
        }

        bool holds;
        RoundingConvention? judgedUnder = null;
        switch (claim.Kind)
        {
            case ClaimKind.Direction:
                holds = e.Actual == claim.Direction;
                break;
            case ClaimKind.Total:
                holds = Matches(e.Current!.Value, claim);
                break;
            case ClaimKind.Duration:
                holds = DurationMatches(e.Current!.Value, claim);
                break;
            default:
                RuleOutcome? outcome = convention is null ? null : e.Outcomes.Cast<RuleOutcome?>().FirstOrDefault(o => o!.Value.Convention == convention && o.Value.Value is not null);
                judgedUnder = outcome?.Convention;
                holds = outcome is RuleOutcome o ? o.Holds : e.Outcomes.Any(x => x.Holds);
                break;
        }

        if (holds)
        {
            return e.Result(Verdict.Holds, FailureCause.None, judgedUnder);
        }

        Diagnosis diagnosis = Diagnoser.Diagnose(e, figures);
        e.CauseValue = diagnosis.Value;
        e.CausePeriod = diagnosis.Period;
        return e.Result(Verdict.Fails, diagnosis.Cause, judgedUnder);
    }

    internal readonly record struct Diagnosis(FailureCause Cause, decimal? Value = null, ReportingPeriod? Period = null);

    internal sealed class Evaluation(Claim claim)
    {
        public Claim Claim { get; } = claim;

        public List<FigureKey> Missing { get; } = [];

        public List<(FigureKey Key, long Stated, long Data)> Mismatches { get; } = [];

        public long? Current { get; set; }

        public long? Previous { get; set; }

        public long? Whole { get; set; }

        public decimal? Exact { get; set; }

        public ChangeDirection? Actual { get; set; }

        public ImmutableArray<RuleOutcome> Outcomes { get; set; } = [];

        public string Note { get; set; } = string.Empty;

        public decimal? CauseValue { get; set; }

        public ReportingPeriod? CausePeriod { get; set; }

        // The figure of the table; else the one the sentence states; else missing. A stated figure that differs from the table's is recorded.
        public long? Need(FigureTable figures, FigureKey key, long? stated = null)
        {
            long? value = figures.Find(key);
            if (value is long data)
            {
                if (stated is long s && s != data)
                {
                    Mismatches.Add((key, s, data));
                }

                return data;
            }

            if (stated is not null)
            {
                return stated;
            }

            Missing.Add(key);
            return null;
        }

        public ClaimResult Result(Verdict verdict, FailureCause cause, RoundingConvention? judgedUnder) =>
            new(Claim, verdict, cause, Exact, Actual, Outcomes, judgedUnder, [.. Missing], CauseValue, CausePeriod, Note);
    }
}
