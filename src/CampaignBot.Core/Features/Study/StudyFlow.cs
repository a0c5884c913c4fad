using CampaignBot.Core.Campaign;
using CampaignBot.Core.Conversations;
using CampaignBot.Core.Features.Registration;
using Stateless;

namespace CampaignBot.Core.Features.Study;

/// <summary>
/// /study: log a session (date, length, form, topic, note), list and correct recent entries; a secretary also
/// records a collective session for many members at once and confirms the unit's entries.
/// </summary>
public sealed partial class StudyFlow : IConversationFlow
{
    private const int RecentShown = 5;
    private readonly FlowContext _context;
    private readonly StudyServices _services;
    private readonly FlowSteps _steps;
    private readonly StateMachine<State, Trigger> _machine;
    private readonly StateMachine<State, Trigger>.TriggerWithParameters<string> _dateGiven;
    private readonly StateMachine<State, Trigger>.TriggerWithParameters<int> _lengthGiven;
    private readonly StateMachine<State, Trigger>.TriggerWithParameters<string> _formChosen;
    private readonly StateMachine<State, Trigger>.TriggerWithParameters<string> _topicChosen;
    private readonly StateMachine<State, Trigger>.TriggerWithParameters<string> _entryPicked;

    internal StudyFlow(FlowContext context, StudyServices services, string flowName)
    {
        _context = context;
        _services = services;
        _steps = new FlowSteps(context, flowName, services.Calendar);
        _machine = FlowGraph.MachineOver<State, Trigger>(context.Session, State.Choosing);
        _dateGiven = _machine.SetTriggerParameters<string>(Trigger.DateGiven);
        _lengthGiven = _machine.SetTriggerParameters<int>(Trigger.LengthGiven);
        _formChosen = _machine.SetTriggerParameters<string>(Trigger.FormChosen);
        _topicChosen = _machine.SetTriggerParameters<string>(Trigger.TopicChosen);
        _entryPicked = _machine.SetTriggerParameters<string>(Trigger.EntryPicked);
        Configure();
    }

    private enum State
    {
        Choosing,
        PickingEntry,
        AwaitingDate,
        AwaitingLength,
        AwaitingForm,
        AwaitingTopic,
        AwaitingNote,
        AwaitingAttendees,
        Done,
        Cancelled,
        TimedOut,
    }

    private enum Trigger
    {
        NewEntry,
        Collective,
        ListRecent,
        Finish,
        EntryPicked,
        DateGiven,
        LengthGiven,
        FormChosen,
        TopicChosen,
        AskAttendees,
        Back,
        Cancel,
        Timeout,
    }

    public bool IsFinished => _machine.State is State.Done or State.Cancelled or State.TimedOut;

    /// <summary>The list or menu asks nothing: a new command leaves it (see IConversationFlow.LetsCommandsThrough).</summary>
    public bool LetsCommandsThrough => _machine.State is State.Choosing;

    private Dictionary<string, string> Data => _context.Session.Data;

    private bool IsSecretary => _context.Member?.Role is Roles.Secretary or Roles.CampaignOffice;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (_context.Member is null)
        {
            _context.Reply("你还没有注册。发送 /start 并输入邀请码注册后，再来记录学习。", "You are not registered yet. Send /start with your invite code first.");
            _context.Session.State = nameof(State.Done);
            return Task.CompletedTask;
        }

        _context.Session.State = nameof(State.Choosing);
        Reprompt();
        return Task.CompletedTask;
    }

    public Task HandleInputAsync(string input, CancellationToken cancellationToken) => _machine.State switch
    {
        State.Choosing => ChooseAsync(input, cancellationToken),
        State.PickingEntry => PickAsync(input, cancellationToken),
        State.AwaitingDate => _steps.ReadDate(input) is { } date ? _machine.FireAsync(_dateGiven, FlowSteps.DateText(date)) : Refused(),
        State.AwaitingLength => _steps.ReadLength(input) is { } half ? _machine.FireAsync(_lengthGiven, half) : Refused(),
        State.AwaitingForm => Pick(input, StudyForms.All) is { } form ? _machine.FireAsync(_formChosen, form) : Refused(true),
        State.AwaitingTopic => Pick(input, StudyForms.Topics(_context.Campaign)) is { } topic ? _machine.FireAsync(_topicChosen, topic) : Refused(true),
        State.AwaitingNote => AcceptNoteAsync(input, cancellationToken),
        State.AwaitingAttendees => AcceptAttendeesAsync(input, cancellationToken),
        _ => Task.CompletedTask,
    };

    public Task BackAsync(CancellationToken cancellationToken) => FlowGraph.TryGoBackAsync(_machine, Trigger.Back, _context, Reprompt);

    public Task CancelAsync(CancellationToken cancellationToken) => _machine.FireAsync(Trigger.Cancel);

    public Task TimeoutAsync(CancellationToken cancellationToken) => _machine.FireAsync(Trigger.Timeout);

    public string ExportGraph() => FlowGraph.Export(_machine);

    private void Configure()
    {
        _machine.Configure(State.Choosing)
            .OnEntry(Reprompt)
            .Permit(Trigger.NewEntry, State.AwaitingDate)
            .Permit(Trigger.Collective, State.AwaitingDate)
            .Permit(Trigger.ListRecent, State.PickingEntry)
            .Permit(Trigger.Finish, State.Done)
            .Permit(Trigger.Cancel, State.Cancelled)
            .Permit(Trigger.Timeout, State.TimedOut);

        _machine.Configure(State.PickingEntry)
            .OnEntry(Reprompt)
            .Permit(Trigger.EntryPicked, State.AwaitingDate)
            .Permit(Trigger.Back, State.Choosing)
            .Permit(Trigger.Cancel, State.Cancelled)
            .Permit(Trigger.Timeout, State.TimedOut);

        _machine.Configure(State.AwaitingDate)
            .OnEntryFrom(Trigger.NewEntry, () => StartEntry("new"))
            .OnEntryFrom(Trigger.Collective, () => StartEntry("group"))
            .OnEntryFrom(_entryPicked, id => (Data["mode"], Data["fix"]) = ("fix", id))
            .OnEntry(Reprompt)
            .Permit(Trigger.DateGiven, State.AwaitingLength)
            .Permit(Trigger.Back, State.Choosing)
            .Permit(Trigger.Cancel, State.Cancelled)
            .Permit(Trigger.Timeout, State.TimedOut);

        Step(State.AwaitingLength, State.AwaitingDate, Trigger.LengthGiven, State.AwaitingForm).OnEntryFrom(_dateGiven, d => Data["date"] = d);
        Step(State.AwaitingForm, State.AwaitingLength, Trigger.FormChosen, State.AwaitingTopic).OnEntryFrom(_lengthGiven, h => Data["len"] = h.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Step(State.AwaitingTopic, State.AwaitingForm, Trigger.TopicChosen, State.AwaitingNote).OnEntryFrom(_formChosen, f => Data["form"] = f);
        Step(State.AwaitingNote, State.AwaitingTopic, Trigger.Finish, State.Done)
            .OnEntryFrom(_topicChosen, t => Data["topic"] = t)
            .Permit(Trigger.AskAttendees, State.AwaitingAttendees);
        Step(State.AwaitingAttendees, State.AwaitingNote, Trigger.Finish, State.Done);

        _machine.Configure(State.Cancelled)
            .OnEntry(() => _context.Reply("已取消，未保存。需要时发送 /study 重新开始。", "Cancelled; nothing was saved. Send /study to start again."));
        _machine.Configure(State.TimedOut)
            .OnEntry(() => _context.Reply("学习记录长时间未完成，已自动退出，未保存。", "The study log timed out; nothing was saved."));
        _machine.OnUnhandledTrigger((_, _) =>
        {
            _context.Reply("这一步不能这样操作，请按提示继续。", "That can't be done at this step; please follow the prompt.");
            Reprompt();
        });
    }

    private StateMachine<State, Trigger>.StateConfiguration Step(State state, State back, Trigger next, State target) =>
        _machine.Configure(state)
            .OnEntry(Reprompt)
            .Permit(next, target)
            .Permit(Trigger.Back, back)
            .Permit(Trigger.Cancel, State.Cancelled)
            .Permit(Trigger.Timeout, State.TimedOut);

    /// <summary>A new entry forgets an entry picked for correction earlier in this conversation.</summary>
    private void StartEntry(string mode)
    {
        Data["mode"] = mode;
        Data.Remove("fix");
    }

    private Task Refused(bool useButtons = false)
    {
        if (useButtons)
        {
            _context.Reply("请点击下面的按钮选择。", "Please choose with the buttons below.");
        }

        Reprompt();
        return Task.CompletedTask;
    }

    private static string? Pick(string input, IReadOnlyList<CatalogueItem> items) =>
        items.FirstOrDefault(i => i.Code == input || i.Name == input.Trim())?.Code;
}
