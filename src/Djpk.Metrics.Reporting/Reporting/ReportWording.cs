using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Djpk.Metrics.Formatting;

namespace Djpk.Metrics.Reporting;

/// <summary>The words of a monthly report: one template per sentence, heading and phrase, in Indonesian and English.</summary>
/// <remarks>
/// <para>Immutable. A template names its values in braces, such as <c>"Jumlah konsultasi di bulan {month} sebanyak {total}
/// konsultasi."</c>; the report fills them with formatted numbers, months and names. <see cref="Default"/> is general
/// wording with no agency's names in it; a profile replaces some templates with <see cref="WithOverrides(string)"/>, such
/// as DJPK's title "Laporan Layanan Informasi DJPK — {month}".</para>
/// <para>A placeholder with forms, <c>{count|request was|requests were}</c>, prints no value but the first form when the
/// value reads 1 (its sign aside) and the second otherwise, for languages whose nouns agree with a count:
/// <c>"{total} {total|consultation|consultations}"</c> reads "1 consultation" and "1.305 consultations".</para>
/// <para>The JSON form is <c>{"id": {"key": "template", …}, "en": {…}}</c>. An override may name only keys of the table it
/// overrides and only the placeholders that key's default template uses, so a profile can never ask for a value the
/// report does not supply.</para>
/// </remarks>
public sealed class ReportWording
{
    private readonly ImmutableDictionary<string, string> _indonesian;
    private readonly ImmutableDictionary<string, string> _english;

    private ReportWording(ImmutableDictionary<string, string> indonesian, ImmutableDictionary<string, string> english)
    {
        _indonesian = indonesian;
        _english = english;
    }

    /// <summary>Gets the general wording, with no agency's names in it.</summary>
    public static ReportWording Default { get; } = LoadDefault();

    /// <summary>Gets the template keys, in ordinal order.</summary>
    public IReadOnlyList<string> Keys => [.. _indonesian.Keys.Order(StringComparer.Ordinal)];

    /// <summary>Returns the template of <paramref name="key"/> in <paramref name="language"/>.</summary>
    /// <param name="language">The language.</param>
    /// <param name="key">The key, such as <c>consultations.total</c>.</param>
    /// <returns>The template.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="key"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The wording has no template <paramref name="key"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="language"/> is not defined.</exception>
    public string Template(ReportLanguage language, string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return Table(language).TryGetValue(key, out string? template)
            ? template
            : throw new ArgumentException($"The wording has no template '{key}'; the keys are listed by ReportWording.Keys.", nameof(key));
    }

    /// <summary>Returns a copy with the templates of <paramref name="json"/> replacing this wording's.</summary>
    /// <param name="json">A JSON object <c>{"id": {…}, "en": {…}}</c>; either language may be absent.</param>
    /// <returns>The new wording; this one is unchanged.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="json"/> is <see langword="null"/>.</exception>
    /// <exception cref="FormatException">The JSON is malformed, names a language other than "id" and "en", names a key this wording lacks, or a template uses a placeholder this wording's template of that key does not.</exception>
    public ReportWording WithOverrides(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        (Dictionary<string, string> indonesian, Dictionary<string, string> english) = ParseTables(json);
        return new ReportWording(Override(_indonesian, indonesian, "id"), Override(_english, english, "en"));
    }

    /// <summary>Returns a copy with the templates read from <paramref name="stream"/> replacing this wording's.</summary>
    /// <param name="stream">UTF-8 JSON as for <see cref="WithOverrides(string)"/>; the stream stays open.</param>
    /// <returns>The new wording; this one is unchanged.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="stream"/> is <see langword="null"/>.</exception>
    /// <exception cref="IOException">The stream cannot be read.</exception>
    /// <exception cref="FormatException">The JSON breaks a rule of <see cref="WithOverrides(string)"/>.</exception>
    public ReportWording WithOverrides(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using var reader = new StreamReader(stream, Encoding.UTF8, detectEncodingFromByteOrderMarks: true, leaveOpen: true);
        return WithOverrides(reader.ReadToEnd());
    }

    /// <summary>Returns the number of templates.</summary>
    /// <returns>Such as "ReportWording (112 templates)".</returns>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"ReportWording ({_indonesian.Count} templates)");

    // Fills the template's placeholders; a value not named by the template is ignored.
    internal string Format(ReportLanguage language, string key, ReadOnlySpan<(string Name, string Value)> values)
    {
        string template = Template(language, key);
        if (values.IsEmpty || template.IndexOf('{', StringComparison.Ordinal) < 0)
        {
            return template;
        }

        var text = new StringBuilder(template.Length + 32);
        int at = 0;
        while (at < template.Length)
        {
            int open = template.IndexOf('{', at);
            int close = open < 0 ? -1 : template.IndexOf('}', open + 1);
            if (open < 0 || close < 0)
            {
                text.Append(template, at, template.Length - at);
                break;
            }

            text.Append(template, at, open - at);
            ReadOnlySpan<char> name = template.AsSpan(open + 1, close - open - 1);
            ReadOnlySpan<char> forms = default;
            int bar = name.IndexOf('|');
            if (bar >= 0)
            {
                forms = name[(bar + 1)..];
                name = name[..bar];
            }

            string? value = null;
            foreach ((string Name, string Value) pair in values)
            {
                if (name.SequenceEqual(pair.Name))
                {
                    value = pair.Value;
                    break;
                }
            }

            text.Append(value is null ? template.AsSpan(open, close - open + 1) : bar >= 0 ? PluralForm(forms, value) : value);
            at = close + 1;
        }

        return text.ToString();
    }

    // "{count|request was|requests were}": the first form when the count reads 1 (sign aside), else the second.
    private static ReadOnlySpan<char> PluralForm(ReadOnlySpan<char> forms, string value)
    {
        int bar = forms.IndexOf('|');
        ReadOnlySpan<char> one = bar < 0 ? forms : forms[..bar];
        ReadOnlySpan<char> other = bar < 0 ? forms : forms[(bar + 1)..];
        ReadOnlySpan<char> number = value.AsSpan().TrimStart("+-");
        return number.SequenceEqual("1") ? one : other;
    }

    private ImmutableDictionary<string, string> Table(ReportLanguage language) => language switch
    {
        ReportLanguage.Indonesian => _indonesian,
        ReportLanguage.English => _english,
        _ => throw new ArgumentOutOfRangeException(nameof(language), language, "The language must be one of the defined ReportLanguage values."),
    };

    private static ReportWording LoadDefault()
    {
        using Stream stream = typeof(ReportWording).Assembly.GetManifestResourceStream("Djpk.Metrics.Reporting.Wording.default.json")
            ?? throw new InvalidOperationException("The default wording is missing from the assembly.");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        (Dictionary<string, string> indonesian, Dictionary<string, string> english) = ParseTables(reader.ReadToEnd());
        return new ReportWording(indonesian.ToImmutableDictionary(StringComparer.Ordinal), english.ToImmutableDictionary(StringComparer.Ordinal));
    }

    private static ImmutableDictionary<string, string> Override(ImmutableDictionary<string, string> table, Dictionary<string, string> overrides, string language)
    {
        foreach ((string key, string template) in overrides)
        {
            if (!table.TryGetValue(key, out string? original))
            {
                throw new FormatException($"The wording has no template '{language}.{key}'; override only keys of the default wording (ReportWording.Default.Keys).");
            }

            HashSet<string> allowed = Placeholders(original);
            foreach (string name in Placeholders(template))
            {
                if (!allowed.Contains(name))
                {
                    throw new FormatException($"The template '{language}.{key}' uses the placeholder {{{name}}}, which the report does not supply for it; use only {string.Join(", ", allowed.Select(p => "{" + p + "}"))}.");
                }
            }
        }

        return table.SetItems(overrides);
    }

    private static HashSet<string> Placeholders(string template)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        for (int open = template.IndexOf('{', StringComparison.Ordinal); open >= 0; open = template.IndexOf('{', open + 1))
        {
            int close = template.IndexOf('}', open + 1);
            if (close < 0)
            {
                break;
            }

            string name = template[(open + 1)..close];
            int bar = name.IndexOf('|', StringComparison.Ordinal);
            names.Add(bar < 0 ? name : name[..bar]);
        }

        return names;
    }

    private static (Dictionary<string, string> Indonesian, Dictionary<string, string> English) ParseTables(string json)
    {
        var indonesian = new Dictionary<string, string>(StringComparer.Ordinal);
        var english = new Dictionary<string, string>(StringComparer.Ordinal);
        try
        {
            using var document = JsonDocument.Parse(json, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                throw new FormatException("Wording must be a JSON object {\"id\": {…}, \"en\": {…}}.");
            }

            foreach (JsonProperty language in document.RootElement.EnumerateObject())
            {
                Dictionary<string, string> target = language.Name switch
                {
                    "id" => indonesian,
                    "en" => english,
                    _ => throw new FormatException($"Wording has the language '{language.Name}'; the languages are \"id\" and \"en\"."),
                };
                if (language.Value.ValueKind != JsonValueKind.Object)
                {
                    throw new FormatException($"Wording's \"{language.Name}\" must be an object of key-template pairs.");
                }

                foreach (JsonProperty entry in language.Value.EnumerateObject())
                {
                    if (entry.Value.ValueKind != JsonValueKind.String)
                    {
                        throw new FormatException($"The template '{language.Name}.{entry.Name}' must be a string.");
                    }

                    if (!target.TryAdd(entry.Name, entry.Value.GetString()!))
                    {
                        throw new FormatException($"The template '{language.Name}.{entry.Name}' is given twice; give each key once.");
                    }
                }
            }
        }
        catch (JsonException e)
        {
            throw new FormatException($"Wording is not valid JSON: {e.Message}", e);
        }

        return (indonesian, english);
    }
}
