using CampaignBot.Core.Features.Dashboard;
using T = CampaignBot.Features.Dashboard.DashboardPageTexts;

namespace CampaignBot.Features.Dashboard;

/// <summary>The list of downloads the viewer may have, each as CSV and XLSX; a viewer who sees no unit is told why there is none.</summary>
internal static class DownloadsPage
{
    public static string Render(PageContext page, DashboardViewer viewer) =>
        DashboardLayout.Page(page, page[T.Downloads], html =>
        {
            if (!DashboardDownloads.For(viewer).Any())
            {
                html.Element("p", page[T.DownloadsNone], "hint");
                return;
            }

            html.Element("p", page[T.DownloadsIntro], "hint");
            html.Raw("<table class=\"downloads\"><thead><tr>").Element("th", page[T.Table]).Element("th", page[T.Formats]).Raw("</tr></thead><tbody>");
            foreach (var kind in DashboardDownloads.For(viewer))
            {
                html.Raw("<tr>").Cell(page.English ? T.DownloadName(kind.Name) ?? kind.Description : kind.Description).Raw("<td>")
                    .Link($"/downloads/{kind.Name}.xlsx", "XLSX", "download").Raw(" ").Link($"/downloads/{kind.Name}.csv", "CSV", "download").Raw("</td></tr>");
            }

            html.Raw("</tbody></table>");
        });
}
