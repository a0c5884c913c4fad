namespace CampaignBot.Configuration;

/// <summary>The <c>evaluation:</c> section: the stages of 群众三评 and the meeting's 满意度测评, the choices and the pass rule.</summary>
internal static class CampaignEvaluationSection
{
    public const decimal DefaultSatisfiedShare = 0.8m;
    public const int DefaultMinimumVotes = 10;

    public static EvaluationSettings? Read(CampaignYamlMap top, CampaignErrorList errors)
    {
        if (top.Map("evaluation", "evaluation") is not { } map)
        {
            return null;
        }

        var stages = CampaignLists.ReadCatalogue(map, "stages", errors);
        var choices = CampaignLists.Read(map, "choices", "code", item =>
        {
            var code = item.Text("code");
            var name = item.Text("name");
            var satisfied = item.Bool("counts_as_satisfied");
            var english = item.EnglishName();
            return code is null || name is null || satisfied is null ? null : new EvaluationChoice(code, name, satisfied.Value) { EnglishName = english };
        }, errors);

        if (choices.Count > 0 && choices.TrueForAll(c => !c.CountsAsSatisfied))
        {
            errors.Add(map.Find("choices")!, "evaluation 的 choices 中没有任何一项写了 counts_as_satisfied: true，这样任何单位都无法通过测评；请至少把“满意”设为 true。");
        }

        var passRule = ReadPassRule(map, errors);
        map.RejectUnknownKeys();
        return new EvaluationSettings(stages, choices, passRule);
    }

    /// <summary>The rule; any error in it is already in <paramref name="errors"/>, which makes the whole file fail.</summary>
    private static PassRule ReadPassRule(CampaignYamlMap evaluation, CampaignErrorList errors)
    {
        // Without a pass_rule the campaign's usual rule applies: at least 80% satisfied out of at least 10 votes.
        var map = evaluation.Map("pass_rule", "evaluation.pass_rule", required: false);
        var share = map?.Decimal("minimum_satisfied_share", required: false);
        var votes = map?.Int("minimum_votes", minimum: 1, required: false);
        map?.RejectUnknownKeys();

        if (share is < 0m or > 1m)
        {
            var shown = share.Value.ToString(CultureInfo.InvariantCulture);
            errors.Add(map!.Find("minimum_satisfied_share")!, $"evaluation.pass_rule 的 minimum_satisfied_share 应在 0 到 1 之间（0.8 表示 80%），实际是 {shown}。");
        }

        return new PassRule(share ?? DefaultSatisfiedShare, votes ?? DefaultMinimumVotes);
    }
}
