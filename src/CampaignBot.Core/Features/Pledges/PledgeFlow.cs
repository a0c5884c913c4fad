using CampaignBot.Core.Features.Groups;
using PledgeRecord = CampaignBot.Core.Features.Pledges.Pledge;

namespace CampaignBot.Core.Features.Pledges;

/// <summary>What the pledge flow has gathered: the areas chosen, those still to write, the drafts, what was published.</summary>
public sealed record PledgeAnswers
{
    /// <summary>Area codes chosen, in the campaign's order.</summary>
    public IReadOnlyList<string> Selected { get; init; } = [];

    /// <summary>Areas still to write, the one at hand first.</summary>
    public IReadOnlyList<string> Queue { get; init; } = [];

    /// <summary>Written drafts by area code.</summary>
    public IReadOnlyDictionary<string, string> Drafts { get; init; } = new Dictionary<string, string>(StringComparer.Ordinal);

    public int Published { get; init; }

    /// <summary>The group the pledges were posted to, or null when the unit has none linked.</summary>
    public string? PostedTo { get; init; }
}

/// <summary>
/// /pledge: public pledges (公开承诺). Choose areas, write each (10–500 characters), preview, publish to the unit's
/// group. Drafts are saved as they are written and can be edited or withdrawn until publication; published pledges
/// are read-only, and the monthly check-in is scheduled.
/// </summary>
public sealed class PledgeFlow(IPledgeStore store, IChatStore chats, CampaignCalendar calendar)
    : DeclaredFlow<PledgeAnswers>("pledge", "pledge", PledgeTexts.Title)
{
    private const string Choosing = "ChoosingAreas";
    private const string Writing = "Writing";
    private const string Previewing = "Previewing";

    protected override void Declare(FlowBuilder<PledgeAnswers> flow)
    {
        // A toggle list: each press answers into the same step, which shows the marks again; "done" goes on.
        flow.Step<AreasChoice>(Choosing, "asks for the areas, several allowed, then done")
            .Prompt(AreasPrompt)
            .Read(ReadAreas)
            .Keep((_, choice) => choice.Answers)
            .Next((_, choice) => !choice.Done ? Choosing : choice.Answers.Queue.Count > 0 ? Writing : Previewing, (Choosing, "Toggled"), (Writing, "AreasChosen"), (Previewing, "AllWritten"));

        flow.Step<PledgeAnswers>(Writing, "asks for the pledge of the area at hand")
            .Prompt(step => PledgeTexts.AskPledge(AreaName(step, step.Answers.Queue.FirstOrDefault() ?? string.Empty), step.Answers.Drafts.GetValueOrDefault(step.Answers.Queue.FirstOrDefault() ?? string.Empty)))
            .ReadAsync(WriteAsync)
            .Keep((_, answers) => answers)
            .Next((_, answers) => answers.Queue.Count > 0 ? Writing : Previewing, (Writing, "Written"), (Previewing, "AllWritten"))
            .BackGoesTo(step => Backward<PledgeAnswers>.To(step.Answers.Drafts.Count > 0 ? Previewing : Choosing, step.Answers), Previewing, Choosing);

        flow.Step<PreviewChoice>(Previewing, "shows the drafts to publish, edit, withdraw or add to")
            .Prompt(PreviewPrompt)
            .ReadAsync(PreviewAsync)
            .Keep((_, choice) => choice.Answers)
            .Next((_, choice) => choice.To, ("Published", "Publish"), (Writing, "Edit"), (Choosing, "AddAreas"), (Previewing, "Withdrawn"))
            .BackGoesTo(Choosing);

        flow.Finish("Published", "says where the pledges were published", step => PledgeTexts.Published(step.Answers.Published, step.Answers.PostedTo))
            .Cancelled(PledgeTexts.Cancelled)
            .TimedOut(PledgeTexts.TimedOut);
    }

    private static Text AreaName(FlowStep<PledgeAnswers> step, string code) => step.Campaign.PledgeAreas.FirstOrDefault(a => a.Code == code).NamesOr(code);

    private static List<CatalogueItem> Drafted(FlowStep<PledgeAnswers> step, PledgeAnswers answers) =>
        step.Campaign.PledgeAreas.Where(a => answers.Drafts.ContainsKey(a.Code)).ToList();

    protected override async Task<Opening<PledgeAnswers>> OpenAsync(FlowContext context, CancellationToken cancellationToken)
    {
        if (context.Member is not { } member)
        {
            return Opening<PledgeAnswers>.Refuse(PledgeTexts.NotRegistered);
        }

        var mine = await store.ListByMemberAsync(member.Id, cancellationToken);
        Text Name(string code) => context.Campaign.PledgeAreas.FirstOrDefault(a => a.Code == code).NamesOr(code);
        var published = mine.Where(p => p.Status == PledgeStatus.Published).ToList();
        if (published.Count > 0)
        {
            return Opening<PledgeAnswers>.Refuse(PledgeTexts.AlreadyPublished(published.Select(p => (Name(p.Area), p.Text))));
        }

        var drafts = mine.Where(p => p.Status == PledgeStatus.Draft).ToDictionary(p => p.Area, p => p.Text, StringComparer.Ordinal);
        var answers = new PledgeAnswers
        {
            Drafts = drafts,
            Selected = context.Campaign.PledgeAreas.Select(a => a.Code).Where(drafts.ContainsKey).ToList(),
        };
        return answers.Selected.Count > 0
            ? Opening<PledgeAnswers>.ProceedAt(Previewing, PledgeTexts.HasDrafts, answers)
            : Opening<PledgeAnswers>.Proceed(PledgeTexts.Introduction, answers);
    }

    private static Prompt AreasPrompt(FlowStep<PledgeAnswers> step)
    {
        var areas = step.Campaign.PledgeAreas
            .Select((a, i) => (Mark: step.Answers.Selected.Contains(a.Code) ? "✓ " : string.Empty, Names: a.Names(), Index: i))
            .Select(a => new Choice(new Text(a.Mark + a.Names.Chinese, a.Mark + a.Names.English), Pressed.Value('a', a.Index)));
        return new Prompt(PledgeTexts.ChooseAreas, [.. areas.InRows(1), [new Choice(PledgeTexts.Done, "done")]]);
    }

    /// <summary>A press toggles an area (the step is shown again); "done" queues the chosen areas not yet written.</summary>
    private static Read<AreasChoice> ReadAreas(string input, FlowStep<PledgeAnswers> step)
    {
        var answers = step.Answers;
        var areas = step.Campaign.PledgeAreas;
        if (input is "done" or "选好了")
        {
            return answers.Selected.Count == 0
                ? PledgeTexts.ChooseAtLeastOne
                : new AreasChoice(answers with { Queue = answers.Selected.Where(a => !answers.Drafts.ContainsKey(a)).ToList() }, Done: true);
        }

        if (Pressed.Index(input, 'a', areas.Count) is not { } index)
        {
            return PledgeTexts.ChooseWithButtons;
        }

        var code = areas[index].Code;
        var chosen = (answers.Selected.Contains(code) ? answers.Selected.Where(a => a != code) : answers.Selected.Append(code)).ToList();
        return new AreasChoice(answers with { Selected = areas.Select(a => a.Code).Where(chosen.Contains).ToList(), Queue = [] }, Done: false);
    }

    private async Task<Read<PledgeAnswers>> WriteAsync(string input, FlowStep<PledgeAnswers> step, CancellationToken cancellationToken)
    {
        var text = input.Trim();
        var answers = step.Answers;
        if (text.Length is < PledgeRecord.MinLength or > PledgeRecord.MaxLength || answers.Queue.Count == 0)
        {
            return PledgeTexts.PledgeLength(text.Length);
        }

        var area = answers.Queue[0];
        await SaveAsync(step.Context, area, text, PledgeStatus.Draft, cancellationToken);
        return answers with { Drafts = new Dictionary<string, string>(answers.Drafts, StringComparer.Ordinal) { [area] = text }, Queue = answers.Queue.Skip(1).ToList() };
    }

    private static Prompt PreviewPrompt(FlowStep<PledgeAnswers> step)
    {
        var drafted = Drafted(step, step.Answers);
        var chinese = string.Concat(drafted.Select((area, i) => $"{i + 1}. 【{area.Name}】{step.Answers.Drafts[area.Code]}\n"));
        var english = string.Concat(drafted.Select((area, i) => $"{i + 1}. [{area.Names().English}] {step.Answers.Drafts[area.Code]}\n"));
        return new Prompt(
            new Text(PledgeTexts.PreviewHeading.Chinese + chinese + PledgeTexts.PreviewFooter.Chinese, PledgeTexts.PreviewHeading.English + english + PledgeTexts.PreviewFooter.English),
            [
                [new Choice(PledgeTexts.Publish, "publish"), new Choice(PledgeTexts.AddAreas, "add")],
                drafted.Select((_, i) => new Choice(PledgeTexts.Edit(i + 1), Pressed.Value('e', i))).ToList(),
                drafted.Select((_, i) => new Choice(PledgeTexts.Withdraw(i + 1), Pressed.Value('w', i))).ToList(),
            ]);
    }

    private async Task<Read<PreviewChoice>> PreviewAsync(string input, FlowStep<PledgeAnswers> step, CancellationToken cancellationToken)
    {
        // Typed "修改2" / "撤回2" work like the buttons, for channels without buttons.
        input = input.StartsWith("修改", StringComparison.Ordinal) || input.StartsWith("撤回", StringComparison.Ordinal)
            ? (input[0] == '修' ? "e" : "w") + (int.TryParse(input.AsSpan(2), NumberStyles.None, CultureInfo.InvariantCulture, out var typed) ? typed - 1 : -1).ToString(CultureInfo.InvariantCulture)
            : input;
        var answers = step.Answers;
        var drafted = Drafted(step, answers);
        var index = input.Length > 1 && int.TryParse(input.AsSpan(1), NumberStyles.None, CultureInfo.InvariantCulture, out var i) && i < drafted.Count ? i : -1;
        switch (input)
        {
            case "publish" or "确认发布":
                return await PublishAsync(step, drafted, cancellationToken);
            case "add" or "增加方面":
                return new PreviewChoice(answers, Choosing);
            case ['e', ..] when index >= 0:
                return new PreviewChoice(answers with { Queue = [drafted[index].Code] }, Writing);
            case ['w', ..] when index >= 0:
                var area = drafted[index].Code;
                await SaveAsync(step.Context, area, answers.Drafts[area], PledgeStatus.Withdrawn, cancellationToken);
                step.Context.Reply(PledgeTexts.Withdrawn(drafted[index].Names()));
                var left = answers with
                {
                    Drafts = answers.Drafts.Where(d => d.Key != area).ToDictionary(d => d.Key, d => d.Value, StringComparer.Ordinal),
                    Selected = answers.Selected.Where(a => a != area).ToList(),
                };
                return new PreviewChoice(left, left.Drafts.Count == 0 ? Choosing : Previewing);
            default:
                return PledgeTexts.PublishEditOrWithdraw;
        }
    }

    /// <summary>Published to the unit's linked group, recorded with the time, with the monthly check-in scheduled.</summary>
    private async Task<PreviewChoice> PublishAsync(FlowStep<PledgeAnswers> step, List<CatalogueItem> drafted, CancellationToken cancellationToken)
    {
        var context = step.Context;
        var member = context.Member!;
        var unit = context.Campaign.FindUnit(member.UnitId)?.Name ?? member.UnitId;
        var group = await ChatLinks.FindGroupOfUnitAsync(chats, member.UnitId, cancellationToken);
        foreach (var area in drafted)
        {
            await SaveAsync(context, area.Code, step.Answers.Drafts[area.Code], PledgeStatus.Published, cancellationToken, awaitingGroup: group is null);
        }

        if (group is not null)
        {
            context.Notify(group.ToChatRef(), new TextMessage(PledgeTexts.GroupPost(member.Name, unit, drafted.Select(a => (a.Name, step.Answers.Drafts[a.Code])))));
        }

        context.Schedule(PledgeCheckIns.JobFor(member, calendar, context.Now));
        return new PreviewChoice(step.Answers with { Published = drafted.Count, PostedTo = group is null ? null : group.Title ?? unit }, "Published");
    }

    private Task SaveAsync(FlowContext context, string area, string text, PledgeStatus status, CancellationToken cancellationToken, bool awaitingGroup = false)
    {
        var member = context.Member!;
        return store.SaveAsync(
            new PledgeRecord
            {
                MemberId = member.Id,
                MemberName = member.Name,
                UnitId = member.UnitId,
                Area = area,
                Text = text,
                Status = status,
                UpdatedAt = context.Now,
                PublishedAt = status == PledgeStatus.Published ? context.Now : null,
                AwaitingGroup = awaitingGroup,
            },
            cancellationToken);
    }
}

/// <summary>An area toggled (the list is shown again with its marks) or the choice done.</summary>
public sealed record AreasChoice(PledgeAnswers Answers, bool Done);

/// <summary>What the preview chose: where to go, with the answers it leaves.</summary>
public sealed record PreviewChoice(PledgeAnswers Answers, string To);
