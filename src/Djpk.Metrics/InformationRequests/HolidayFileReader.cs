using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json;
using NodaTime;
using NodaTime.Text;

namespace Djpk.Metrics.InformationRequests;

/// <summary>Reads holiday files (schema 1, one year per file) into working-day calendars; see <see cref="WorkingDayCalendar.Parse(string)"/> for the format.</summary>
internal static class HolidayFileReader
{
    internal const int Schema = 1;

    private static readonly string[] FileFields = ["schema", "country", "year", "version", "source", "checkedAgainstOfficialText", "note", "holidays"];
    private static readonly string[] HolidayFields = ["date", "name", "kind"];

    private static readonly JsonDocumentOptions Options = new()
    {
        AllowTrailingCommas = false,
        CommentHandling = JsonCommentHandling.Disallow,
        MaxDepth = 16,
    };

    internal static WorkingDayCalendar Parse(string json, string file)
    {
        ArgumentNullException.ThrowIfNull(json);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, Options);
        }
        catch (JsonException e)
        {
            throw NotJson(file, e);
        }

        using (document)
        {
            return Read(document.RootElement, file);
        }
    }

    internal static WorkingDayCalendar Read(Stream utf8Json, string file)
    {
        ArgumentNullException.ThrowIfNull(utf8Json);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(utf8Json, Options);
        }
        catch (JsonException e)
        {
            throw NotJson(file, e);
        }

        using (document)
        {
            return Read(document.RootElement, file);
        }
    }

    internal static WorkingDayCalendar ReadAll(IEnumerable<Stream> utf8JsonFiles)
    {
        ArgumentNullException.ThrowIfNull(utf8JsonFiles);
        var years = new List<WorkingDayCalendar>();
        int index = 0;
        foreach (Stream stream in utf8JsonFiles)
        {
            index++;
            if (stream is null)
            {
                throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"Holiday stream {index} is null; pass one readable stream per file."), nameof(utf8JsonFiles));
            }

            years.Add(Read(stream, NameOf(stream, index)));
        }

        if (years.Count == 0)
        {
            throw new ArgumentException("At least one holiday file is needed; pass one stream per year.", nameof(utf8JsonFiles));
        }

        years.Sort((a, b) => a.FirstYear.CompareTo(b.FirstYear));
        string country = years[0].Sources[0].Country;
        for (int i = 1; i < years.Count; i++)
        {
            int previous = years[i - 1].FirstYear;
            int year = years[i].FirstYear;
            if (years[i].Sources[0].Country != country)
            {
                throw new FormatException(string.Create(CultureInfo.InvariantCulture,
                    $"The holiday files are for more than one country ('{country}' and '{years[i].Sources[0].Country}'); one calendar takes the files of one country only, so read each country's files separately."));
            }

            if (year == previous)
            {
                throw new FormatException(string.Create(CultureInfo.InvariantCulture,
                    $"Two holiday files are for {year}; the files must cover each year once, so drop or merge one of them."));
            }

            if (year != previous + 1)
            {
                throw new FormatException(string.Create(CultureInfo.InvariantCulture,
                    $"The holiday files skip from {previous} to {year}; the years must be contiguous, so add the file for {previous + 1} or leave out the years after {previous}."));
            }
        }

        return WorkingDayCalendar.Combine(years);
    }

    private static string NameOf(Stream stream, int index) =>
        stream is FileStream file
            ? string.Create(CultureInfo.InvariantCulture, $"Holiday file '{Path.GetFileName(file.Name)}'")
            : string.Create(CultureInfo.InvariantCulture, $"Holiday file {index}");

    private static FormatException NotJson(string file, JsonException e) =>
        new(string.Create(CultureInfo.InvariantCulture,
            $"{file} is not valid JSON at line {(e.LineNumber ?? 0) + 1}, byte {(e.BytePositionInLine ?? 0) + 1}; fix the syntax (no comments, no trailing commas). {e.Message}"), e);

    private static FormatException Invalid(string file, string field, string problem, string fix) =>
        new(string.Create(CultureInfo.InvariantCulture, $"{file}: '{field}' {problem}; {fix}."));

    private static WorkingDayCalendar Read(JsonElement root, string file)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw Invalid(file, "$", $"is a JSON {Kind(root)}", "a holiday file is one JSON object with the fields " + string.Join(", ", FileFields));
        }

        Dictionary<string, JsonElement> fields = Fields(root, file, "", FileFields);

        JsonElement schema = Required(fields, file, "schema");
        if (schema.ValueKind != JsonValueKind.Number || !schema.TryGetInt32(out int schemaNumber) || schemaNumber != Schema)
        {
            throw Invalid(file, "schema", $"is {schema.GetRawText()}, but this reader knows schema {Schema} only", $"write \"schema\": {Schema} and follow that format");
        }

        string country = RequiredString(fields, file, "country");
        if (country.Length != 2 || !char.IsAsciiLetterUpper(country[0]) || !char.IsAsciiLetterUpper(country[1]))
        {
            throw Invalid(file, "country", $"is \"{country}\", not an ISO 3166-1 alpha-2 code", "write two capital letters, such as \"ID\"");
        }

        JsonElement yearElement = Required(fields, file, "year");
        if (yearElement.ValueKind != JsonValueKind.Number || !yearElement.TryGetInt32(out int year) || year < 1 || year > 9999)
        {
            throw Invalid(file, "year", $"is {yearElement.GetRawText()}", "write the year the file is for as a whole number from 1 to 9999, such as 2025");
        }

        string? version = OptionalString(fields, file, "version");
        string source = RequiredString(fields, file, "source");

        JsonElement checkedElement = Required(fields, file, "checkedAgainstOfficialText");
        if (checkedElement.ValueKind is not (JsonValueKind.True or JsonValueKind.False))
        {
            throw Invalid(file, "checkedAgainstOfficialText", $"is {checkedElement.GetRawText()}", "write true only when someone compared every day with the decree's official text, otherwise false");
        }

        string? note = OptionalString(fields, file, "note");

        JsonElement list = Required(fields, file, "holidays");
        if (list.ValueKind != JsonValueKind.Array)
        {
            throw Invalid(file, "holidays", $"is a JSON {Kind(list)}", "write an array of {\"date\", \"name\", \"kind\"} objects (it may be empty)");
        }

        var holidays = new List<Holiday>(list.GetArrayLength());
        var seen = new Dictionary<LocalDate, int>();
        int index = 0;
        foreach (JsonElement item in list.EnumerateArray())
        {
            string path = string.Create(CultureInfo.InvariantCulture, $"holidays[{index}]");
            if (item.ValueKind != JsonValueKind.Object)
            {
                throw Invalid(file, path, $"is a JSON {Kind(item)}", "write an object with \"date\", \"name\" and \"kind\"");
            }

            Dictionary<string, JsonElement> holiday = Fields(item, file, path + ".", HolidayFields);
            string dateText = RequiredString(holiday, file, "date", path + ".");
            ParseResult<LocalDate> parsed = LocalDatePattern.Iso.Parse(dateText);
            if (!parsed.Success)
            {
                throw Invalid(file, path + ".date", $"is \"{dateText}\", which is not a date", string.Create(CultureInfo.InvariantCulture, $"write an existing day as yyyy-MM-dd, such as \"{year:D4}-01-01\""));
            }

            LocalDate date = parsed.Value;
            if (date.Year != year)
            {
                throw Invalid(file, path + ".date", string.Create(CultureInfo.InvariantCulture, $"is {dateText}, outside the file's year {year}"), "move the day to the file of its year or correct the date");
            }

            if (seen.TryGetValue(date, out int first))
            {
                throw Invalid(file, path + ".date", string.Create(CultureInfo.InvariantCulture, $"repeats {dateText}, already given by holidays[{first}]"), "list each day once (a day that is both a holiday and leave is listed as the holiday)");
            }

            seen.Add(date, index);
            string name = RequiredString(holiday, file, "name", path + ".");
            string kindText = RequiredString(holiday, file, "kind", path + ".");
            HolidayKind kind = kindText switch
            {
                "nationalHoliday" => HolidayKind.NationalHoliday,
                "collectiveLeave" => HolidayKind.CollectiveLeave,
                _ => throw Invalid(file, path + ".kind", $"is \"{kindText}\"", "write \"nationalHoliday\" (hari libur nasional) or \"collectiveLeave\" (cuti bersama)"),
            };
            holidays.Add(new Holiday(date, name, kind));
            index++;
        }

        var provenance = new HolidayProvenance(country, year, source, checkedElement.GetBoolean(), note);
        string label = version ?? year.ToString(CultureInfo.InvariantCulture);
        return new WorkingDayCalendar($"{country} {label}", year, year, holidays, ImmutableArray.Create(provenance));
    }

    private static Dictionary<string, JsonElement> Fields(JsonElement element, string file, string prefix, string[] allowed)
    {
        var fields = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        foreach (JsonProperty property in element.EnumerateObject())
        {
            if (Array.IndexOf(allowed, property.Name) < 0)
            {
                throw Invalid(file, prefix + property.Name, "is not a field of this format (names are case-sensitive)", "remove it or correct its spelling; the fields are " + string.Join(", ", allowed));
            }

            if (!fields.TryAdd(property.Name, property.Value))
            {
                throw Invalid(file, prefix + property.Name, "appears twice", "keep one of them");
            }
        }

        return fields;
    }

    private static JsonElement Required(Dictionary<string, JsonElement> fields, string file, string name, string prefix = "") =>
        fields.TryGetValue(name, out JsonElement value)
            ? value
            : throw Invalid(file, prefix + name, "is missing", "add it; the fields are " + string.Join(", ", prefix.Length == 0 ? FileFields : HolidayFields));

    private static string RequiredString(Dictionary<string, JsonElement> fields, string file, string name, string prefix = "")
    {
        JsonElement value = Required(fields, file, name, prefix);
        return NonBlank(value, file, prefix + name);
    }

    private static string? OptionalString(Dictionary<string, JsonElement> fields, string file, string name) =>
        fields.TryGetValue(name, out JsonElement value) ? NonBlank(value, file, name) : null;

    private static string NonBlank(JsonElement value, string file, string field)
    {
        if (value.ValueKind != JsonValueKind.String)
        {
            throw Invalid(file, field, $"is a JSON {Kind(value)}", "write a text in double quotes");
        }

        string? text;
        try
        {
            text = value.GetString();
        }
        catch (InvalidOperationException e)
        {
            throw new FormatException(string.Create(CultureInfo.InvariantCulture, $"{file}: '{field}' is not valid UTF-8 text; save the file as UTF-8."), e);
        }

        return string.IsNullOrWhiteSpace(text)
            ? throw Invalid(file, field, "is blank", "write a text, or leave an optional field out")
            : text;
    }

    private static string Kind(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => "object",
        JsonValueKind.Array => "array",
        JsonValueKind.String => "string",
        JsonValueKind.Number => "number",
        JsonValueKind.True or JsonValueKind.False => "boolean",
        _ => "null",
    };
}
