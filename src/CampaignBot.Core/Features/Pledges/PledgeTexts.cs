using CampaignBot.Core.Messaging;

namespace CampaignBot.Core.Features.Pledges;

/// <summary>Texts of the pledges feature.</summary>
public static class PledgeTexts
{
    public static Text PendingPosted(int members, int pledges) => new(
        $"本单位此前发布、尚未发到群里的公开承诺现已发到群里：{members} 人共 {pledges} 条。",
        $"Pledges published before the group was linked are now posted to the group: {pledges} pledge(s) of {members} member(s).");
}
