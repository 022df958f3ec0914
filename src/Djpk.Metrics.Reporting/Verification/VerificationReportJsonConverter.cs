using System.Text.Json;
using System.Text.Json.Serialization;
using Djpk.Metrics.Comparison;
using Djpk.Metrics.Periods;

namespace Djpk.Metrics.Verification;

/// <summary>Writes a <see cref="VerificationReport"/> as an object of its counts, claim results, inferred conventions and reconciliation checks.</summary>
/// <remarks>
/// <para>Immutable. Writing only. The schema:
/// <c>{"claims":21,"hold":19,"fail":1,"unverifiable":1,"results":[…],"conventions":[…],"reconciliation":[…]}</c>. Each
/// result is <c>{"id","quote","metric","kind","period","against","channel","segment","value","direction","approximate",
/// "verdict","cause","exact","actualDirection","judgedUnder","holdsUnder","failsUnder","missing","causeValue","causePeriod","note"}</c>;
/// each convention <c>{"group","chosen","claimCount","scores":[{"convention","explained"}]}</c>; each check
/// <c>{"kind","whole","parts","sum","expected","missing","convention","decimals","holds","difference"}</c>. Enums are
/// camelCase strings, periods their text ("2023-12"), figures their text ("consultations 2023-12 whatsapp"), absent
/// values <c>null</c>; decimals are exact.</para>
/// </remarks>
public sealed class VerificationReportJsonConverter : JsonConverter<VerificationReport>
{
    /// <summary>Throws: a verification report is not read back from JSON.</summary>
    /// <param name="reader">The reader.</param>
    /// <param name="typeToConvert">The type, <see cref="VerificationReport"/>.</param>
    /// <param name="options">The serializer options.</param>
    /// <returns>Never returns.</returns>
    /// <exception cref="NotSupportedException">Always: verify the claims again with <see cref="ClaimVerifier.Verify"/>.</exception>
    public override VerificationReport Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        throw new NotSupportedException("A VerificationReport is written as JSON but not read back; verify the claims again with ClaimVerifier.Verify.");

    /// <summary>Writes <paramref name="value"/>.</summary>
    /// <param name="writer">The writer.</param>
    /// <param name="value">The report.</param>
    /// <param name="options">The serializer options.</param>
    /// <exception cref="ArgumentNullException"><paramref name="writer"/> or <paramref name="value"/> is <see langword="null"/>.</exception>
    public override void Write(Utf8JsonWriter writer, VerificationReport value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(value);
        writer.WriteStartObject();
        writer.WriteNumber("claims", value.Results.Length);
        writer.WriteNumber("hold", value.HoldCount);
        writer.WriteNumber("fail", value.FailCount);
        writer.WriteNumber("unverifiable", value.UnverifiableCount);
        writer.WriteStartArray("results");
        foreach (ClaimResult result in value.Results)
        {
            WriteResult(writer, result);
        }

        writer.WriteEndArray();
        writer.WriteStartArray("conventions");
        foreach (ConventionInference inference in value.Conventions)
        {
            writer.WriteStartObject();
            writer.WriteString("group", Name(inference.Group));
            String(writer, "chosen", inference.Chosen is RoundingConvention chosen ? Name(chosen) : null);
            writer.WriteNumber("claimCount", inference.ClaimCount);
            writer.WriteStartArray("scores");
            foreach (ConventionScore score in inference.Scores)
            {
                writer.WriteStartObject();
                writer.WriteString("convention", Name(score.Convention));
                writer.WriteNumber("explained", score.Explained);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteStartArray("reconciliation");
        foreach (ReconciliationCheck check in value.Reconciliation)
        {
            writer.WriteStartObject();
            writer.WriteString("kind", Name(check.Kind));
            writer.WriteString("whole", check.Whole.ToString());
            writer.WriteStartArray("parts");
            foreach (decimal part in check.Parts)
            {
                writer.WriteNumberValue(part);
            }

            writer.WriteEndArray();
            writer.WriteNumber("sum", check.Sum);
            Number(writer, "expected", check.Expected);
            Strings(writer, "missing", check.Missing);
            String(writer, "convention", check.Convention is RoundingConvention convention ? Name(convention) : null);
            writer.WriteNumber("decimals", check.Decimals);
            if (check.Holds is bool holds)
            {
                writer.WriteBoolean("holds", holds);
            }
            else
            {
                writer.WriteNull("holds");
            }

            Number(writer, "difference", check.Difference);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    private static void WriteResult(Utf8JsonWriter writer, ClaimResult result)
    {
        Claim claim = result.Claim;
        writer.WriteStartObject();
        writer.WriteString("id", claim.Id);
        writer.WriteString("quote", claim.Quote);
        writer.WriteString("metric", claim.Metric.Id);
        writer.WriteString("kind", Name(claim.Kind));
        writer.WriteString("period", claim.Period.ToString());
        String(writer, "against", claim.Against is ReportingPeriod against ? against.ToString() : null);
        String(writer, "channel", claim.Channel?.Id);
        String(writer, "segment", claim.Segment?.Id);
        Number(writer, "value", claim.Value);
        String(writer, "direction", claim.Direction is ChangeDirection direction ? Name(direction) : null);
        writer.WriteBoolean("approximate", claim.IsApproximate);
        writer.WriteString("verdict", Name(result.Verdict));
        writer.WriteString("cause", Name(result.Cause));
        Number(writer, "exact", result.Exact);
        String(writer, "actualDirection", result.ActualDirection is ChangeDirection actual ? Name(actual) : null);
        String(writer, "judgedUnder", result.JudgedUnder is RoundingConvention judged ? Name(judged) : null);
        writer.WriteStartArray("holdsUnder");
        foreach (RoundingConvention convention in result.HoldsUnder)
        {
            writer.WriteStringValue(Name(convention));
        }

        writer.WriteEndArray();
        writer.WriteStartArray("failsUnder");
        foreach (RoundingConvention convention in result.FailsUnder)
        {
            writer.WriteStringValue(Name(convention));
        }

        writer.WriteEndArray();
        writer.WriteStartArray("missing");
        foreach (FigureKey key in result.Missing)
        {
            writer.WriteStringValue(key.ToString());
        }

        writer.WriteEndArray();
        Number(writer, "causeValue", result.CauseValue);
        String(writer, "causePeriod", result.CausePeriod is ReportingPeriod causePeriod ? causePeriod.ToString() : null);
        writer.WriteString("note", result.Note);
        writer.WriteEndObject();
    }

    private static string Name<TEnum>(TEnum value)
        where TEnum : struct, Enum => JsonNamingPolicy.CamelCase.ConvertName(value.ToString());

    private static void String(Utf8JsonWriter writer, string property, string? value)
    {
        if (value is null)
        {
            writer.WriteNull(property);
        }
        else
        {
            writer.WriteString(property, value);
        }
    }

    private static void Strings(Utf8JsonWriter writer, string property, IEnumerable<string> values)
    {
        writer.WriteStartArray(property);
        foreach (string value in values)
        {
            writer.WriteStringValue(value);
        }

        writer.WriteEndArray();
    }

    private static void Number(Utf8JsonWriter writer, string property, decimal? value)
    {
        if (value is decimal d)
        {
            writer.WriteNumber(property, d);
        }
        else
        {
            writer.WriteNull(property);
        }
    }
}
