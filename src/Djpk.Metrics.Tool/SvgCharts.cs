using System.Globalization;
using System.Text;

namespace Djpk.Metrics.Tool;

/// <summary>Draws the HTML report's charts as inline SVG: no script, no network, the same in every browser and on paper.</summary>
internal static class SvgCharts
{
    private static readonly string[] Palette = ["#1f5fa8", "#e0782b", "#2e9b5f", "#b8344f", "#7a57b0", "#8c6d31", "#3a9fb5", "#5a5a5a"];

    /// <summary>Draws one line per series over <paramref name="labels"/>; a missing value breaks the line.</summary>
    public static string Lines(string title, IReadOnlyList<string> labels, IReadOnlyList<(string Name, IReadOnlyList<long?> Values)> series, Func<long, string> format)
    {
        const int Width = 720, Height = 300, Left = 56, Right = 16, Top = 36, Bottom = 64;
        long max = Math.Max(1, series.SelectMany(s => s.Values).Max(v => v ?? 0));
        double plotWidth = Width - Left - Right, plotHeight = Height - Top - Bottom;
        double X(int i) => Left + (labels.Count <= 1 ? plotWidth / 2 : plotWidth * i / (labels.Count - 1));
        double Y(long v) => Top + plotHeight - (plotHeight * v / max);

        var svg = Start(title, Width, Height);
        for (int g = 0; g <= 4; g++)
        {
            long value = max * g / 4;
            svg.Append(Invariant($"<line x1=\"{Left}\" x2=\"{Width - Right}\" y1=\"{Y(value):0.#}\" y2=\"{Y(value):0.#}\" class=\"grid\"/>"));
            svg.Append(Invariant($"<text x=\"{Left - 6}\" y=\"{Y(value) + 4:0.#}\" text-anchor=\"end\">{Esc(format(value))}</text>"));
        }

        for (int i = 0; i < labels.Count; i++)
        {
            svg.Append(Invariant($"<text x=\"{X(i):0.#}\" y=\"{Height - Bottom + 16}\" text-anchor=\"middle\">{Esc(labels[i])}</text>"));
        }

        for (int s = 0; s < series.Count; s++)
        {
            string colour = Palette[s % Palette.Length];
            var path = new StringBuilder();
            bool pen = false;
            for (int i = 0; i < series[s].Values.Count && i < labels.Count; i++)
            {
                if (series[s].Values[i] is not long v)
                {
                    pen = false;
                    continue;
                }

                path.Append(Invariant($"{(pen ? 'L' : 'M')}{X(i):0.#},{Y(v):0.#} "));
                pen = true;
                svg.Append(Invariant($"<circle cx=\"{X(i):0.#}\" cy=\"{Y(v):0.#}\" r=\"2.5\" fill=\"{colour}\" data-series=\"{Esc(series[s].Name)}\" data-value=\"{v}\"><title>{Esc(series[s].Name)} {Esc(labels[i])}: {Esc(format(v))}</title></circle>"));
            }

            svg.Append(Invariant($"<path d=\"{path.ToString().TrimEnd()}\" fill=\"none\" stroke=\"{colour}\" stroke-width=\"2\"/>"));
            double legendX = Left + (s % 4 * 165);
            double legendY = Height - 28 + (s / 4 * 16);
            svg.Append(Invariant($"<rect x=\"{legendX:0.#}\" y=\"{legendY - 9:0.#}\" width=\"10\" height=\"10\" fill=\"{colour}\"/><text x=\"{legendX + 14:0.#}\" y=\"{legendY:0.#}\">{Esc(series[s].Name)}</text>"));
        }

        return svg.Append("</svg>\n</figure>\n").ToString();
    }

    /// <summary>Draws horizontal bars of percentages, each labelled with its name, percentage and count.</summary>
    public static string Bars(string title, IReadOnlyList<(string Name, decimal Percent, string Label)> bars)
    {
        const int Width = 720, Left = 200, Right = 150, Row = 26, Top = 36;
        int height = Top + (bars.Count * Row) + 12;
        decimal max = Math.Max(1m, bars.Count == 0 ? 1m : bars.Max(b => b.Percent));
        var svg = Start(title, Width, height);
        for (int i = 0; i < bars.Count; i++)
        {
            double y = Top + (i * Row);
            double width = (double)(bars[i].Percent / max) * (Width - Left - Right);
            svg.Append(Invariant($"<text x=\"{Left - 8}\" y=\"{y + 14:0.#}\" text-anchor=\"end\">{Esc(bars[i].Name)}</text>"));
            svg.Append(Invariant($"<rect x=\"{Left}\" y=\"{y + 3:0.#}\" width=\"{width:0.#}\" height=\"16\" fill=\"{Palette[i % Palette.Length]}\" data-bar=\"{Esc(bars[i].Name)}\" data-percent=\"{bars[i].Percent}\"/>"));
            svg.Append(Invariant($"<text x=\"{Left + width + 6:0.#}\" y=\"{y + 14:0.#}\">{Esc(bars[i].Label)}</text>"));
        }

        return svg.Append("</svg>\n</figure>\n").ToString();
    }

    private static StringBuilder Start(string title, int width, int height) =>
        new StringBuilder("<figure class=\"chart\">\n")
            .Append(Invariant($"<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {width} {height}\" width=\"{width}\" height=\"{height}\" role=\"img\" aria-label=\"{Esc(title)}\">"))
            .Append(Invariant($"<text x=\"8\" y=\"20\" class=\"title\">{Esc(title)}</text>"));

    private static string Esc(string text) => MarkdownHtml.Encode(text);

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
