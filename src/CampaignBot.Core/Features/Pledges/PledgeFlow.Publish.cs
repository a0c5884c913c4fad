using CampaignBot.Core.Features.Groups;
using CampaignBot.Core.Messaging;
using PledgeRecord = CampaignBot.Core.Features.Pledges.Pledge;

namespace CampaignBot.Core.Features.Pledges;

/// <summary>Publication: to the unit's linked group, recorded with the time, with the monthly check-in scheduled.</summary>
public sealed partial class PledgeFlow
{
    private async Task PublishAsync(List<Campaign.CatalogueItem> drafted, CancellationToken cancellationToken)
    {
        var member = _context.Member!;
        var unit = _context.Campaign.FindUnit(member.UnitId)?.Name ?? member.UnitId;
        var group = await ChatLinks.FindGroupOfUnitAsync(_chats, member.UnitId, cancellationToken);
        foreach (var area in drafted)
        {
            await SaveAsync(area.Code, Data["p:" + area.Code], PledgeStatus.Published, cancellationToken, awaitingGroup: group is null);
        }

        if (group is not null)
        {
            _context.Notify(group.ToChatRef(), new TextMessage(PledgePost.Text(member.Name, unit, drafted.Select(area => (area.Name, Data["p:" + area.Code])))));
        }

        _context.Schedule(PledgeCheckIns.JobFor(member, _calendar, _context.Now));
        await _machine.FireAsync(Trigger.Publish);
        _context.Reply(
            $"已发布 {drafted.Count} 条公开承诺{(group is null ? "。本单位还没有关联群聊，承诺已记录，书记关联群聊（/link）后会自动发到群里" : $"，已发到「{group.Title ?? unit}」群")}。每月会请你报告履约情况。",
            $"{drafted.Count} pledge(s) published{(group is null ? "; your unit has no linked group yet; they are recorded and will be posted there once a secretary links one (/link)" : $" to the group \"{group.Title ?? unit}\"")}. Each month you will be asked how you keep them.");
    }

    private Task SaveAsync(string area, string text, PledgeStatus status, CancellationToken cancellationToken, bool awaitingGroup = false)
    {
        var member = _context.Member!;
        return _store.SaveAsync(
            new PledgeRecord
            {
                MemberId = member.Id,
                MemberName = member.Name,
                UnitId = member.UnitId,
                Area = area,
                Text = text,
                Status = status,
                UpdatedAt = _context.Now,
                PublishedAt = status == PledgeStatus.Published ? _context.Now : null,
                AwaitingGroup = awaitingGroup,
            },
            cancellationToken);
    }
}
