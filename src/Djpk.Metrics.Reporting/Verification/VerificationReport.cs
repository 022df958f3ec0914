using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using Djpk.Metrics.Comparison;
using Djpk.Metrics.Reporting;

using Djpk.Metrics.Formatting;
namespace Djpk.Metrics.Verification;

/// <summary>The outcome of <see cref="ClaimVerifier.Verify"/>: a result per claim, the inferred rounding conventions and the reconciliation of the figures.</summary>
/// <remarks>Immutable. <see cref="Render"/> gives the text a user reads: one line per claim, then the conventions, then the reconciliation.</remarks>
public sealed class VerificationReport
{
    internal VerificationReport(ImmutableArray<ClaimResult> results, ImmutableArray<ConventionInference> conventions, ImmutableArray<ReconciliationCheck> reconciliation)
    {
        Results = results;
        Conventions = conventions;
        Reconciliation = reconciliation;
    }

    /// <summary>Gets the result of every claim, in the order the claims were given.</summary>
    public ImmutableArray<ClaimResult> Results { get; }

    /// <summary>Gets the rounding convention of every group that has claims.</summary>
    public ImmutableArray<ConventionInference> Conventions { get; }

    /// <summary>Gets the additive checks of the figures and of the shares.</summary>
    public ImmutableArray<ReconciliationCheck> Reconciliation { get; }

    /// <summary>Gets the number of claims that hold.</summary>
    public int HoldCount => Results.Count(r => r.Verdict == Verdict.Holds);

    /// <summary>Gets the number of claims that fail.</summary>
    public int FailCount => Results.Count(r => r.Verdict == Verdict.Fails);

    /// <summary>Gets the number of claims that cannot be verified.</summary>
    public int UnverifiableCount => Results.Count(r => r.Verdict == Verdict.Unverifiable);

    /// <summary>Returns the result of the claim with the given id.</summary>
    /// <param name="id">The claim's id.</param>
    /// <returns>The result.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="id"/> is <see langword="null"/>.</exception>
    /// <exception cref="KeyNotFoundException">No claim has the id.</exception>
    public ClaimResult this[string id]
    {
        get
        {
            ArgumentNullException.ThrowIfNull(id);
            foreach (ClaimResult result in Results)
            {
                if (result.Claim.Id == id)
                {
                    return result;
                }
            }

            throw new KeyNotFoundException($"No claim has the id '{id}'.");
        }
    }

    /// <summary>Renders the report as text: one line per claim (id, verdict, values, cause), then the inferred conventions and the reconciliation.</summary>
    /// <remarks>The words are English; numbers are written by <see cref="ReportFormatter.For"/> in <paramref name="language"/> ("13,5%" or "13.5%"), the same on every host.</remarks>
    /// <param name="language">The language of the numbers.</param>
    /// <returns>The text, lines separated by '\n'.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="language"/> is not defined.</exception>
    public string Render(ReportLanguage language)
    {
        ReportFormatter f = ReportFormatter.For(language);
        var text = new StringBuilder();
        text.Append(Invariant($"Claims: {Results.Length}; {HoldCount} hold, {FailCount} fail, {UnverifiableCount} unverifiable\n"));
        int width = Results.IsEmpty ? 0 : Results.Max(r => r.Claim.Id.Length);
        foreach (ClaimResult result in Results)
        {
            text.Append(result.Claim.Id.PadRight(width)).Append("  ")
                .Append(VerdictWord(result.Verdict).PadRight(12)).Append("  ")
                .Append(DescribeResult(result, f)).Append('\n');
        }

        text.Append("Conventions\n");
        foreach (ConventionInference inference in Conventions)
        {
            text.Append("  ").Append(DescribeInference(inference)).Append('\n');
        }

        text.Append("Reconciliation\n");
        foreach (ReconciliationCheck check in Reconciliation)
        {
            text.Append("  ").Append(DescribeCheck(check, f)).Append('\n');
        }

        return text.ToString();
    }

    /// <summary>Returns a one-line invariant summary, such as <c>21 claims: 19 hold, 1 fail, 1 unverifiable</c>.</summary>
    /// <returns>The summary.</returns>
    public override string ToString() => Invariant($"{Results.Length} claims: {HoldCount} hold, {FailCount} fail, {UnverifiableCount} unverifiable");

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    private static string VerdictWord(Verdict verdict) => verdict switch
    {
        Verdict.Holds => "holds",
        Verdict.Fails => "FAILS",
        _ => "unverifiable",
    };

    private static string DescribeResult(ClaimResult result, ReportFormatter f)
    {
        Claim claim = result.Claim;
        var text = new StringBuilder();
        text.Append(claim.Subject.ToString());
        if (claim.Against is { } against)
        {
            text.Append(" vs ").Append(against.ToString());
        }

        text.Append(": stated ").Append(Stated(claim, f));
        if (result.Verdict == Verdict.Unverifiable)
        {
            return text.Append("; missing ").AppendJoin(", ", result.Missing.Select(k => k.ToString())).ToString();
        }

        text.Append("; exact ").Append(Exact(result, f));
        if (!result.Outcomes.IsEmpty)
        {
            string[] holds = [.. result.Outcomes.Where(o => o.Holds).Select(o => o.Convention.ToString())];
            string[] fails = [.. result.Outcomes.Where(o => !o.Holds).Select(o => o.Value is decimal v ? Invariant($"{o.Convention} ({f.FormatNumber(v)})") : Invariant($"{o.Convention} (n/a)"))];
            if (holds.Length > 0)
            {
                text.Append("; holds under ").AppendJoin(", ", holds);
            }

            if (fails.Length > 0)
            {
                text.Append("; fails under ").AppendJoin(", ", fails);
            }

            if (result.JudgedUnder is RoundingConvention judged)
            {
                text.Append("; judged under ").Append(judged.ToString());
            }
        }

        if (result.Note.Length > 0)
        {
            text.Append("; ").Append(result.Note);
        }

        if (result.Verdict == Verdict.Fails)
        {
            text.Append("; cause: ").Append(DescribeCause(result, f));
        }

        return text.ToString();
    }

    private static string Stated(Claim claim, ReportFormatter f)
    {
        string approximately = claim.IsApproximate ? "about " : string.Empty;
        string direction = claim.Direction is ChangeDirection d ? f.FormatDirection(d) : string.Empty;
        return claim.Kind switch
        {
            ClaimKind.Direction => direction,
            ClaimKind.PercentChange => direction + " " + approximately + f.FormatPercent(claim.Value!.Value),
            ClaimKind.Share => approximately + f.FormatPercent(claim.Value!.Value) + " of " + claim.Of!.Value.ToString(),
            _ => approximately + f.FormatNumber(claim.Value!.Value),
        };
    }

    private static string Exact(ClaimResult result, ReportFormatter f)
    {
        Claim claim = result.Claim;
        if (claim.Kind is ClaimKind.PercentChange or ClaimKind.Direction)
        {
            string direction = f.FormatDirection(result.ActualDirection!.Value);
            return result.Exact is decimal percent
                ? Signed(percent, f) + "%" + (claim.Kind == ClaimKind.Direction ? " (" + direction + ")" : string.Empty)
                : direction + " from 0";
        }

        if (result.Exact is not decimal exact)
        {
            return "undefined";
        }

        return claim.Kind == ClaimKind.Share ? Short(exact, f) + "%" : Short(exact, f);
    }

    private static string Signed(decimal value, ReportFormatter f) => (value > 0 ? "+" : string.Empty) + Short(value, f);

    // Two decimals, with "…" when more digits were dropped: 44,66…; 12; 400.
    private static string Short(decimal value, ReportFormatter f)
    {
        decimal rounded = Math.Round(value, 2, MidpointRounding.ToZero);
        return rounded == value ? f.FormatNumber(value / 1.000000000000000000000000000000000m) : f.FormatNumber(rounded) + "…";
    }

    private static string DescribeCause(ClaimResult result, ReportFormatter f)
    {
        Claim claim = result.Claim;
        string value = result.CauseValue is decimal v ? Short(Math.Abs(v), f) : string.Empty;
        return result.Cause switch
        {
            FailureCause.WrongDirection => "wrong direction: the data went " + f.FormatDirection(result.ActualDirection!.Value),
            FailureCause.InconsistentRounding => "inconsistent rounding: holds under " + string.Join(", ", result.HoldsUnder) + ", not under the group's " + result.JudgedUnder,
            FailureCause.DividedByNewValue => "divided by the new value instead of the old (" + value + "%)",
            FailureCause.WrongPeriod => "compared with the wrong period: " + result.CausePeriod + " gives " + value + (claim.Kind is ClaimKind.Share or ClaimKind.PercentChange ? "%" : string.Empty),
            FailureCause.PercentagePointsAsPercent => "percent confused with percentage points: the share moved " + f.FormatPercentagePoints(Math.Round(Math.Abs(result.CauseValue!.Value), 2, MidpointRounding.ToZero)),
            FailureCause.PartsNotSummingToTotal => "parts not summing to the total: from the sum of the parts it is " + value,
            FailureCause.RoundingBeyondPrecision => "rounding beyond the stated precision: the exact value is " + value,
            _ => "unexplained: no catalogued cause reproduces " + f.FormatNumber(claim.Value ?? 0m),
        };
    }

    private static string DescribeInference(ConventionInference inference)
    {
        string group = inference.Group switch
        {
            ClaimGroup.Changes => "changes",
            ClaimGroup.ChannelShares => "channel shares",
            ClaimGroup.SegmentShares => "segment shares",
            ClaimGroup.OtherShares => "other shares",
            ClaimGroup.Ratios => "ratios",
            _ => inference.Group.ToString(),
        };
        if (inference.Chosen is not RoundingConvention chosen)
        {
            return group + ": none inferred (no verifiable exact claim)";
        }

        int explained = inference.Scores.First(s => s.Convention == chosen).Explained;
        string others = string.Join(", ", inference.Scores.Where(s => s.Convention != chosen).Select(s => s.ToString()));
        return Invariant($"{group}: {chosen} explains {explained} of {inference.ClaimCount} ({others})");
    }

    private static string DescribeCheck(ReconciliationCheck check, ReportFormatter f)
    {
        string what = check.Kind switch
        {
            ReconciliationKind.ChannelsSumToTotal => "channels sum to the total",
            ReconciliationKind.MonthsSumToYear => "months sum to the year",
            ReconciliationKind.SegmentsSumToAll => "segments sum to all users",
            _ => Invariant($"shares sum to 100 ({check.Convention}, {check.Decimals} decimals)"),
        };
        bool shares = check.Kind == ReconciliationKind.SharesSumToHundred;
        string Number(decimal value) => shares ? f.FormatNumber(value) : f.FormatCount((long)value);
        var text = new StringBuilder(what).Append(", ").Append(check.Whole.ToString()).Append(": ");
        if (!check.Parts.IsEmpty)
        {
            text.AppendJoin(" + ", check.Parts.Select(Number)).Append(" = ").Append(Number(check.Sum));
        }

        if (check.Holds is bool holds)
        {
            text.Append(holds ? " = " : " vs ").Append(Number(check.Expected!.Value)).Append(holds ? ": holds" : ": off by " + Number(check.Difference!.Value));
        }
        else
        {
            text.Append(check.Expected is decimal expected ? "; expected " + Number(expected) : string.Empty)
                .Append("; incomplete, missing ").AppendJoin(", ", check.Missing.Take(12));
        }

        return text.ToString();
    }
}
