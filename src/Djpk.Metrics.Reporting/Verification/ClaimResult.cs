using System.Collections.Immutable;
using Djpk.Metrics.Comparison;
using Djpk.Metrics.Periods;

namespace Djpk.Metrics.Verification;

/// <summary>The verdict on one claim, with the exact recomputed value, its value under every rounding convention and, for a failure, the most likely cause.</summary>
/// <remarks>Immutable. The exact value is signed for a change (−11,888…% for 143 → 126) while the stated value is a magnitude.</remarks>
public sealed class ClaimResult
{
    internal ClaimResult(
        Claim claim,
        Verdict verdict,
        FailureCause cause,
        decimal? exact,
        ChangeDirection? actualDirection,
        ImmutableArray<RuleOutcome> outcomes,
        RoundingConvention? judgedUnder,
        ImmutableArray<FigureKey> missing,
        decimal? causeValue,
        ReportingPeriod? causePeriod,
        string note)
    {
        Claim = claim;
        Verdict = verdict;
        Cause = cause;
        Exact = exact;
        ActualDirection = actualDirection;
        Outcomes = outcomes;
        JudgedUnder = judgedUnder;
        Missing = missing;
        CauseValue = causeValue;
        CausePeriod = causePeriod;
        Note = note;
    }

    /// <summary>Gets the claim.</summary>
    public Claim Claim { get; }

    /// <summary>Gets the verdict.</summary>
    public Verdict Verdict { get; }

    /// <summary>Gets the most likely cause of a failure; <see cref="FailureCause.None"/> unless <see cref="Verdict"/> is <see cref="Verdict.Fails"/>.</summary>
    public FailureCause Cause { get; }

    /// <summary>Gets the exact recomputed value: the signed percent change, the share in percent, the ratio or the figure; <see langword="null"/> when unverifiable or undefined (a change from 0).</summary>
    public decimal? Exact { get; }

    /// <summary>Gets, for a change or direction claim, the direction of the data.</summary>
    public ChangeDirection? ActualDirection { get; }

    /// <summary>Gets the value under every rounding convention at the stated precision, and whether the claim holds under it; empty for directions and totals.</summary>
    public ImmutableArray<RuleOutcome> Outcomes { get; }

    /// <summary>Gets the convention the verdict was reached under (the group's); <see langword="null"/> when none applies or none could be inferred (then any convention suffices).</summary>
    public RoundingConvention? JudgedUnder { get; }

    /// <summary>Gets the conventions under which the claim holds.</summary>
    public ImmutableArray<RoundingConvention> HoldsUnder => [.. Outcomes.Where(o => o.Holds).Select(o => o.Convention)];

    /// <summary>Gets the conventions under which the claim fails.</summary>
    public ImmutableArray<RoundingConvention> FailsUnder => [.. Outcomes.Where(o => !o.Holds).Select(o => o.Convention)];

    /// <summary>Gets the figures the claim needs that the data lacks; non-empty exactly when <see cref="Verdict"/> is <see cref="Verdict.Unverifiable"/>.</summary>
    public ImmutableArray<FigureKey> Missing { get; }

    /// <summary>Gets, for a diagnosed failure, the unrounded value the cause reproduces (17 / 126 = 13,49…% for e-mail); otherwise <see langword="null"/>.</summary>
    public decimal? CauseValue { get; }

    /// <summary>Gets, for <see cref="FailureCause.WrongPeriod"/>, the period whose figures reproduce the stated value.</summary>
    public ReportingPeriod? CausePeriod { get; }

    /// <summary>Gets an invariant note on the verdict, such as the reason a change is undefined; empty when there is none.</summary>
    public string Note { get; }

    /// <summary>Returns the invariant form, such as <c>email-mom: Fails (DividedByNewValue)</c>.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => Cause == FailureCause.None ? $"{Claim.Id}: {Verdict}" : $"{Claim.Id}: {Verdict} ({Cause})";
}
