using System.Net;
using System.Text;

namespace Djpk.Metrics.Tool;

/// <summary>Turns the Markdown the report renders (headings, paragraphs, pipe tables, bullet lists) into HTML.</summary>
/// <remarks>Only the subset <c>MonthlyReport.RenderMarkdown</c> writes; every text is HTML-encoded, nothing is passed through.</remarks>
internal static class MarkdownHtml
{
    /// <summary>Converts <paramref name="markdown"/>; <paramref name="afterHeading"/> may add HTML after a level-2 heading (given its text).</summary>
    public static string Convert(string markdown, Func<string, string?> afterHeading)
    {
        var html = new StringBuilder();
        string[] lines = markdown.ReplaceLineEndings("\n").Split('\n');
        bool sectionOpen = false;
        for (int i = 0; i < lines.Length; i++)
        {
            string line = lines[i];
            if (line.Length == 0)
            {
                continue;
            }

            if (line.StartsWith("# ", StringComparison.Ordinal))
            {
                html.Append("<h1>").Append(Encode(line[2..])).Append("</h1>\n");
            }
            else if (line.StartsWith("## ", StringComparison.Ordinal) || line.StartsWith("### ", StringComparison.Ordinal))
            {
                bool second = line.StartsWith("## ", StringComparison.Ordinal);
                string text = line[(second ? 3 : 4)..];
                if (second)
                {
                    if (sectionOpen)
                    {
                        html.Append("</section>\n");
                    }

                    html.Append("<section>\n<h2>").Append(Encode(text)).Append("</h2>\n");
                    sectionOpen = true;
                    html.Append(afterHeading(text));
                }
                else
                {
                    html.Append("<h3>").Append(Encode(text)).Append("</h3>\n");
                }
            }
            else if (line.StartsWith('|'))
            {
                var rows = new List<string>();
                while (i < lines.Length && lines[i].StartsWith('|'))
                {
                    rows.Add(lines[i++]);
                }

                i--;
                html.Append(Table(rows));
            }
            else if (line.StartsWith("- ", StringComparison.Ordinal))
            {
                html.Append("<ul>\n");
                while (i < lines.Length && lines[i].StartsWith("- ", StringComparison.Ordinal))
                {
                    html.Append("<li>").Append(Encode(lines[i++][2..])).Append("</li>\n");
                }

                i--;
                html.Append("</ul>\n");
            }
            else
            {
                html.Append("<p>").Append(Encode(line)).Append("</p>\n");
            }
        }

        if (sectionOpen)
        {
            html.Append("</section>\n");
        }

        return html.ToString();
    }

    public static string Encode(string text) => WebUtility.HtmlEncode(text);

    private static string Table(List<string> rows)
    {
        static string[] Cells(string row) => [.. row.Trim().Trim('|').Split('|').Select(c => c.Trim())];
        bool[] right = rows.Count > 1 ? [.. Cells(rows[1]).Select(c => c.EndsWith(':'))] : [];
        var html = new StringBuilder("<table>\n<thead><tr>");
        foreach (string header in Cells(rows[0]))
        {
            html.Append("<th>").Append(Encode(header)).Append("</th>");
        }

        html.Append("</tr></thead>\n<tbody>\n");
        foreach (string row in rows.Skip(2))
        {
            html.Append("<tr>");
            string[] cells = Cells(row);
            for (int c = 0; c < cells.Length; c++)
            {
                html.Append(c < right.Length && right[c] ? "<td class=\"num\">" : "<td>").Append(Encode(cells[c])).Append("</td>");
            }

            html.Append("</tr>\n");
        }

        return html.Append("</tbody>\n</table>\n").ToString();
    }
}
