using System.Globalization;
using System.Text;

namespace CampaignBot.Core.Features.Study;

/// <summary>Pairing, logging a visit and the progress reply; ids derive from the update, so a re-run stores nothing twice.</summary>
public sealed partial class VisitsFlow
{
    private async Task StartVisitAsync(CancellationToken cancellationToken)
    {
        var houses = (await _services.Households.ListAsync(null, _context.Member!.Id, cancellationToken)).Take(MaxHouseholdButtons).ToList();
        if (houses.Count == 0)
        {
            _context.Reply("你还没有结对户，请先选择“新结对一户”。", "You have no paired household yet; pair with one first.");
            Reprompt();
            return;
        }

        Data["houses"] = string.Join(',', houses.Select((_, i) => "h" + i.ToString(CultureInfo.InvariantCulture)));
        Data["labels"] = string.Join('\n', houses.Select(h => h.Label));
        Data["houseIds"] = string.Join('\n', houses.Select(h => h.Id));
        await _machine.FireAsync(Trigger.LogVisit);
    }

    private async Task PairAsync(string input, CancellationToken cancellationToken)
    {
        var label = input.Trim();
        var digits = label.Count(char.IsAsciiDigit);
        string? problem = label switch
        {
            "" => "称呼不能为空。",
            { Length: > Household.MaxLabelLength } => $"称呼太长了（不超过 {Household.MaxLabelLength} 字）。",
            _ when digits >= 6 => "称呼里不要写电话、身份证号等号码，请只写简短称呼。",
            _ when label.StartsWith('/') || label.Any(char.IsControl) => "称呼里有不能使用的字符。",
            _ => null,
        };
        if (problem is not null)
        {
            _context.Reply(problem + "请重新输入。", "That label can't be used (empty, too long, or it holds a number such as a phone); please enter another.");
            Reprompt();
            return;
        }

        var member = _context.Member!;
        var added = await _services.Households.AddAsync(
            new Household { Id = $"house:{_context.Update.UpdateId}", MemberId = member.Id, UnitId = member.UnitId, Label = label, PairedAt = _context.Now },
            cancellationToken);
        if (!added && (await _services.Households.ListAsync(null, member.Id, cancellationToken)).All(h => h.Id != $"house:{_context.Update.UpdateId}"))
        {
            _context.Reply("你已经和这一户结对了，请换一个称呼。", "You are already paired with a household of that label; use another.");
            Reprompt();
            return;
        }

        await ReportAsync($"已结对：{label}。", $"Paired: {label}.", cancellationToken);
        await _machine.FireAsync(Trigger.Finish);
    }

    private async Task SaveVisitAsync(string note, CancellationToken cancellationToken)
    {
        var member = _context.Member!;
        var index = Array.IndexOf(Data["houses"].Split(','), Data["house"]);
        var houseId = Data["houseIds"].Split('\n')[index];
        var date = FlowSteps.ParseStored(Data["date"]);
        await _services.Log.AddAsync(
            new ActivityEntry
            {
                Id = $"visit:{_context.Update.UpdateId}",
                Kind = ActivityKind.Visit,
                MemberId = member.Id,
                UnitId = member.UnitId,
                Date = date,
                Place = houseId,
                Note = note,
                RecordedBy = member.Id,
                RecordedAt = _context.Now,
            },
            cancellationToken);
        var inWindow = _services.Progress.InWindow(member.UnitId, date);
        await ReportAsync(
            $"已记录 {Data["date"]} 对“{Data["labels"].Split('\n')[index]}”的走访{(inWindow ? "（在规定走访时段内）" : "（不在规定走访时段内）")}。",
            $"Visit of {Data["date"]} logged{(inWindow ? " (within a set visiting period)" : " (outside the set visiting periods)")}.",
            cancellationToken);
        await _machine.FireAsync(Trigger.Finish);
    }

    private async Task ReportAsync(string chinese, string english, CancellationToken cancellationToken)
    {
        var standing = await _services.Progress.ForMemberAsync(_context.Member!, cancellationToken);
        var windows = new StringBuilder();
        foreach (var window in _context.Campaign.VisitWindows)
        {
            windows.Append(window.Name).Append(window == _context.Campaign.VisitWindows[^1] ? string.Empty : "、");
        }

        _context.Reply(
            $"{chinese}\n你的进度：{standing.Describe(false)}。规定走访时段：{windows}。",
            $"{english}\nYour progress: {standing.Describe(true)}.");
    }
}
