using System.Globalization;
using System.Text;
using CampaignBot.Core.Features.Registration;

namespace CampaignBot.Core.Features.Study;

/// <summary>Saving: ids derive from the update, so a re-run update stores nothing twice.</summary>
public sealed partial class StudyFlow
{
    private const int MaxRoster = 200;

    private ActivityEntry EntryFor(Member member, string id, bool confirmed) => new()
    {
        Id = id,
        Kind = ActivityKind.Study,
        MemberId = member.Id,
        UnitId = member.UnitId,
        Date = FlowSteps.ParseStored(Data["date"]),
        HalfDays = int.Parse(Data["len"], CultureInfo.InvariantCulture),
        Form = Data["form"],
        Topic = Data["topic"],
        Note = Data.GetValueOrDefault("note") is { Length: > 0 } note ? note : null,
        Confirmed = confirmed,
        RecordedBy = _context.Member!.Id,
        RecordedAt = _context.Now,
    };

    private async Task SaveOwnAsync(CancellationToken cancellationToken)
    {
        var member = _context.Member!;
        if (Data.GetValueOrDefault("fix") is { } fixId && await _services.Log.GetAsync(fixId, cancellationToken) is { } old && old.MemberId == member.Id)
        {
            await _services.Log.ReplaceAsync(EntryFor(member, fixId, confirmed: false) with { RecordedAt = old.RecordedAt }, cancellationToken);
            _context.Reply("已更正这条学习记录（需支部书记重新确认）。", "The entry is corrected (your secretary will confirm it again).");
        }
        else
        {
            await _services.Log.AddAsync(EntryFor(member, $"study:{_context.Update.UpdateId}", confirmed: false), cancellationToken);
            _context.Reply($"已记录：{Data["date"]} 学习 {LengthParser.Days(int.Parse(Data["len"], CultureInfo.InvariantCulture))} 天。", $"Logged: {Data["date"]}, {LengthParser.Days(int.Parse(Data["len"], CultureInfo.InvariantCulture))} day(s).");
        }

        var standing = await _services.Progress.ForMemberAsync(member, cancellationToken);
        _context.Reply(
            $"你的进度：{standing.Describe(false)}。本单位截止日期：{FlowSteps.DateText(standing.Deadline)}。",
            $"Your progress: {standing.Describe(true)}. Your unit's deadline: {FlowSteps.DateText(standing.Deadline)}.");
    }

    private async Task PrepareRosterAsync(CancellationToken cancellationToken)
    {
        var roster = (await _services.Members.ListAsync(_context.Member!.UnitId, cancellationToken)).Where(m => m.IsActive).Take(MaxRoster).ToList();
        var text = new StringBuilder(_context.Text("哪些人出席了？输入编号（如 1 3 5 或 1,3,5），全部出席请输入“全部”：", "Who attended? Type numbers (e.g. 1 3 5), or \"all\":"));
        for (var i = 0; i < roster.Count; i++)
        {
            text.Append(CultureInfo.InvariantCulture, $"\n{i + 1}. {roster[i].Name}");
        }

        Data["rosterIds"] = string.Join(',', roster.Select(m => m.Id));
        Data["roster"] = text.ToString();
    }

    private async Task AcceptAttendeesAsync(string input, CancellationToken cancellationToken)
    {
        var ids = Data.GetValueOrDefault("rosterIds", string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries);
        var text = input.Trim();
        var picked = new SortedSet<int>();
        var all = text is "全部" or "all" or "全体";
        foreach (var part in all ? [] : text.Split([' ', ',', '，', '、'], StringSplitOptions.RemoveEmptyEntries))
        {
            if (!int.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out var n) || n < 1 || n > ids.Length)
            {
                _context.Reply($"“{(part.Length > 10 ? part[..10] : part)}”不是名单中的编号（1 到 {ids.Length}），请重新输入。", $"\"{(part.Length > 10 ? part[..10] : part)}\" is not a number on the list (1 to {ids.Length}); please try again.");
                Reprompt();
                return;
            }

            picked.Add(n - 1);
        }

        if (!all && picked.Count == 0)
        {
            _context.Reply("请至少输入一个编号，或输入“全部”。", "Type at least one number, or \"all\".");
            Reprompt();
            return;
        }

        var chosen = all ? ids : [.. picked.Select(i => ids[i])];
        var saved = 0;
        foreach (var id in chosen)
        {
            if (await _services.Members.GetAsync(id, cancellationToken) is { } attendee)
            {
                await _services.Log.AddAsync(EntryFor(attendee, $"study:{_context.Update.UpdateId}:{id}", confirmed: true), cancellationToken);
                saved++;
            }
        }

        _context.Reply($"已为 {saved} 人登记 {Data["date"]} 的集体学习（已确认）。", $"Recorded the collective session of {Data["date"]} for {saved} member(s) (confirmed).");
        await _machine.FireAsync(Trigger.Finish);
    }

    private async Task ConfirmUnitAsync(CancellationToken cancellationToken)
    {
        var pending = (await _services.Log.ListAsync(_context.Member!.UnitId, null, null, cancellationToken)).Where(e => !e.Confirmed && e.Kind != ActivityKind.Visit).ToList();
        foreach (var entry in pending)
        {
            await _services.Log.ReplaceAsync(entry with { Confirmed = true }, cancellationToken);
        }

        _context.Reply(
            pending.Count == 0 ? "本单位没有待确认的记录。" : $"已确认本单位 {pending.Count} 条学习和调研记录。",
            pending.Count == 0 ? "No entries wait for confirmation." : $"Confirmed {pending.Count} study and research entries of your unit.");
    }
}
