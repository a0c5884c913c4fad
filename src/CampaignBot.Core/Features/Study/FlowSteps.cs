using CampaignBot.Core.Conversations;
using CampaignBot.Core.Messaging;

namespace CampaignBot.Core.Features.Study;

/// <summary>What the study, research and visit flows share: buttons of the current prompt, the date and length steps, short texts.</summary>
internal sealed class FlowSteps(FlowContext context, string flowName, Campaign.CampaignCalendar calendar)
{
    public const int MaxNoteLength = 500;

    public DateOnly Today => calendar.Today(context.Now);

    public Button Button(string label, string value) =>
        new(label, new ButtonPayload(flowName, context.Session.PromptToken ?? "-", value).ToString());

    public IReadOnlyList<IReadOnlyList<Button>> Column(IEnumerable<(string Label, string Value)> items) =>
        [.. items.Select(i => (IReadOnlyList<Button>)[Button(i.Label, i.Value)])];

    public IReadOnlyList<IReadOnlyList<Button>> DateButtons() =>
        [[Button(context.Text("今天", "Today"), "today"), Button(context.Text("昨天", "Yesterday"), "yesterday")]];

    public IReadOnlyList<IReadOnlyList<Button>> LengthButtons() =>
        [[Button(context.Text("1 天", "1 day"), "1"), Button(context.Text("2 天", "2 days"), "2"), Button(context.Text("3 天", "3 days"), "3")]];

    public IReadOnlyList<IReadOnlyList<Button>> SkipButton() => [[Button(context.Text("跳过", "Skip"), "skip")]];

    /// <summary>The date, or null after replying why it was refused.</summary>
    public DateOnly? ReadDate(string input)
    {
        var result = EntryDateParser.Parse(input, Today, context.Campaign.Start, context.Campaign.End);
        if (!result.Ok)
        {
            context.Reply(result.Chinese!, result.English!);
        }

        return result.Value;
    }

    /// <summary>The length in half-days, or null after replying why it was refused.</summary>
    public int? ReadLength(string input)
    {
        var result = LengthParser.Parse(input);
        if (!result.Ok)
        {
            context.Reply(result.Chinese!, result.English!);
        }

        return result.Value;
    }

    /// <summary>A free text answer: trimmed, at most <see cref="MaxNoteLength"/> characters; "skip" gives null. False after a refusal.</summary>
    public bool ReadNote(string input, bool optional, out string? note)
    {
        note = input.Trim();
        if (note is "skip" or "跳过" or "无" or "-" && optional)
        {
            note = null;
            return true;
        }

        if (note.Length == 0 || note.StartsWith('/'))
        {
            context.Reply("请输入文字内容。", "Please type some text.");
            return false;
        }

        if (note.Length > MaxNoteLength)
        {
            context.Reply($"内容太长了（不超过 {MaxNoteLength} 字），请精简后再发。", $"That is too long (at most {MaxNoteLength} characters); please shorten it.");
            return false;
        }

        return true;
    }

    /// <summary>
    /// For flows that only leaders use: true (with a reply saying why) when the caller is not registered or
    /// their rank sets no minimum for this kind of work.
    /// </summary>
    public bool RefusedToNonLeaders(Func<Campaign.RankDefinition, int?> minimum, string chinese, string english)
    {
        var rank = context.Member is { } member ? context.Campaign.FindRank(member.Rank) : null;
        if (rank is not null && minimum(rank) is > 0)
        {
            return false;
        }

        if (context.Member is null)
        {
            context.Reply("你还没有注册。发送 /start 注册后再来。", "You are not registered yet; send /start first.");
        }
        else
        {
            context.Reply(chinese, english);
        }

        return true;
    }

    public static string DateText(DateOnly date) => EntryDateParser.Show(date);

    public static DateOnly ParseStored(string text) => DateOnly.ParseExact(text, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}
