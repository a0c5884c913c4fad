using System.Reflection;
using System.Text.RegularExpressions;
using CampaignBot.Core.Campaign;
using CampaignBot.Core.Features.Inspections;
using CampaignBot.Core.Features.LifeMeetings;
using CampaignBot.Core.Features.Pledges;
using CampaignBot.Core.Features.Progress;
using CampaignBot.Core.Features.Study;
using CampaignBot.Core.Messaging;
using CampaignBot.Tests.Configuration;
using CampaignBot.WeCom.Sending;

namespace CampaignBot.Tests.Architecture;

/// <summary>
/// A WeCom card shows at most <see cref="WeComMessages.MaxButtonLabelChars"/> characters per button and cuts the rest,
/// so every fixed label the flows and commands declare must fit in both languages, and the buttons of one prompt must
/// read differently. Labels built from data (units, people, numbers) are not checked here; the /todo reminder buttons
/// carry no count for that reason (the list's line gives it).
/// </summary>
public sealed partial class ButtonLabelTests
{
    [Fact]
    public void Every_fixed_button_label_fits_a_WeCom_button_in_both_languages()
    {
        var labels = FixedLabels().SelectMany(prompt => prompt.Labels).ToList();

        var tooLong = labels
            .SelectMany(l => new[] { (l.Name, Text: l.Text.Chinese), (l.Name, Text: l.Text.English) })
            .Where(l => l.Text.Length > WeComMessages.MaxButtonLabelChars)
            .Select(l => $"{l.Name}: \"{l.Text}\" ({l.Text.Length})")
            .Distinct()
            .ToList();

        Assert.True(labels.Count > 40, $"Only {labels.Count} fixed labels found: the scan of the flows no longer sees their buttons.");
        Assert.True(tooLong.Count == 0, $"Button labels over {WeComMessages.MaxButtonLabelChars} characters, cut on a WeCom card:\n" + string.Join("\n", tooLong));
    }

    [Fact]
    public void No_two_buttons_of_one_prompt_read_the_same_in_either_language()
    {
        var alike = FixedLabels()
            .SelectMany(prompt => new[] { prompt.Labels.Select(l => l.Text.Chinese), prompt.Labels.Select(l => l.Text.English) }
                .SelectMany(texts => texts.GroupBy(t => t, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1)
                    .Select(g => $"{prompt.Where}: \"{g.Key}\" {g.Count()} times")))
            .ToList();

        Assert.True(alike.Count == 0, "Buttons of one prompt that read the same:\n" + string.Join("\n", alike));
    }

    private sealed record Label(string Name, Text Text);

    private sealed record PromptLabels(string Where, IReadOnlyList<Label> Labels);

    /// <summary>
    /// The buttons each prompt declares with a catalogue entry (<c>new Choice(XTexts.Name, …)</c>, <c>new Button(context.Text(XTexts.Name), …)</c>,
    /// a run of consecutive declaring lines counting as one prompt; and the accept and reject words of the talk decision flows and the fixed lists offered as buttons.
    /// </summary>
    private static IEnumerable<PromptLabels> FixedLabels()
    {
        var core = typeof(Text).Assembly;
        var texts = core.GetTypes().Where(t => t.Name.EndsWith("Texts", StringComparison.Ordinal)).ToDictionary(t => t.Name, StringComparer.Ordinal);
        var source = Path.Combine(CampaignFiles.RepoRoot, "src", "CampaignBot.Core");
        foreach (var file in Directory.EnumerateFiles(source, "*.cs", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var lines = File.ReadAllLines(file);
            var run = new List<Label>();
            var start = 0;
            for (var i = 0; i <= lines.Length; i++)
            {
                var found = i < lines.Length ? LabelsOn(lines[i], texts) : [];
                if (found.Count > 0)
                {
                    start = run.Count == 0 ? i + 1 : start;
                    run.AddRange(found);
                }
                else if (run.Count > 0)
                {
                    yield return new PromptLabels($"{Path.GetRelativePath(source, file)}:{start}", run);
                    run = [];
                }
            }
        }

        foreach (var flow in core.GetTypes())
        {
            foreach (var field in flow.GetFields(BindingFlags.NonPublic | BindingFlags.Public | BindingFlags.Static).Where(f => f.FieldType == typeof(TalkDecisionWords)))
            {
                var words = (TalkDecisionWords)field.GetValue(null)!;
                yield return new PromptLabels(flow.Name, [new Label($"{flow.Name}.Accept", words.Accept), new Label($"{flow.Name}.Reject", words.Reject)]);
            }
        }

        yield return new PromptLabels("ChecklistChoices", [.. ChecklistChoices.All.Select(c => new Label($"ChecklistChoices.{c.Code}", new Text(c.Chinese, c.English)))]);
        yield return new PromptLabels("PledgeOutcomes", [.. PledgeOutcomes.All.Select(o => new Label($"PledgeOutcomes.{o.Code}", new Text(o.Chinese, o.English)))]);
        yield return new PromptLabels("Ratings", [.. Ratings.All.Select(r => new Label($"Ratings.{r.Code}", r.Name))]);
        yield return new PromptLabels("ActionListKind", [.. ActionListKind.All.Select(k => new Label($"ActionListKind.{k.Code}", k.Button))]);
        yield return new PromptLabels("StudyForms", [.. StudyForms.All.Select(f => new Label($"StudyForms.{f.Code}", new Text(f.Name, f.Description ?? f.Name)))]);
    }

    private static List<Label> LabelsOn(string line, Dictionary<string, Type> texts) =>
        [.. DeclaredLabel().Matches(line).Select(m => m.Groups)
            .Where(g => texts.ContainsKey(g["type"].Value))
            .Select(g => new Label($"{g["type"].Value}.{g["name"].Value}", Value(texts[g["type"].Value], g["name"].Value)))];

    private static Text Value(Type texts, string name) =>
        texts.GetField(name, BindingFlags.Public | BindingFlags.Static)?.GetValue(null) as Text
        ?? texts.GetProperty(name, BindingFlags.Public | BindingFlags.Static)?.GetValue(null) as Text
        ?? throw new InvalidOperationException($"{texts.Name}.{name} is not a fixed text.");

    // A label taken straight from a catalogue entry; an entry with values (XTexts.Name(…)) is built from data and left out.
    [GeneratedRegex(@"new (?:Choice|Button)\((?:context\.Text\()?(?<type>\w+Texts)\.(?<name>\w+)\b(?!\s*\()")]
    private static partial Regex DeclaredLabel();
}
