using System.Security.Cryptography;

namespace CampaignBot.Core.Features.Evaluations;

/// <summary>
/// /round open &lt;unit&gt; &lt;stage&gt; [hours] [group|roster|code] [change] [tally], /round close &lt;id&gt;: the office (or a
/// secretary for their own unit, when Evaluation:SecretariesMayOpen) opens and closes evaluation rounds. What the command
/// answers is for the operator alone (ids, usage, "/round close …"): in a group it goes to their private chat, and the
/// group sees only the ballot and the result.
/// </summary>
public sealed class RoundCommand(
    IEvaluationRoundStore rounds,
    RoundOpener opener,
    RoundCloser closer,
    IOptions<EvaluationOptions> options) : ICommandHandler
{
    public string Command => "round";

    public async Task HandleAsync(FlowContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var args = ((CommandInput)context.Update.Content).Arguments.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (!MayRunRounds(context.Member, options.Value.SecretariesMayOpen))
        {
            // Nothing here is for them: no usage, no setting, just who runs rounds (fit for the chat it was asked in).
            context.Reply(context.Member is null ? EvaluationTexts.RoundNotRegistered : EvaluationTexts.RoundOfficeOnly);
            return;
        }

        var inGroup = context.Update.Chat.Kind == ChatKind.Group;
        var before = (Replies: context.Replies.Count, Notifications: context.Notifications.Count(n => n.Chat.Key == context.Update.Chat.Key));
        await RunAsync(context, args, cancellationToken);
        if (inGroup && context.Replies.Count == before.Replies && context.Notifications.Count(n => n.Chat.Key == context.Update.Chat.Key) == before.Notifications)
        {
            // The answer went to the operator's private chat only: the group is told so, once.
            context.Reply(EvaluationTexts.RoundAnswerSentPrivately);
        }
    }

    private static bool MayRunRounds(Member? member, bool secretariesMayOpen) =>
        member is { Role: Roles.CampaignOffice } || (secretariesMayOpen && member is { Role: Roles.Secretary });

    private async Task RunAsync(FlowContext context, string[] args, CancellationToken cancellationToken)
    {
        if (!options.Value.IsConfigured)
        {
            Tell(context, EvaluationTexts.NotConfigured);
            return;
        }

        switch (args.FirstOrDefault()?.ToLowerInvariant())
        {
            case "open" when args.Length >= 3:
                await OpenAsync(context, args, cancellationToken);
                return;
            case "close" when args.Length == 2:
                await CloseAsync(context, args[1].ToLowerInvariant(), cancellationToken);
                return;
            default:
                Tell(context, EvaluationTexts.RoundUsage);
                return;
        }
    }

    /// <summary>Null when the caller may run rounds of the unit; otherwise the reason, as a sentence.</summary>
    public static Text? Forbidden(FlowContext context, string unitId, bool secretariesMayOpen) => context.Member switch
    {
        null => EvaluationTexts.RoundNotRegistered,
        { Role: Roles.CampaignOffice } => null,
        { Role: Roles.Secretary } m when secretariesMayOpen && m.UnitId == unitId => null,
        { Role: Roles.Secretary } when secretariesMayOpen => EvaluationTexts.RoundSecretaryOwnUnit,
        _ => EvaluationTexts.RoundOfficeOnly,
    };

    private async Task OpenAsync(FlowContext context, string[] args, CancellationToken cancellationToken)
    {
        var campaign = context.Campaign;
        var unit = campaign.FindUnit(args[1]);
        if (unit is null)
        {
            Tell(context, EvaluationTexts.RoundNoSuchUnit(Shorten(args[1])));
            return;
        }

        if (Forbidden(context, unit.Id, options.Value.SecretariesMayOpen) is { } reason)
        {
            Tell(context, reason);
            return;
        }

        var stages = campaign.Evaluation.Stages;
        var stage = stages.FirstOrDefault(s => s.Code == args[2])
            ?? (int.TryParse(args[2], NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= 1 && n <= stages.Count ? stages[n - 1] : null);
        if (stage is null)
        {
            var list = stages.Select((s, i) => EvaluationTexts.RoundStageChoice(i + 1, s.Code, s.Names())).ToList();
            Tell(context, EvaluationTexts.RoundNoSuchStage(string.Join("，", list.Select(s => s.Chinese)), string.Join(", ", list.Select(s => s.English))));
            return;
        }

        if (RoundSettings.Parse(args.Skip(3), options.Value.DefaultHours) is not { } settings)
        {
            Tell(context, EvaluationTexts.RoundBadOption);
            return;
        }

        var history = (await rounds.ListAsync(unit.Id, cancellationToken)).Where(r => r.Stage == stage.Code).ToList();
        var id = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(context.Update.UpdateId)), 0, 4);
        if (history.FirstOrDefault(r => r.Status == RoundStatus.Open && r.Id != id) is { } open)
        {
            Tell(context, EvaluationTexts.RoundStageBusy(unit.Names(), stage.Names(), open.Id));
            return;
        }

        // The check above is the usual answer; an opening of the same stage racing this one is refused by the store,
        // and the opener then answers with the same sentence and nothing more.
        var outcome = await opener.OpenAsync(context, id, unit.Id, stage.Code, settings, cancellationToken);
        Tell(context, outcome.Said);
        if (!outcome.Opened)
        {
            return;
        }

        if (context.Update.Chat.Kind == ChatKind.Group)
        {
            context.Reply(EvaluationTexts.OpenedInGroup);
        }

        if (history.Count > 0 && EvaluationReport.StandingOf(history) == StageStanding.NeedsMakeUp)
        {
            Tell(context, EvaluationTexts.RoundMakeUp(history.Count + 1));
        }
    }

    private async Task CloseAsync(FlowContext context, string id, CancellationToken cancellationToken)
    {
        var round = EvaluationRound.IsValidId(id) ? await rounds.GetAsync(id, cancellationToken) : null;
        if (round is null)
        {
            Tell(context, EvaluationTexts.RoundNoSuchRound(Shorten(id)));
            return;
        }

        if (Forbidden(context, round.UnitId, options.Value.SecretariesMayOpen) is { } reason)
        {
            Tell(context, reason);
            return;
        }

        if (round.Status == RoundStatus.Closed)
        {
            Tell(context, EvaluationTexts.AlreadyClosed(round.Id));
            return;
        }

        // The result reaches the group and, privately, the office, the opener and the closer: once each, nothing more here.
        await closer.CloseAsync(context, round.Id, context.Member, cancellationToken);
    }

    /// <summary>Answers the operator: in a private chat as a reply, from a group in their private chat.</summary>
    private static void Tell(FlowContext context, Text text) => context.ReplyPrivately(text);

    private static string Shorten(string value) => Words.Short(value);
}
