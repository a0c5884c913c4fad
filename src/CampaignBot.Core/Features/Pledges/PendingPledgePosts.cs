using CampaignBot.Core.Features.Groups;

namespace CampaignBot.Core.Features.Pledges;

/// <summary>
/// Pledges published while the unit had no group reach the group when one is linked: one post with every waiting
/// member's pledges, once (the pledges are cleared of <see cref="Pledge.AwaitingGroup"/>, and the post's outbox id names
/// the group and the linking update). One event, one message: the group is not flooded with a post per member.
/// </summary>
public sealed class PendingPledgePosts(IPledgeStore pledges) : IGroupLinkListener
{
    public async Task GroupLinkedAsync(FlowContext context, ChatRecord group, string unitId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(group);
        var pending = (await pledges.ListAsync(unitId, cancellationToken))
            .Where(p => p is { Status: PledgeStatus.Published, AwaitingGroup: true })
            .GroupBy(p => p.MemberId, StringComparer.Ordinal)
            .ToList();
        if (pending.Count == 0)
        {
            return;
        }

        var unit = context.Campaign.FindUnit(unitId)?.Name ?? unitId;
        var chat = group.ToChatRef();
        var posts = new List<string>();
        foreach (var member in pending.OrderBy(m => m.Min(p => p.PublishedAt)))
        {
            var items = member.OrderBy(p => AreaOrder(context, p.Area)).ToList();
            posts.Add(PledgeTexts.GroupPostBlock(items[0].MemberName, unit, items.Select(p => (AreaName(context, p.Area), p.Text))));
            foreach (var pledge in items)
            {
                await pledges.SaveAsync(pledge with { AwaitingGroup = false, UpdatedAt = context.Now }, cancellationToken);
            }
        }

        context.NotifyOnce($"pledges:{chat.Key}:{context.Update.UpdateId}", chat, new TextMessage(string.Join("\n", posts) + PledgeTexts.GroupPostClosing));

        context.Reply(PledgeTexts.PendingPosted(pending.Count, pending.Sum(m => m.Count())));
    }

    private static string AreaName(FlowContext context, string code) =>
        context.Campaign.PledgeAreas.FirstOrDefault(a => a.Code == code)?.Name ?? code;

    private static int AreaOrder(FlowContext context, string code) =>
        context.Campaign.PledgeAreas.Select((a, i) => (a.Code, i)).FirstOrDefault(x => x.Code == code).i;
}
