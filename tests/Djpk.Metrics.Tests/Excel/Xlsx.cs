using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Djpk.Metrics.Tests.Excel;

/// <summary>Writes small workbooks for the tests with the Open XML SDK: text as inline strings, numbers, and date cells (number format 22).</summary>
internal static class Xlsx
{
    /// <summary>Returns a workbook with one sheet per entry; a row's cells are <see cref="string"/>, a number, <see cref="DateTime"/> or <see langword="null"/> (no cell).</summary>
    public static byte[] Write(params (string Name, IEnumerable<object?[]> Rows)[] sheets)
    {
        var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            WorkbookPart workbook = document.AddWorkbookPart();
            workbook.Workbook = new Workbook();
            var styles = workbook.AddNewPart<WorkbookStylesPart>();
            styles.Stylesheet = new Stylesheet(
                new Fonts(new Font()) { Count = 1 },
                new Fills(new Fill(new PatternFill { PatternType = PatternValues.None }), new Fill(new PatternFill { PatternType = PatternValues.Gray125 })) { Count = 2 },
                new Borders(new Border()) { Count = 1 },
                new CellStyleFormats(new CellFormat()) { Count = 1 },
                new CellFormats(new CellFormat(), new CellFormat { NumberFormatId = 22, ApplyNumberFormat = true }) { Count = 2 });
            Sheets list = workbook.Workbook.AppendChild(new Sheets());
            uint sheetId = 1;
            foreach ((string name, IEnumerable<object?[]> rows) in sheets)
            {
                var part = workbook.AddNewPart<WorksheetPart>();
                var data = new SheetData();
                uint rowIndex = 0;
                foreach (object?[] cells in rows)
                {
                    rowIndex++;
                    if (cells.Length == 0)
                    {
                        continue; // a gap: the row has no element at all
                    }

                    var row = new Row { RowIndex = rowIndex };
                    for (int i = 0; i < cells.Length; i++)
                    {
                        if (cells[i] is { } value)
                        {
                            row.Append(Cell(Column(i) + rowIndex.ToString(CultureInfo.InvariantCulture), value));
                        }
                    }

                    data.Append(row);
                }

                part.Worksheet = new Worksheet(data);
                list.Append(new Sheet { Id = workbook.GetIdOfPart(part), SheetId = sheetId++, Name = name });
            }
        }

        return stream.ToArray();
    }

    private static Cell Cell(string reference, object value) => value switch
    {
        string text => new Cell(new InlineString(new Text(text) { Space = SpaceProcessingModeValues.Preserve })) { CellReference = reference, DataType = CellValues.InlineString },
        DateTime date => new Cell(new CellValue(date.ToOADate().ToString("R", CultureInfo.InvariantCulture))) { CellReference = reference, StyleIndex = 1 },
        _ => new Cell(new CellValue(Convert.ToString(value, CultureInfo.InvariantCulture)!)) { CellReference = reference, DataType = CellValues.Number },
    };

    private static string Column(int index) => index < 26 ? ((char)('A' + index)).ToString() : Column((index / 26) - 1) + (char)('A' + (index % 26));
}
