namespace CampaignBot.Core.Features.Evaluations;

/// <summary>/vote CODE in a private chat: an evaluator with a round's code gets a private ballot.</summary>
public sealed class VoteCommand(IEvaluationRoundStore rounds, ITurnoutStore turnout, IBallotStore ballots, BallotHasher hasher, EvaluationText text, BallotBriefings briefings) : ICommandHandler
{
    public string Command => "vote";

    public async Task HandleAsync(FlowContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var code = ((CommandInput)context.Update.Content).Arguments.Trim();
        if (context.Update.Chat.Kind != ChatKind.Private)
        {
            context.Reply(EvaluationTexts.KeepYourVoteSecret);
            return;
        }

        if (!hasher.IsConfigured)
        {
            context.Reply(EvaluationTexts.EvaluationsAreNotEnabled);
            return;
        }

        if (code.Length == 0)
        {
            context.Reply(EvaluationTexts.VoteNeedsCode);
            return;
        }

        var round = code.Length is >= 4 and <= 12 && code.All(char.IsAsciiLetterOrDigit) ? await rounds.FindByCodeAsync(code, cancellationToken) : null;
        if (round is null)
        {
            context.Reply(EvaluationTexts.CodeNotValidPlease);
            return;
        }

        if (!round.IsOpenAt(context.Now))
        {
            context.Reply(EvaluationTexts.RoundClosedNotOpen);
            return;
        }

        var voterId = Member.IdFor(context.Update.Chat.Channel, context.Update.Sender.Id);
        if (await ballots.HasVotedAsync(round.Id, hasher.Hash(round.Id, voterId), cancellationToken))
        {
            // Checked on the keyed hash, as the vote itself is: a second ballot is never handed out.
            context.Reply(round.AllowChange ? EvaluationTexts.AlreadyVotedMayChange : EvaluationTexts.AlreadyVoted);
            if (!round.AllowChange)
            {
                return;
            }
        }

        await turnout.AddAsync(new TurnoutEntry(round.Id, voterId, context.Update.Chat, false), cancellationToken);
        context.Reply(text.Ballot(round, null, await briefings.ForAsync(round, cancellationToken), context.Language));
    }
}

/// <summary>
/// /results [unit]: a secretary sees their unit, the office and supervisors every unit: a table, a chart and a spreadsheet.
/// A round still open is shown with its ballots so far.
/// </summary>
public sealed class ResultsCommand(IEvaluationRoundStore rounds, IBallotStore ballots, EvaluationText text, IEnumerable<IEvaluationReportRenderer> renderers) : ICommandHandler
{
    private static readonly UnitScopeRefusals Refusals = new(
        EvaluationTexts.SecretarySeesTheirOwn, EvaluationTexts.OnlyCampaignOfficeSupervisors, EvaluationTexts.NoUnitWithId, EchoLength: 24);

    public string Command => "results";

    public CommandPrivacy Privacy => CommandPrivacy.Personal;

    public async Task HandleAsync(FlowContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var asked = ((CommandInput)context.Update.Content).Arguments.Trim();
        if (!UnitScope.TryPick(context, asked, m => m.Role is Roles.CampaignOffice or Roles.Supervisor, Refusals, out var unit))
        {
            return;
        }

        var all = await rounds.ListAsync(unit, cancellationToken);
        var running = new Dictionary<string, Tally>(StringComparer.Ordinal);
        foreach (var open in all.Where(r => r.Status == RoundStatus.Open))
        {
            running[open.Id] = await ballots.TallyAsync(open.Id, cancellationToken);
        }

        var rows = EvaluationReport.Rows(all, text, running);
        context.Reply(new TextMessage(EvaluationReport.Table(rows, context.Language)));
        if (rows.Count == 0)
        {
            return;
        }

        foreach (var renderer in renderers.Take(1))
        {
            context.Reply(new PhotoMessage("evaluations.png", renderer.RenderChart(rows, context.Text(EvaluationTexts.ResultsChartTitle)), context.Text(EvaluationTexts.ResultsChartCaption)));
            context.Reply(new DocumentMessage("evaluations.xlsx", renderer.RenderSpreadsheet(rows), context.Text(EvaluationTexts.ResultsSpreadsheetCaption)));
        }
    }
}
