using CampaignBot.Core.Campaign;

namespace CampaignBot.Core.Features.Examinations;

/// <summary>The working answers, kept in the session while the flow is open ("c:code" choice, "t:code" text).</summary>
public sealed partial class ExaminationFlow
{
    private int Number(ChecklistItem item) => Items.TakeWhile(i => i != item).Count() + 1;

    private List<ChecklistItem> MissingItems() => Items.Where(i => i.Required && !ExaminationTexts.IsComplete(i, AnswerOf(i.Code))).ToList();

    private ExaminationAnswer AnswerOf(string code) => new(Data.GetValueOrDefault("c:" + code), Data.GetValueOrDefault("t:" + code));

    private void SetAnswer(string code, ExaminationAnswer answer)
    {
        Put("c:" + code, answer.Choice);
        Put("t:" + code, answer.Text);
    }

    private void Put(string key, string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            Data.Remove(key);
        }
        else
        {
            Data[key] = value;
        }
    }

    private Dictionary<string, ExaminationAnswer> Answers() =>
        Items.Select(i => (i.Code, Answer: AnswerOf(i.Code))).Where(a => !a.Answer.IsEmpty).ToDictionary(a => a.Code, a => a.Answer, StringComparer.Ordinal);
}
