using System.Net;
using System.Text.Json;

namespace CampaignBot.Features.Dashboard;

/// <summary>
/// A small HTML writer: text is always encoded, markup is written only by the page code. Pages are built in one
/// buffer and sent at once, so a page is as fast as its data.
/// </summary>
internal sealed class Html
{
    /// <summary>The width of a unit's name on a chart axis, in CSS pixels: about seven characters.</summary>
    public const int UnitLabelWidth = 96;

    private readonly StringBuilder buffer = new(16 * 1024);

    /// <summary>Markup written as it is: only constant strings from the page code, never data.</summary>
    public Html Raw(string markup)
    {
        buffer.Append(markup);
        return this;
    }

    public Html Text(string? text)
    {
        buffer.Append(WebUtility.HtmlEncode(text ?? string.Empty));
        return this;
    }

    public Html Text(int number) => Raw(number.ToString(CultureInfo.InvariantCulture));

    /// <summary>&lt;tag class="…"&gt;text&lt;/tag&gt;.</summary>
    public Html Element(string tag, string? text, string? cssClass = null)
    {
        buffer.Append('<').Append(tag);
        if (cssClass is not null)
        {
            buffer.Append(" class=\"").Append(cssClass).Append('"');
        }

        buffer.Append('>');
        Text(text);
        buffer.Append("</").Append(tag).Append('>');
        return this;
    }

    /// <summary>An attribute value, encoded (the caller writes the name and the quotes).</summary>
    public Html Attribute(string? value) => Text(value);

    public Html Link(string href, string text, string? cssClass = null)
    {
        buffer.Append("<a href=\"");
        Text(href);
        buffer.Append('"');
        if (cssClass is not null)
        {
            buffer.Append(" class=\"").Append(cssClass).Append('"');
        }

        buffer.Append('>');
        Text(text);
        buffer.Append("</a>");
        return this;
    }

    public Html Cell(string? text, string? cssClass = null) => Element("td", text, cssClass);

    public Html Cell(int number) => Raw("<td class=\"n\">").Text(number).Raw("</td>");

    /// <summary>A table header cell that the page script can sort by (text or number).</summary>
    public Html SortHeader(string text, bool numeric = false) =>
        Raw(numeric ? "<th data-sort=\"n\">" : "<th data-sort=\"t\">").Text(text).Raw("</th>");

    /// <summary>A chart: a div whose ECharts option the page script reads from data-chart (JSON in an attribute, so no inline script).</summary>
    public Html Chart(string id, object option, string title)
    {
        buffer.Append("<figure class=\"chart-box\">");
        Element("figcaption", title);
        buffer.Append("<div class=\"chart\" id=\"").Append(id).Append("\" data-chart=\"");
        Text(JsonSerializer.Serialize(option));
        buffer.Append("\"></div></figure>");
        return this;
    }

    /// <summary>
    /// A chart axis of unit names: every unit named (ECharts would drop names that crowd each other, leaving bars nobody can
    /// tell apart), a long name cut to the label's width (the tooltip has it whole) so it cannot squeeze the bars away.
    /// </summary>
    public static object UnitLabel(int rotate) => new { interval = 0, rotate, width = UnitLabelWidth, overflow = "truncate" };

    public override string ToString() => buffer.ToString();

    public static string Percent(int part, int whole) => whole == 0 ? "—" : ((double)part / whole).ToString("P0", CultureInfo.InvariantCulture);

    public static double Share(int part, int whole) => whole == 0 ? 0 : Math.Round(100.0 * part / whole, 1);
}
