using Stateless;

namespace CampaignBot.Core.Conversations;

/// <summary>
/// A flow declared step by step (see docs/flows.md). It is its own <see cref="IFlowDefinition"/>: register it with
/// <c>services.AddSingleton&lt;IFlowDefinition, MyFlow&gt;()</c>. Each step says once what it asks, how it reads the
/// answer and where it goes; the base writes back, cancel, timeout, unexpected triggers, prompt tokens and button
/// payloads once. Every step is a substate of <see cref="ActiveState"/>, which permits Cancel and Timeout.
/// The answers are one <typeparamref name="TAnswers"/> record, kept as JSON under <see cref="AnswersKey"/>.
/// </summary>
public abstract class DeclaredFlow<TAnswers> : IFlowDefinition
    where TAnswers : class, new()
{
    public const string ActiveState = "Active";
    public const string CancelledState = "Cancelled";
    public const string TimedOutState = "TimedOut";
    public const string AnswersKey = "answers";
    public const string BackTrigger = "Back";
    public const string CancelTrigger = "Cancel";
    public const string TimeoutTrigger = "Timeout";

    private readonly Text _title;
    private readonly Lazy<FlowBuilder<TAnswers>> _declaration;

    protected DeclaredFlow(string name, string command, Text title, bool allowedInGroups = false)
    {
        Name = name;
        Command = command;
        _title = title;
        AllowedInGroups = allowedInGroups;
        _declaration = new Lazy<FlowBuilder<TAnswers>>(() =>
        {
            var builder = new FlowBuilder<TAnswers>().Opens(OpenAsync);
            Declare(builder);
            builder.Validate(Name);
            return builder;
        });
    }

    public string Name { get; }

    public string Command { get; }

    public bool AllowedInGroups { get; }

    public string Title(Language language) => _title.In(language);

    public IConversationFlow Open(FlowContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return new DeclaredFlowRun<TAnswers>(_declaration.Value, context, Name);
    }

    public string ExportGraph()
    {
        var session = new Session { Key = "graph" };
        return FlowGraph.Export(DeclaredFlowRun<TAnswers>.Build(_declaration.Value, session, run: null));
    }

    /// <summary>Declares the flow's steps, finish, cancel and timeout texts (and, with <c>flow.Opens</c>, an opening in place of <see cref="OpenAsync"/>). Called once per definition.</summary>
    protected abstract void Declare(FlowBuilder<TAnswers> flow);

    /// <summary>How the flow opens (a greeting, answers loaded from a store, or a refusal); by default the first step with empty answers.</summary>
    protected virtual Task<Opening<TAnswers>> OpenAsync(FlowContext context, CancellationToken cancellationToken) =>
        Task.FromResult(Opening<TAnswers>.Proceed());
}

/// <summary>What a flow declares: its opening, its steps in order (the first is where it starts), its ends.</summary>
public sealed class FlowBuilder<TAnswers>
    where TAnswers : class, new()
{
    internal List<IStepSpec<TAnswers>> Steps { get; } = [];

    internal List<(string State, string Says, Func<FlowStep<TAnswers>, Text?>? Text)> Finishes { get; } = [];

    internal Func<FlowContext, CancellationToken, Task<Opening<TAnswers>>> Opening { get; private set; } =
        (_, _) => Task.FromResult(Opening<TAnswers>.Proceed());

    internal Text? CancelledText { get; private set; }

    internal Text? TimedOutText { get; private set; }

    /// <summary>How the flow opens (a greeting, answers loaded from a store, or a refusal that ends it at once).</summary>
    public FlowBuilder<TAnswers> Opens(Func<FlowContext, CancellationToken, Task<Opening<TAnswers>>> opening)
    {
        Opening = opening ?? throw new ArgumentNullException(nameof(opening));
        return this;
    }

    public FlowBuilder<TAnswers> Opens(Func<FlowContext, Opening<TAnswers>> opening)
    {
        ArgumentNullException.ThrowIfNull(opening);
        Opening = (context, _) => Task.FromResult(opening(context));
        return this;
    }

    /// <summary>A step named <paramref name="state"/>; <paramref name="asks"/> describes it in docs/flows/*.dot.</summary>
    public StepBuilder<TAnswers, TValue> Step<TValue>(string state, string asks)
    {
        var step = new StepBuilder<TAnswers, TValue>(state, asks, Steps.Count > 0 ? Steps[^1].State : null);
        Steps.Add(step);
        return step;
    }

    /// <summary>An end state a step can go to with <c>Next</c>; its entry says <paramref name="text"/> (nothing when it is null).</summary>
    public FlowBuilder<TAnswers> Finish(string state, string says, Func<FlowStep<TAnswers>, Text?> text)
    {
        Finishes.Add((state, says, text ?? throw new ArgumentNullException(nameof(text))));
        return this;
    }

    /// <summary>An end state that says nothing itself: the last step's reader has already replied.</summary>
    public FlowBuilder<TAnswers> Finish(string state, string says)
    {
        Finishes.Add((state, says, null));
        return this;
    }

    public FlowBuilder<TAnswers> Cancelled(Text text)
    {
        CancelledText = text;
        return this;
    }

    public FlowBuilder<TAnswers> TimedOut(Text text)
    {
        TimedOutText = text;
        return this;
    }

    internal void Validate(string flow)
    {
        var names = Steps.Select(s => s.State).Concat(Finishes.Select(f => f.State)).ToHashSet(StringComparer.Ordinal);
        if (Steps.Count == 0 || CancelledText is null || TimedOutText is null)
        {
            throw new InvalidOperationException($"Flow {flow} must declare at least one step, its cancel and its timeout text.");
        }

        foreach (var target in Steps.SelectMany(s => s.Targets.Concat(s.Jumps.Select(j => j.Target)).Concat(s.BackTargets).Append(s.BackTo ?? s.State)))
        {
            if (!names.Contains(target))
            {
                throw new InvalidOperationException($"Flow {flow} goes to {target}, which it does not declare.");
            }
        }
    }
}

/// <summary>The parts of a step the run needs, whatever the type of value it reads.</summary>
internal interface IStepSpec<TAnswers>
    where TAnswers : class
{
    string State { get; }

    string Asks { get; }

    string? BackTo { get; }

    bool AsksNothing { get; }

    bool TakesFiles { get; }

    IReadOnlyList<string> Targets { get; }

    IReadOnlyList<(string Target, string Why)> Jumps { get; }

    /// <summary>The label of a single-target step's edge, or null for "Answered".</summary>
    string? Trigger { get; }

    /// <summary>Edge labels of a choosing step's targets, where it names them (otherwise "Answered → X").</summary>
    IReadOnlyDictionary<string, string> Labels { get; }

    /// <summary>Every step a back chosen from the answers may go to (empty when back is fixed, see <see cref="BackTo"/>).</summary>
    IReadOnlyList<string> BackTargets { get; }

    /// <summary>Where /back goes when it depends on the answers, or null when it is fixed.</summary>
    Backward<TAnswers>? ChooseBack(FlowStep<TAnswers> step);

    Prompt PromptFor(FlowStep<TAnswers> step);

    Task<StepOutcome<TAnswers>> ReadAsync(string input, FlowStep<TAnswers> step, CancellationToken cancellationToken);
}

internal sealed record StepOutcome<TAnswers>(TAnswers Answers, string? Next, Text? Say, bool Back, string? Jump);

/// <summary>One step: its prompt, its reader, what it keeps of the value and where it goes next.</summary>
public sealed class StepBuilder<TAnswers, TValue> : IStepSpec<TAnswers>
    where TAnswers : class
{
    private readonly List<string> _targets = [];
    private readonly List<(string Target, string Why)> _jumps = [];
    private Func<FlowStep<TAnswers>, Prompt>? _prompt;
    private Func<string, FlowStep<TAnswers>, CancellationToken, Task<Read<TValue>>>? _read;
    private Func<TAnswers, TValue, TAnswers> _keep = (answers, _) => answers;
    private Func<FlowStep<TAnswers>, TValue, string>? _choose;
    private Func<FlowStep<TAnswers>, Backward<TAnswers>>? _chooseBack;
    private readonly List<string> _backTargets = [];
    private readonly Dictionary<string, string> _labels = new(StringComparer.Ordinal);

    internal StepBuilder(string state, string asks, string? previous)
    {
        State = state;
        Asks = asks;
        BackTo = previous;
    }

    public string State { get; }

    public string Asks { get; }

    public string? BackTo { get; private set; }

    public bool AsksNothing { get; private set; }

    public bool TakesFiles { get; private set; }

    public IReadOnlyList<string> Targets => _targets;

    public IReadOnlyList<(string Target, string Why)> Jumps => _jumps;

    public string? Trigger { get; private set; }

    public IReadOnlyList<string> BackTargets => _backTargets;

    public IReadOnlyDictionary<string, string> Labels => _labels;

    public StepBuilder<TAnswers, TValue> Prompt(Func<FlowStep<TAnswers>, Prompt> prompt)
    {
        _prompt = prompt ?? throw new ArgumentNullException(nameof(prompt));
        return this;
    }

    public StepBuilder<TAnswers, TValue> Prompt(Prompt prompt)
    {
        ArgumentNullException.ThrowIfNull(prompt);
        _prompt = _ => prompt;
        return this;
    }

    /// <summary>A pure reader: the (trimmed) input, or a pressed button's value, to the value or a refusal.</summary>
    public StepBuilder<TAnswers, TValue> Read(Func<string, FlowStep<TAnswers>, Read<TValue>> read)
    {
        ArgumentNullException.ThrowIfNull(read);
        _read = (input, step, _) => Task.FromResult(read(input, step));
        return this;
    }

    /// <summary>A reader that must consult a store (an invite code).</summary>
    public StepBuilder<TAnswers, TValue> ReadAsync(Func<string, FlowStep<TAnswers>, CancellationToken, Task<Read<TValue>>> read)
    {
        _read = read ?? throw new ArgumentNullException(nameof(read));
        return this;
    }

    /// <summary>
    /// A step that confirms what was gathered: a press in <see cref="ConfirmWords.Confirm"/> runs <paramref name="confirmed"/>,
    /// one in <see cref="ConfirmWords.Change"/> goes back a step, anything else is refused with <paramref name="refusal"/>.
    /// </summary>
    public StepBuilder<TAnswers, TValue> ReadConfirmationAsync(
        Text refusal, Func<FlowStep<TAnswers>, CancellationToken, Task<Read<TValue>>> confirmed, ConfirmWords? words = null)
    {
        ArgumentNullException.ThrowIfNull(refusal);
        ArgumentNullException.ThrowIfNull(confirmed);
        var known = words ?? ConfirmWords.OkOrBack;
        return ReadAsync((input, step, cancellationToken) =>
            known.Change.Contains(input) ? Task.FromResult(Read<TValue>.Back)
            : known.Confirm.Contains(input) ? confirmed(step, cancellationToken)
            : Task.FromResult(Read<TValue>.Refuse(refusal)));
    }

    /// <summary>What the answers become once the value is read (<c>(a, v) =&gt; a with { Name = v }</c>).</summary>
    public StepBuilder<TAnswers, TValue> Keep(Func<TAnswers, TValue, TAnswers> keep)
    {
        _keep = keep ?? throw new ArgumentNullException(nameof(keep));
        return this;
    }

    /// <summary>The step (or finish) after this one; <paramref name="trigger"/> labels the edge in the graph ("Answered" if not given).</summary>
    public StepBuilder<TAnswers, TValue> Next(string state, string? trigger = null)
    {
        _targets.Clear();
        _targets.Add(state);
        _choose = (_, _) => state;
        Trigger = trigger;
        return this;
    }

    /// <summary>The next step chosen by the value; every possible one is listed so the graph shows it.</summary>
    public StepBuilder<TAnswers, TValue> Next(Func<FlowStep<TAnswers>, TValue, string> choose, params string[] possible)
    {
        ArgumentNullException.ThrowIfNull(possible);
        _choose = choose ?? throw new ArgumentNullException(nameof(choose));
        _targets.Clear();
        _targets.AddRange(possible);
        _labels.Clear();
        return this;
    }

    /// <summary>The next step chosen by the value, each possible one with the name of its edge in the graph ("Edit", "Publish").</summary>
    public StepBuilder<TAnswers, TValue> Next(Func<FlowStep<TAnswers>, TValue, string> choose, params (string State, string Trigger)[] possible)
    {
        ArgumentNullException.ThrowIfNull(possible);
        Next(choose, possible.Select(p => p.State).ToArray());
        foreach (var (state, trigger) in possible)
        {
            _labels[state] = trigger;
        }

        return this;
    }

    /// <summary>Lets the reader return <c>Read.Jump(state, text)</c>; <paramref name="why"/> labels the edge in the graph.</summary>
    public StepBuilder<TAnswers, TValue> MayJumpTo(string state, string why)
    {
        _jumps.Add((state, why));
        return this;
    }

    /// <summary>Where /back goes from here (by default the step declared before this one).</summary>
    public StepBuilder<TAnswers, TValue> BackGoesTo(string? state)
    {
        BackTo = state;
        return this;
    }

    /// <summary>
    /// /back (and a reader's <c>Read.Back</c>) chosen from the answers: a step that repeats per item goes back to the
    /// previous item (<c>Backward.To(state, answers with { Item = i - 1 })</c>) or refuses (<c>Backward.Refuse(text)</c>).
    /// Every possible step is listed so the graph shows it (edges "Back → X").
    /// </summary>
    public StepBuilder<TAnswers, TValue> BackGoesTo(Func<FlowStep<TAnswers>, Backward<TAnswers>> choose, params string[] possible)
    {
        ArgumentNullException.ThrowIfNull(possible);
        _chooseBack = choose ?? throw new ArgumentNullException(nameof(choose));
        _backTargets.Clear();
        _backTargets.AddRange(possible);
        BackTo = null;
        return this;
    }

    /// <summary>A menu or list that asks nothing: a new command leaves the flow and runs instead of being refused.</summary>
    public StepBuilder<TAnswers, TValue> AsksNothingOfTheUser()
    {
        AsksNothing = true;
        return this;
    }

    /// <summary>
    /// The step also takes a photo, a document or other media: its reader gets the caption (or nothing) as input and
    /// finds the file in <c>step.Context.Update.Content</c>. Other steps refuse files with one clear reply.
    /// </summary>
    public StepBuilder<TAnswers, TValue> TakesFilesToo()
    {
        TakesFiles = true;
        return this;
    }

    Backward<TAnswers>? IStepSpec<TAnswers>.ChooseBack(FlowStep<TAnswers> step) => _chooseBack?.Invoke(step);

    Prompt IStepSpec<TAnswers>.PromptFor(FlowStep<TAnswers> step) =>
        (_prompt ?? throw new InvalidOperationException($"Step {State} has no prompt."))(step);

    async Task<StepOutcome<TAnswers>> IStepSpec<TAnswers>.ReadAsync(string input, FlowStep<TAnswers> step, CancellationToken cancellationToken)
    {
        var read = _read ?? throw new InvalidOperationException($"Step {State} has no reader.");
        var result = await read(input, step, cancellationToken).ConfigureAwait(false);
        if (!result.IsAccepted)
        {
            return new StepOutcome<TAnswers>(step.Answers, null, result.Refusal, result.IsBack, result.JumpTo);
        }

        var answers = _keep(step.Answers, result.Value!);
        var next = (_choose ?? throw new InvalidOperationException($"Step {State} has no next step."))(step with { Answers = answers }, result.Value!);
        return new StepOutcome<TAnswers>(answers, next, null, false, null);
    }
}

/// <summary>A declared flow over one session for one update: the machine, the answers, the prompts.</summary>
internal sealed class DeclaredFlowRun<TAnswers> : IConversationFlow
    where TAnswers : class, new()
{
    private readonly FlowBuilder<TAnswers> _flow;
    private readonly FlowContext _context;
    private readonly string _flowName;

    /// <summary>What heads the next prompt in the same message: the flow's greeting, or what the last answer said.</summary>
    private Text? _greeting;
    private readonly StateMachine<string, string> _machine;

    public DeclaredFlowRun(FlowBuilder<TAnswers> flow, FlowContext context, string flowName)
    {
        _flow = flow;
        _context = context;
        _flowName = flowName;
        _machine = Build(flow, context.Session, this);
    }

    public bool IsFinished => _machine.State is DeclaredFlow<TAnswers>.CancelledState or DeclaredFlow<TAnswers>.TimedOutState
        || _flow.Finishes.Exists(f => f.State == _machine.State);

    public bool LetsCommandsThrough => CurrentStep?.AsksNothing == true;

    public bool AcceptsFiles => CurrentStep?.TakesFiles == true;

    private IStepSpec<TAnswers>? CurrentStep => _flow.Steps.Find(s => s.State == _machine.State);

    /// <summary>The answers as last read or written in this run, beside their JSON in the session (read once per update).</summary>
    private (string Json, TAnswers Value)? _answers;

    private TAnswers Answers
    {
        get
        {
            if (!_context.Session.Data.TryGetValue(DeclaredFlow<TAnswers>.AnswersKey, out var json))
            {
                return new TAnswers();
            }

            if (_answers is { } known && ReferenceEquals(known.Json, json))
            {
                return known.Value;
            }

            var value = MessageJson.Deserialize<TAnswers>(json);
            _answers = (json, value);
            return value;
        }

        set
        {
            var json = MessageJson.Serialize(value);
            _context.Session.Data[DeclaredFlow<TAnswers>.AnswersKey] = json;
            _answers = (json, value);
        }
    }

    private FlowStep<TAnswers> View => new(_context, Answers);

    public static StateMachine<string, string> Build(FlowBuilder<TAnswers> flow, Session session, DeclaredFlowRun<TAnswers>? run)
    {
        var first = flow.Steps[0].State;
        var machine = new StateMachine<string, string>(() => session.State ?? first, state => session.State = state);
        machine.Configure(DeclaredFlow<TAnswers>.ActiveState)
            .Permit(DeclaredFlow<TAnswers>.CancelTrigger, DeclaredFlow<TAnswers>.CancelledState)
            .Permit(DeclaredFlow<TAnswers>.TimeoutTrigger, DeclaredFlow<TAnswers>.TimedOutState);

        foreach (var step in flow.Steps)
        {
            var state = machine.Configure(step.State)
                .SubstateOf(DeclaredFlow<TAnswers>.ActiveState)
                .OnEntry(() => run?.Reprompt(), step.Asks);
            foreach (var target in step.Targets)
            {
                Permit(state, step.State, AnsweredTrigger(step, target), target);
            }

            foreach (var (target, why) in step.Jumps)
            {
                Permit(state, step.State, why, target);
            }

            foreach (var target in step.BackTargets)
            {
                Permit(state, step.State, BackTriggerTo(target), target);
            }

            if (step.BackTo is { } back)
            {
                state.Permit(DeclaredFlow<TAnswers>.BackTrigger, back);
            }
        }

        foreach (var (finish, says, text) in flow.Finishes)
        {
            machine.Configure(finish).OnEntry(
                () =>
                {
                    if (run is not null && (run.TakeGreeting(), text?.Invoke(run.View)) is var (above, said) && (above ?? said) is not null)
                    {
                        run._context.Reply(above is null ? said! : said is null ? above : above.Then(said));
                    }
                },
                says);
        }

        machine.Configure(DeclaredFlow<TAnswers>.CancelledState).OnEntry(() => run?._context.Reply(flow.CancelledText!), "says the flow was cancelled");
        machine.Configure(DeclaredFlow<TAnswers>.TimedOutState).OnEntry(() => run?._context.Reply(flow.TimedOutText!), "says the flow timed out");
        machine.OnUnhandledTrigger((_, _) => run?.Reprompt(FlowTexts.NotAtThisStep));
        return machine;
    }

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var opening = await _flow.Opening(_context, cancellationToken).ConfigureAwait(false);
        if (opening.Refusal is { } refusal)
        {
            _context.Reply(refusal);
            _context.Session.State = DeclaredFlow<TAnswers>.CancelledState;
            return;
        }

        Answers = opening.Answers ?? new TAnswers();
        // The greeting heads the first prompt: opening a flow is one message.
        _greeting = opening.Greeting;

        _context.Session.State = opening.StartAt is { } at && _flow.Steps.Exists(s => s.State == at) ? at : _flow.Steps[0].State;
        Reprompt();
    }

    public async Task HandleInputAsync(string input, CancellationToken cancellationToken)
    {
        if (CurrentStep is not { } step)
        {
            return;
        }

        var outcome = await step.ReadAsync(input, View, cancellationToken).ConfigureAwait(false);
        if (outcome.Back)
        {
            await BackAsync(cancellationToken).ConfigureAwait(false);
            return;
        }

        // What the answer says goes above what comes next, in one message: the step asked again after a refusal, the
        // step it jumps to, the next step or the flow's finish.
        if (outcome.Jump is { } jump && step.Jumps.FirstOrDefault(j => j.Target == jump) is { Why: { } why })
        {
            await FireSayingAsync(why, outcome.Say).ConfigureAwait(false);
            return;
        }

        if (outcome.Next is not { } next)
        {
            Reprompt(outcome.Say);
            return;
        }

        Answers = outcome.Answers;
        await FireSayingAsync(AnsweredTrigger(step, next), outcome.Say).ConfigureAwait(false);
    }

    /// <summary>Fires a trigger with <paramref name="say"/> shown above the prompt or finish text the target state gives.</summary>
    private async Task FireSayingAsync(string trigger, Text? say)
    {
        _greeting = say is null ? _greeting : _greeting is { } earlier ? earlier.Then(say) : say;
        await _machine.FireAsync(trigger).ConfigureAwait(false);
        if (TakeGreeting() is { } unsaid)
        {
            _context.Reply(unsaid);
        }
    }

    /// <summary>The text waiting to go above the next prompt, taken (so it is shown once).</summary>
    private Text? TakeGreeting()
    {
        var greeting = _greeting;
        _greeting = null;
        return greeting;
    }

    public Task BackAsync(CancellationToken cancellationToken)
    {
        if (CurrentStep?.ChooseBack(View) is not { } backward)
        {
            return FlowGraph.TryGoBackAsync(_machine, DeclaredFlow<TAnswers>.BackTrigger, note => Reprompt(note));
        }

        if (backward.Refusal is { } refusal)
        {
            Reprompt(refusal);
            return Task.CompletedTask;
        }

        Answers = backward.Answers!;
        return _machine.FireAsync(BackTriggerTo(backward.State!));
    }

    public Task CancelAsync(CancellationToken cancellationToken) => _machine.FireAsync(DeclaredFlow<TAnswers>.CancelTrigger);

    public Task TimeoutAsync(CancellationToken cancellationToken) => _machine.FireAsync(DeclaredFlow<TAnswers>.TimeoutTrigger);

    public void Reprompt(Text? note = null)
    {
        if (CurrentStep is not { } step)
        {
            if (note is not null)
            {
                _context.Reply(note);
            }

            return;
        }

        _context.Session.PromptToken = _context.NewPromptToken();
        var prompt = step.PromptFor(View);
        var above = (_greeting, note) switch
        {
            ({ } greeting, { } why) => greeting.Then(why),
            (var greeting, var why) => greeting ?? why,
        };
        var text = above is null ? prompt.Text : above.Then(prompt.Text);
        _greeting = null;
        var token = _context.Session.PromptToken;
        var buttons = prompt.Buttons?
            .Select(row => (IReadOnlyList<Button>)row.Select(choice => new Button(_context.Text(choice.Label), new ButtonPayload(_flowName, token, choice.Value).ToString())).ToList())
            .ToList();
        _context.Reply(text, buttons);
    }

    /// <summary>A step that answers into itself (the next item of a list) is re-entered, so its prompt is shown again.</summary>
    private static void Permit(StateMachine<string, string>.StateConfiguration state, string from, string trigger, string target)
    {
        if (target == from)
        {
            state.PermitReentry(trigger);
        }
        else
        {
            state.Permit(trigger, target);
        }
    }

    private static string BackTriggerTo(string target) => $"{DeclaredFlow<TAnswers>.BackTrigger} → {target}";

    /// <summary>The step's own label or "Answered" when it has one next step; "Answered → X" for each of a choosing step's.</summary>
    private static string AnsweredTrigger(IStepSpec<TAnswers> step, string target) =>
        step.Labels.TryGetValue(target, out var label) ? label : step.Targets.Count == 1 ? step.Trigger ?? "Answered" : $"Answered → {target}";
}
