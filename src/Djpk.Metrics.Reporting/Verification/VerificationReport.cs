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
    /// <remarks>The words and the numbers are in <paramref name="language"/> (Indonesian: "benar", "SALAH", "13,5%"; English: "holds", "FAILS", "13.5%"), the same on every host. Ids, figure keys and convention names are invariant.</remarks>
    /// <param name="language">The language of the words and numbers.</param>
    /// <returns>The text, lines separated by '\n'.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="language"/> is not defined.</exception>
    public string Render(ReportLanguage language)
    {
        ReportFormatter f = ReportFormatter.For(language);
        var text = new StringBuilder();
        text.Append(In(f,
            Invariant($"Claims: {Results.Length}; {HoldCount} hold, {FailCount} fail, {UnverifiableCount} unverifiable\n"),
            Invariant($"Klaim: {Results.Length}; {HoldCount} benar, {FailCount} salah, {UnverifiableCount} tidak dapat diperiksa\n")));
        int width = Results.IsEmpty ? 0 : Results.Max(r => r.Claim.Id.Length);
        int verdictWidth = f.Language == ReportLanguage.Indonesian ? 22 : 12;
        foreach (ClaimResult result in Results)
        {
            text.Append(result.Claim.Id.PadRight(width)).Append("  ")
                .Append(VerdictWord(result.Verdict, f).PadRight(verdictWidth)).Append("  ")
                .Append(DescribeResult(result, f)).Append('\n');
        }

        text.Append(In(f, "Conventions\n", "Konvensi pembulatan\n"));
        foreach (ConventionInference inference in Conventions)
        {
            text.Append("  ").Append(DescribeInference(inference, f)).Append('\n');
        }

        text.Append(In(f, "Reconciliation\n", "Rekonsiliasi\n"));
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

    private static string In(ReportFormatter f, string english, string indonesian) =>
        f.Language == ReportLanguage.Indonesian ? indonesian : english;

    private static string VerdictWord(Verdict verdict, ReportFormatter f) => verdict switch
    {
        Verdict.Holds => In(f, "holds", "benar"),
        Verdict.Fails => In(f, "FAILS", "SALAH"),
        _ => In(f, "unverifiable", "tidak dapat diperiksa"),
    };

    private static string DescribeResult(ClaimResult result, ReportFormatter f)
    {
        Claim claim = result.Claim;
        var text = new StringBuilder();
        text.Append(claim.Subject.ToString());
        if (claim.Against is { } against)
        {
            text.Append(In(f, " vs ", " dibandingkan ")).Append(against.ToString());
        }

        text.Append(In(f, ": stated ", ": tertulis ")).Append(Stated(claim, f));
        if (result.Verdict == Verdict.Unverifiable)
        {
            return text.Append(In(f, "; missing ", "; tidak ada data ")).AppendJoin(", ", result.Missing.Select(k => k.ToString())).ToString();
        }

        text.Append(In(f, "; exact ", "; nilai tepat ")).Append(Exact(result, f));
        if (!result.Outcomes.IsEmpty)
        {
            string[] holds = [.. result.Outcomes.Where(o => o.Holds).Select(o => o.Convention.ToString())];
            string[] fails = [.. result.Outcomes.Where(o => !o.Holds).Select(o => o.Value is decimal v ? Invariant($"{o.Convention} ({f.FormatNumber(v)})") : Invariant($"{o.Convention} (n/a)"))];
            if (holds.Length > 0)
            {
                text.Append(In(f, "; holds under ", "; benar dengan ")).AppendJoin(", ", holds);
            }

            if (fails.Length > 0)
            {
                text.Append(In(f, "; fails under ", "; salah dengan ")).AppendJoin(", ", fails);
            }

            if (result.JudgedUnder is RoundingConvention judged)
            {
                text.Append(In(f, "; judged under ", "; dinilai dengan ")).Append(judged.ToString());
            }
        }

        if (result.Note.Length > 0 && result.Cause != FailureCause.StatedFigureDiffers)
        {
            text.Append("; ").Append(Note(result.Note, f));
        }

        if (result.Verdict == Verdict.Fails)
        {
            text.Append(In(f, "; cause: ", "; penyebab: ")).Append(DescribeCause(result, f));
        }

        return text.ToString();
    }

    private static string Stated(Claim claim, ReportFormatter f)
    {
        string approximately = claim.IsApproximate ? In(f, "about ", "sekitar ") : string.Empty;
        string direction = claim.Direction is ChangeDirection d ? f.FormatDirection(d) : string.Empty;
        return claim.Kind switch
        {
            ClaimKind.Direction => direction,
            ClaimKind.PercentChange => direction + " " + approximately + f.FormatPercent(claim.Value!.Value),
            ClaimKind.Share => approximately + f.FormatPercent(claim.Value!.Value) + In(f, " of ", " dari ") + claim.Of!.Value.ToString(),
            ClaimKind.PointChange => direction + " " + approximately + f.FormatPercentagePoints(claim.Value!.Value) + In(f, " (share of ", " (pangsa dari ") + claim.Of!.Value.ToString() + ")",
            _ => approximately + f.FormatNumber(claim.Value!.Value),
        };
    }

    private static string Exact(ClaimResult result, ReportFormatter f)
    {
        Claim claim = result.Claim;
        if (claim.Kind is ClaimKind.PercentChange or ClaimKind.Direction && result.ActualDirection is ChangeDirection actual)
        {
            string direction = f.FormatDirection(actual);
            return result.Exact is decimal percent
                ? Signed(percent, f) + "%" + (claim.Kind == ClaimKind.Direction ? " (" + direction + ")" : string.Empty)
                : direction + In(f, " from 0", " dari 0");
        }

        if (result.Exact is not decimal exact)
        {
            return In(f, "undefined", "tidak terdefinisi");
        }

        if (claim.Kind == ClaimKind.PointChange)
        {
            return Signed(exact, f) + In(f, " points", " poin");
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
        string percent = claim.Kind is ClaimKind.Share or ClaimKind.PercentChange ? "%" : string.Empty;
        string direction = result.ActualDirection is ChangeDirection d ? f.FormatDirection(d) : string.Empty;
        string points = result.CauseValue is decimal p ? f.FormatPercentagePoints(Math.Round(Math.Abs(p), 2, MidpointRounding.ToZero)) : string.Empty;
        (FigureKey Key, long Stated)? stated = StatedFigure(result);
        return result.Cause switch
        {
            FailureCause.WrongDirection => In(f, "wrong direction: the data went ", "arah salah: data ") + direction,
            FailureCause.InconsistentRounding => In(f, "inconsistent rounding: holds under ", "pembulatan tidak konsisten: benar dengan ") + string.Join(", ", result.HoldsUnder) + In(f, ", not under the group's ", ", bukan dengan konvensi kelompoknya ") + result.JudgedUnder,
            FailureCause.DividedByNewValue => In(f, "divided by the new value instead of the old (", "dibagi dengan nilai baru, bukan nilai lama (") + value + "%)",
            FailureCause.WrongPeriod => In(f, "compared with the wrong period: ", "dibandingkan dengan periode yang salah: ") + result.CausePeriod + In(f, " gives ", " memberi ") + value + percent,
            FailureCause.PercentagePointsAsPercent => In(f, "percent confused with percentage points: the share moved ", "persen tertukar dengan poin persentase: pangsanya berubah ") + points,
            FailureCause.PartsNotSummingToTotal => In(f, "parts not summing to the total: from the sum of the parts it is ", "bagian tidak berjumlah total: dari jumlah bagian nilainya ") + value,
            FailureCause.RoundingBeyondPrecision => In(f, "rounding beyond the stated precision: the exact value is ", "pembulatan melampaui ketelitian yang tertulis: nilai tepatnya ") + value,
            FailureCause.StatedFigureDiffers when stated is (FigureKey key, long s) => In(f, "a stated figure differs from the data: ", "angka yang tertulis berbeda dari data: ")
                + key + " " + f.FormatCount(s) + In(f, " stated, ", " tertulis, ") + f.FormatCount((long)result.CauseValue!.Value) + In(f, " in the data", " pada data"),
            _ => In(f, "unexplained: no catalogued cause reproduces ", "tidak terjelaskan: tidak ada penyebab dalam katalog yang menghasilkan ") + f.FormatNumber(claim.Value ?? 0m),
        };
    }

    private static string DescribeInference(ConventionInference inference, ReportFormatter f)
    {
        string group = inference.Group switch
        {
            ClaimGroup.Changes => In(f, "changes", "perubahan"),
            ClaimGroup.ChannelShares => In(f, "channel shares", "pangsa kanal"),
            ClaimGroup.SegmentShares => In(f, "segment shares", "pangsa segmen"),
            ClaimGroup.OtherShares => In(f, "other shares", "pangsa lain"),
            ClaimGroup.Ratios => In(f, "ratios", "rasio"),
            _ => inference.Group.ToString(),
        };
        if (inference.Chosen is not RoundingConvention chosen)
        {
            return group + In(f, ": none inferred (no verifiable exact claim)", ": tidak dapat disimpulkan (tidak ada klaim pasti yang dapat diperiksa)");
        }

        int explained = inference.Scores.First(s => s.Convention == chosen).Explained;
        string others = string.Join(", ", inference.Scores.Where(s => s.Convention != chosen).Select(s => s.ToString()));
        return f.Language == ReportLanguage.Indonesian
            ? Invariant($"{group}: {chosen} menjelaskan {explained} dari {inference.ClaimCount} ({others})")
            : Invariant($"{group}: {chosen} explains {explained} of {inference.ClaimCount} ({others})");
    }

    // The verifier's notes are English; in Indonesian each is said again in Indonesian.
    private static string Note(string note, ReportFormatter f) => f.Language != ReportLanguage.Indonesian ? note : note switch
    {
        "the change is from 0, so it has a direction but no percentage" => "perubahannya dari 0, sehingga ada arahnya tetapi tidak ada persentasenya",
        "the whole is 0, so the share is undefined" => "keseluruhannya 0, sehingga pangsanya tidak terdefinisi",
        "the denominator is 0, so the ratio is undefined" => "penyebutnya 0, sehingga rasionya tidak terdefinisi",
        "a whole is 0, so a share and its change are undefined" => "salah satu keseluruhan bernilai 0, sehingga pangsa dan perubahannya tidak terdefinisi",
        _ => note,
    };

    // The stated figure that differs from the data: the key of the cause's period, and the claim's figure stated for it.
    private static (FigureKey Key, long Stated)? StatedFigure(ClaimResult result)
    {
        Claim claim = result.Claim;
        if (result.CausePeriod is not { } period)
        {
            return null;
        }

        long? stated = period == claim.Period ? claim.StatedCurrent ?? claim.StatedWhole : claim.StatedPrevious;
        return stated is long s ? (claim.Subject.InPeriod(period), s) : null;
    }

    private static string DescribeCheck(ReconciliationCheck check, ReportFormatter f)
    {
        string what = check.Kind switch
        {
            ReconciliationKind.ChannelsSumToTotal => In(f, "channels sum to the total", "jumlah kanal sama dengan total"),
            ReconciliationKind.MonthsSumToYear => In(f, "months sum to the year", "jumlah bulan sama dengan setahun"),
            ReconciliationKind.SegmentsSumToAll => In(f, "segments sum to all users", "jumlah segmen sama dengan seluruh pengguna"),
            _ => f.Language == ReportLanguage.Indonesian
                ? Invariant($"jumlah pangsa 100 ({check.Convention}, {check.Decimals} desimal)")
                : Invariant($"shares sum to 100 ({check.Convention}, {check.Decimals} decimals)"),
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
            text.Append(holds ? " = " : In(f, " vs ", " dibandingkan ")).Append(Number(check.Expected!.Value))
                .Append(holds ? In(f, ": holds", ": benar") : In(f, ": off by ", ": selisih ") + Number(check.Difference!.Value));
        }
        else
        {
            text.Append(check.Expected is decimal expected ? In(f, "; expected ", "; seharusnya ") + Number(expected) : string.Empty)
                .Append(In(f, "; incomplete, missing ", "; tidak lengkap, tidak ada data ")).AppendJoin(", ", check.Missing.Take(12));
        }

        return text.ToString();
    }
}
