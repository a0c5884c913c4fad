using CampaignBot.Core.Features.Dashboard;
using CampaignBot.Core.Features.Ledger;
using T = CampaignBot.Features.Dashboard.DashboardPageTexts;

namespace CampaignBot.Features.Dashboard;

/// <summary>
/// The office's list of rectification evidence sent as photos and documents, each stored file a link to open it, with
/// the state of those still being fetched (tries, last failure) or lost. Office only: the files may show people.
/// </summary>
internal static class EvidencePage
{
    public static bool MaySee(DashboardViewer? viewer) => viewer?.Member.Role == Roles.CampaignOffice;

    public static string Render(PageContext page, IReadOnlyList<LedgerItem> items) =>
        DashboardLayout.Page(page, page[T.EvidenceTitle], html =>
        {
            var files = items.SelectMany(i => i.Evidence.Where(e => e.IsFile).Select(e => (Item: i, Evidence: e)))
                .OrderByDescending(x => x.Evidence.At).ToList();
            html.Element("p", page[T.EvidenceIntro], "hint");
            if (files.Count == 0)
            {
                html.Element("p", page[T.EvidenceNone], "message");
                return;
            }

            html.Raw("<div class=\"scroll\"><table class=\"evidence\"><thead><tr>").Element("th", page[T.EvidenceUnit]).Element("th", page[T.EvidenceItem])
                .Element("th", page[T.EvidenceFile]).Element("th", page[T.EvidenceState]).Raw("</tr></thead><tbody>");
            foreach (var (item, evidence) in files)
            {
                html.Raw("<tr>").Cell(page.Campaign.FindUnit(item.UnitId)?.Name ?? item.UnitId).Cell($"{item.Id} {Short(item.Problem)}").Raw("<td>");
                if (evidence is { File: EvidenceFileState.Stored, Id: { } id })
                {
                    html.Link($"/evidence/{item.Id}/{id}", evidence.Describe(page.English), "download");
                }
                else
                {
                    html.Text(evidence.Describe(page.English));
                }

                html.Raw("</td>").Cell(evidence.File switch
                {
                    EvidenceFileState.Stored => page[T.EvidenceStored],
                    EvidenceFileState.Failed => page[T.EvidenceFailed(evidence.Failure ?? string.Empty)],
                    _ => page[T.EvidenceFetching(evidence.Attempts, evidence.Failure ?? string.Empty)],
                }).Raw("</tr>");
            }

            html.Raw("</tbody></table></div>");
        });

    /// <summary>A stored file's download type: photos as the image they are, anything else as bytes to save.</summary>
    public static string ContentType(Evidence evidence) => evidence.MimeType is "image/jpeg" or "image/png" or "application/pdf" ? evidence.MimeType : "application/octet-stream";

    private static string Short(string text) => text.Length <= 30 ? text : text[..30] + "…";
}
