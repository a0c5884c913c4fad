using System.Globalization;
using System.Text;
using CampaignBot.Core.Campaign;

namespace CampaignBot.Core.Features.Examinations;

/// <summary>How a self-examination reads for the member, the reviewer and the export.</summary>
public static class ExaminationText
{
    /// <summary>A required item needs its choice and its text; a "does not exist" needs no evidence.</summary>
    public static bool IsComplete(ChecklistItem item, ExaminationAnswer answer)
    {
        ArgumentNullException.ThrowIfNull(item);
        ArgumentNullException.ThrowIfNull(answer);
        return item.Answer switch
        {
            ChecklistAnswerKind.Choice => answer.Choice is not null,
            ChecklistAnswerKind.Text => !string.IsNullOrEmpty(answer.Text),
            _ => answer.Choice is not null && (answer.Choice == ChecklistChoices.None || !string.IsNullOrEmpty(answer.Text)),
        };
    }

    /// <summary>The answer as one line: "存在：具体表现…".</summary>
    public static string Answer(ExaminationAnswer? answer, bool english = false)
    {
        var parts = new[] { ChecklistChoices.Name(answer?.Choice, english), answer?.Text }.Where(p => !string.IsNullOrEmpty(p));
        return string.Join(english ? ": " : "：", parts);
    }

    public static string Summary(ChecklistDefinition checklist, IReadOnlyDictionary<string, ExaminationAnswer> answers, bool english)
    {
        ArgumentNullException.ThrowIfNull(checklist);
        ArgumentNullException.ThrowIfNull(answers);
        var text = new StringBuilder(english ? $"{checklist.Name}: summary\n" : $"「{checklist.Name}」总览\n");
        for (var i = 0; i < checklist.Items.Count; i++)
        {
            var item = checklist.Items[i];
            var answer = answers.GetValueOrDefault(item.Code) ?? new ExaminationAnswer(null, null);
            var shown = Answer(answer, english);
            var mark = IsComplete(item, answer) ? "✓" : item.Required ? "✗" : "○";
            text.Append(CultureInfo.InvariantCulture, $"{mark} {i + 1}. {Short(item.Prompt)} — {(shown.Length == 0 ? (english ? "(not answered)" : "（未填）") : shown)}\n");
        }

        return text.ToString().TrimEnd();
    }

    /// <summary>The head of a prompt ("形式主义"), for lists.</summary>
    public static string Short(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var cut = text.IndexOfAny(['：', ':', '，', '？']);
        return cut is > 0 and <= 20 ? text[..cut] : text.Length <= 20 ? text : text[..20] + "…";
    }

    public static string StatusName(ExaminationStatus? status, bool english = false) => status switch
    {
        null => english ? "not started" : "未开始",
        ExaminationStatus.Draft => english ? "in progress" : "填写中",
        ExaminationStatus.Submitted => english ? "submitted" : "已提交待审核",
        ExaminationStatus.Returned => english ? "returned" : "已退回修改",
        ExaminationStatus.Accepted => english ? "accepted" : "已通过",
        _ => status.ToString()!,
    };
}
