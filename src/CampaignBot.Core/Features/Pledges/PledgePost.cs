using System.Globalization;
using System.Text;

namespace CampaignBot.Core.Features.Pledges;

/// <summary>How a member's published pledges read in the unit's group (group posts are in Chinese, for the masses).</summary>
public static class PledgePost
{
    public static string Text(string memberName, string unitName, IEnumerable<(string AreaName, string Pledge)> pledges)
    {
        ArgumentNullException.ThrowIfNull(pledges);
        var post = new StringBuilder($"【公开承诺】{memberName}（{unitName}）\n");
        foreach (var (area, pledge) in pledges)
        {
            post.Append(CultureInfo.InvariantCulture, $"· {area}：{pledge}\n");
        }

        return post.Append("欢迎大家监督。").ToString();
    }
}
