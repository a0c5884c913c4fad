namespace CampaignBot.Features.Dashboard;

/// <summary>Every text of the dashboard's pages, in Chinese and English.</summary>
internal static partial class DashboardPageTexts
{
    /// <summary>The English name of an export kind (the command line describes them in Chinese).</summary>
    public static string? DownloadName(string kind) => kind switch
    {
        "examinations" => "Self-examinations: each item's answer and evidence, reviews",
        "pledges" => "Public pledges: text, publication, check-ins",
        "evaluations" => "Evaluations: each unit's stages by their latest round",
        "study" => "Study log",
        "research" => "Field research log",
        "visits" => "Household visits",
        "members" => "Members",
        "units" => "Units",
        "invites" => "Invite codes",
        "sessions" => "Open conversations",
        "opinions" => DownloadOpinions.English,
        "ledger" => DownloadLedger.English,
        "inspections" => DownloadInspections.English,
        "handling" => DownloadHandling.English,
        _ => null,
    };
}
