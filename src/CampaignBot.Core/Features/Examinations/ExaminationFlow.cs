using CampaignBot.Core.Campaign;
using CampaignBot.Core.Conversations;
using Stateless;
using Stateless.Reflection;

namespace CampaignBot.Core.Features.Examinations;

/// <summary>
/// The self-examination, one checklist item at a time. Answers live in the session while the flow is open and are
/// saved to the store after every step, so "save and leave", a timeout or a restart all resume at the same item.
/// After submission it is read-only until a reviewer returns it.
/// </summary>
public sealed partial class ExaminationFlow : IConversationFlow
{
    public const int MaxTextLength = 800;
    private const string ItemKey = "item";
    private const string ChecklistKey = "checklist";

    private readonly FlowContext _context;
    private readonly IExaminationStore _store;
    private readonly ExaminationReviewers _reviewers;
    private readonly string _flowName;
    private readonly StateMachine<State, Trigger> _machine;
    private readonly StateMachine<State, Trigger>.TriggerWithParameters<int> _goTo;
    private State _backTarget;

    public ExaminationFlow(FlowContext context, IExaminationStore store, ExaminationReviewers reviewers, string flowName)
    {
        _context = context;
        _store = store;
        _reviewers = reviewers;
        _flowName = flowName;
        _machine = FlowGraph.MachineOver<State, Trigger>(context.Session, State.AskingChoice);
        _goTo = _machine.SetTriggerParameters<int>(Trigger.GoTo);
        Configure();
    }

    private enum State
    {
        AskingChoice,
        AskingText,
        Reviewing,
        Saved,
        Submitted,
        Cancelled,
        TimedOut,
    }

    private enum Trigger
    {
        ChoiceMade,
        GoTo,
        Review,
        Submit,
        Save,
        Back,
        Cancel,
        Timeout,
    }

    public bool IsFinished => _machine.State is State.Saved or State.Submitted or State.Cancelled or State.TimedOut;

    private Dictionary<string, string> Data => _context.Session.Data;

    private ChecklistDefinition? Checklist => _context.Campaign.FindChecklist(Data.GetValueOrDefault(ChecklistKey, string.Empty));

    private IReadOnlyList<ChecklistItem> Items => Checklist?.Items ?? [];

    private int Index => int.TryParse(Data.GetValueOrDefault(ItemKey), out var i) ? Math.Clamp(i, 0, Items.Count) : 0;

    private ChecklistItem? Current => Index < Items.Count ? Items[Index] : null;

    public string ExportGraph() => FlowGraph.Export(_machine);

    public Task BackAsync(CancellationToken cancellationToken)
    {
        if (_machine.State == State.AskingText && Current is { Answer: ChecklistAnswerKind.Both })
        {
            _backTarget = State.AskingChoice;
            return FireAndPromptAsync(Trigger.Back);
        }

        if (Index == 0)
        {
            _context.Reply("已经是第一项了。", "This is already the first item.");
            Reprompt();
            return Task.CompletedTask;
        }

        // Back from an item goes to the previous item's last part (its text, when it has one).
        Data[ItemKey] = (Index - 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
        _backTarget = LastPartOf(Index);
        return FireAndPromptAsync(Trigger.Back);
    }

    public async Task CancelAsync(CancellationToken cancellationToken)
    {
        await SaveDraftAsync(cancellationToken);
        await _machine.FireAsync(Trigger.Cancel);
    }

    public async Task TimeoutAsync(CancellationToken cancellationToken)
    {
        await SaveDraftAsync(cancellationToken);
        await _machine.FireAsync(Trigger.Timeout);
    }

    private void Configure()
    {
        var targets = new DynamicStateInfos
        {
            { State.AskingChoice, "item with a choice" },
            { State.AskingText, "text item" },
            { State.Reviewing, "past the last item" },
        };
        var backTargets = new DynamicStateInfos
        {
            { State.AskingChoice, "choice item" },
            { State.AskingText, "item with text" },
        };

        foreach (var asking in new[] { State.AskingChoice, State.AskingText, State.Reviewing })
        {
            _machine.Configure(asking)
                .PermitDynamic(_goTo, StateAt, "next, skip or jump", targets)
                .Permit(Trigger.Save, State.Saved)
                .Permit(Trigger.Cancel, State.Cancelled)
                .Permit(Trigger.Timeout, State.TimedOut);
        }

        _machine.Configure(State.AskingChoice)
            .Permit(Trigger.ChoiceMade, State.AskingText)
            .Permit(Trigger.Review, State.Reviewing)
            .PermitDynamic(Trigger.Back, () => _backTarget, "previous item", backTargets);

        _machine.Configure(State.AskingText)
            .Permit(Trigger.Review, State.Reviewing)
            .PermitDynamic(Trigger.Back, () => _backTarget, "this item's choice or the previous item", backTargets);

        _machine.Configure(State.Reviewing)
            .Permit(Trigger.Submit, State.Submitted)
            .PermitDynamic(Trigger.Back, () => _backTarget, "last item", backTargets);

        _machine.Configure(State.Saved)
            .OnEntry(() => _context.Reply(
                $"已保存，下次发送 /examine 从第 {Index + 1} 项继续。",
                $"Saved. Send /examine to continue from item {Index + 1}."));
        _machine.Configure(State.Cancelled)
            .OnEntry(() => _context.Reply("已退出对照检查，已填写的内容都已保存。发送 /examine 可继续填写。", "Left the self-examination; your answers are saved. Send /examine to continue."));
        _machine.Configure(State.TimedOut)
            .OnEntry(() => _context.Reply("对照检查长时间未操作，已自动保存并退出。发送 /examine 可从原处继续。", "The self-examination was idle, so it was saved and closed. Send /examine to continue where you left off."));

        _machine.OnUnhandledTrigger((_, _) =>
        {
            _context.Reply("这一步不能这样操作，请按提示继续。", "That can't be done at this step; please follow the prompt.");
            Reprompt();
        });
    }

    private State StateAt(int index) => index >= Items.Count
        ? State.Reviewing
        : Items[index].Answer == ChecklistAnswerKind.Text ? State.AskingText : State.AskingChoice;

    /// <summary>Going back lands on an item's last part: its text when it has one.</summary>
    private State LastPartOf(int index) => index < Items.Count && Items[index].Answer == ChecklistAnswerKind.Choice ? State.AskingChoice : State.AskingText;

    private async Task FireAndPromptAsync(Trigger trigger)
    {
        await _machine.FireAsync(trigger);
        Reprompt();
    }

    private async Task MoveToAsync(int index, CancellationToken cancellationToken)
    {
        Data[ItemKey] = Math.Clamp(index, 0, Items.Count).ToString(System.Globalization.CultureInfo.InvariantCulture);
        await SaveDraftAsync(cancellationToken);
        await _machine.FireAsync(_goTo, Index);
        Reprompt();
    }
}
