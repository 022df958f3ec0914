using Djpk.Metrics.InformationRequests;
using NodaTime;

namespace Djpk.Metrics.Tests.InformationRequests;

public partial class WorkingDayCalendarTests
{
    private const string ValidFile = """
        {
          "schema": 1,
          "country": "ID",
          "year": 2030,
          "source": "test decree",
          "checkedAgainstOfficialText": true,
          "holidays": [
            { "date": "2030-01-01", "name": "Tahun Baru 2030 Masehi", "kind": "nationalHoliday" },
            { "date": "2030-01-02", "name": "Cuti bersama", "kind": "collectiveLeave" }
          ]
        }
        """;

    [Fact]
    public void Parse_ValidFile_ReadsHolidaysAndProvenance()
    {
        WorkingDayCalendar calendar = WorkingDayCalendar.Parse(ValidFile);
        Assert.Equal("ID 2030", calendar.Version);
        Assert.Equal((2030, 2030), (calendar.FirstYear, calendar.LastYear));
        Assert.Equal<Holiday>(
            [new Holiday(new LocalDate(2030, 1, 1), "Tahun Baru 2030 Masehi", HolidayKind.NationalHoliday), new Holiday(new LocalDate(2030, 1, 2), "Cuti bersama", HolidayKind.CollectiveLeave)],
            calendar.Holidays);
        HolidayProvenance source = Assert.Single(calendar.Sources);
        Assert.True(source.CheckedAgainstOfficialText);
        Assert.Null(source.Note);
        Assert.Equal("ID 2030: test decree (checked against the official text)", source.ToString());
        Assert.False(calendar.IsWorkingDay(new LocalDate(2030, 1, 2)));
        Assert.True(calendar.IsWorkingDay(new LocalDate(2030, 1, 3)));
    }

    [Fact]
    public void Read_Stream_ReadsTheSameAsParse()
    {
        using var stream = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(ValidFile));
        Assert.Equal<Holiday>(WorkingDayCalendar.Parse(ValidFile).Holidays, WorkingDayCalendar.Read(stream).Holidays);
    }

    [Fact]
    public void Parse_EmptyHolidays_IsAYearOfWeekendsOnly()
    {
        WorkingDayCalendar calendar = WorkingDayCalendar.Parse(ValidFile[..ValidFile.IndexOf("\"holidays\"", StringComparison.Ordinal)] + "\"holidays\": [] }");
        Assert.Empty(calendar.Holidays);
        Assert.True(calendar.IsWorkingDay(new LocalDate(2030, 1, 1)));
    }

    [Theory]
    [InlineData("\"2030-01-01\"", "\"2030-02-30\"", "holidays[0].date", "not a date")]
    [InlineData("\"2030-01-01\"", "\"1/1/2030\"", "holidays[0].date", "yyyy-MM-dd")]
    [InlineData("\"2030-01-02\"", "\"2031-01-02\"", "holidays[1].date", "outside the file's year 2030")]
    [InlineData("\"2030-01-02\"", "\"2030-01-01\"", "holidays[1].date", "already given by holidays[0]")]
    [InlineData("\"collectiveLeave\"", "\"cutiBersama\"", "holidays[1].kind", "\"nationalHoliday\" (hari libur nasional) or \"collectiveLeave\"")]
    [InlineData("\"nationalHoliday\"", "\"NationalHoliday\"", "holidays[0].kind", "collectiveLeave")]
    [InlineData("\"year\": 2030,", "", "'year' is missing", "add it")]
    [InlineData("\"year\": 2030", "\"year\": \"2030\"", "'year' is \"2030\"", "whole number")]
    [InlineData("\"schema\": 1", "\"schema\": 2", "'schema' is 2", "schema 1 only")]
    [InlineData("\"schema\": 1,", "", "'schema' is missing", "add it")]
    [InlineData("\"country\": \"ID\"", "\"country\": \"Indonesia\"", "'country'", "two capital letters")]
    [InlineData("\"checkedAgainstOfficialText\": true,", "", "'checkedAgainstOfficialText' is missing", "add it")]
    [InlineData("\"checkedAgainstOfficialText\": true", "\"checkedAgainstOfficialText\": \"yes\"", "'checkedAgainstOfficialText'", "write true only when")]
    [InlineData("\"source\": \"test decree\"", "\"source\": \" \"", "'source' is blank", "write a text")]
    [InlineData("\"source\": \"test decree\"", "\"source\": \"test decree\", \"sorce\": \"x\"", "'sorce' is not a field", "correct its spelling")]
    [InlineData("\"source\": \"test decree\"", "\"source\": \"a\", \"source\": \"b\"", "'source' appears twice", "keep one")]
    [InlineData("\"name\": \"Cuti bersama\"", "\"name\": \"\"", "holidays[1].name", "blank")]
    [InlineData("\"name\": \"Cuti bersama\", ", "", "holidays[1].name' is missing", "add it")]
    [InlineData("\"nationalHoliday\" },", "\"nationalHoliday\" },,", "not valid JSON at line 8", "fix the syntax")]
    [InlineData("{\n  \"schema\"", "// comment\n{\n  \"schema\"", "not valid JSON at line 1", "no comments")]
    public void Parse_MalformedFile_ThrowsFormatExceptionThatStatesRuleAndFix(string find, string replace, string field, string fix)
    {
        Assert.Contains(find, ValidFile, StringComparison.Ordinal);
        FormatException e = Assert.Throws<FormatException>(() => WorkingDayCalendar.Parse(ValidFile.Replace(find, replace, StringComparison.Ordinal)));
        Assert.Contains(field, e.Message, StringComparison.Ordinal);
        Assert.Contains(fix, e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("[]")]
    [InlineData("null")]
    [InlineData("")]
    public void Parse_NotAnObject_ThrowsFormatException(string json) =>
        Assert.Throws<FormatException>(() => WorkingDayCalendar.Parse(json));

    [Fact]
    public void Read_FileStream_NamesTheFileInTheMessage()
    {
        string path = Path.Combine(Path.GetTempPath(), $"holidays-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, ValidFile.Replace("\"2030-01-01\"", "\"2030-13-01\"", StringComparison.Ordinal));
        try
        {
            using FileStream stream = File.OpenRead(path);
            FormatException e = Assert.Throws<FormatException>(() => WorkingDayCalendar.Read(stream));
            Assert.StartsWith($"Holiday file '{Path.GetFileName(path)}': 'holidays[0].date'", e.Message, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Read_FilesWithAGap_ThrowsFormatExceptionNamingTheMissingYear()
    {
        FileStream[] streams = [File.OpenRead(HolidayFiles.PathOf(2024)), File.OpenRead(HolidayFiles.PathOf(2026))];
        try
        {
            FormatException e = Assert.Throws<FormatException>(() => WorkingDayCalendar.Read(streams));
            Assert.Contains("skip from 2024 to 2026", e.Message, StringComparison.Ordinal);
            Assert.Contains("add the file for 2025", e.Message, StringComparison.Ordinal);
        }
        finally
        {
            Array.ForEach(streams, s => s.Dispose());
        }
    }

    [Fact]
    public void Read_TwoFilesOfOneYear_ThrowsFormatException()
    {
        using var a = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(ValidFile));
        using var b = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(ValidFile));
        FormatException e = Assert.Throws<FormatException>(() => WorkingDayCalendar.Read([a, b]));
        Assert.Contains("Two holiday files are for 2030", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_FilesInAnyOrder_GiveTheSameCalendar()
    {
        FileStream[] streams = [File.OpenRead(HolidayFiles.PathOf(2025)), File.OpenRead(HolidayFiles.PathOf(2023)), File.OpenRead(HolidayFiles.PathOf(2024))];
        try
        {
            WorkingDayCalendar calendar = WorkingDayCalendar.Read(streams);
            Assert.Equal<Holiday>(HolidayFiles.Years(2023, 2025).Holidays, calendar.Holidays);
            Assert.Equal(HolidayFiles.Years(2023, 2025).Version, calendar.Version);
        }
        finally
        {
            Array.ForEach(streams, s => s.Dispose());
        }
    }

    [Fact]
    public void Read_NoFiles_ThrowsArgumentException() =>
        Assert.Throws<ArgumentException>(() => WorkingDayCalendar.Read(Array.Empty<Stream>()));

    [Fact]
    public void Combine_OverlappingOrGappedYears_ThrowsArgumentException()
    {
        var y2030 = new WorkingDayCalendar("X 2030", 2030, 2030, []);
        var y2031 = new WorkingDayCalendar("X 2031", 2031, 2031, []);
        var y2032 = new WorkingDayCalendar("X 2032", 2032, 2032, []);
        Assert.Throws<ArgumentException>(() => WorkingDayCalendar.Combine([y2030, y2032]));
        Assert.Throws<ArgumentException>(() => WorkingDayCalendar.Combine([y2030, y2030]));
        Assert.Throws<ArgumentException>(() => WorkingDayCalendar.Combine([]));
        Assert.Equal("X 2030 + 2031 + 2032", WorkingDayCalendar.Combine([y2032, y2030, y2031]).Version);
        Assert.Same(y2030, WorkingDayCalendar.Combine([y2030]));
    }
}
