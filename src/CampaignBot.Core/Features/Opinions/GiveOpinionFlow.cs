using CampaignBot.Core.Campaign;
using CampaignBot.Core.Conversations;
using CampaignBot.Core.Messaging;
using CampaignBot.Core.Storage;
using Microsoft.Extensions.Options;
using Stateless;

namespace CampaignBot.Core.Features.Opinions;

/// <summary>
/// /opinion CODE in a private chat (背对背): choose a category, write the opinion, get a receipt code. Nothing of the giver is
/// stored with the opinion; a keyed hash of (collection, giver) takes one of the giver's places in the collection, and the
/// inbox copy of the text is cut once it is stored. /opinion RECEIPT shows how an opinion was handled.
/// </summary>
public sealed class GiveOpinionFlow : IConversationFlow
{
    private const string CollectionKey = "c";
    private const string CategoryKey = "cat";

    private readonly FlowContext _context;
    private readonly IOpinionStore _store;
    private readonly IInboxStore _inbox;
    private readonly OpinionGiverHasher _hasher;
    private readonly CampaignCalendar _calendar;
    private readonly OpinionOptions _options;
    private readonly string _flowName;
    private readonly StateMachine<State, Trigger> _machine;

    public GiveOpinionFlow(FlowContext context, IOpinionStore store, IInboxStore inbox, OpinionGiverHasher hasher, CampaignCalendar calendar, IOptions<OpinionOptions> options, string flowName)
    {
        ArgumentNullException.ThrowIfNull(options);
        _context = context;
        _store = store;
        _inbox = inbox;
        _hasher = hasher;
        _calendar = calendar;
        _options = options.Value;
        _flowName = flowName;
        _machine = FlowGraph.MachineOver<State, Trigger>(context.Session, State.AskingCategory);
        Configure();
    }

    private enum State
    {
        AskingCategory,
        AskingText,
        Done,
        Cancelled,
        TimedOut,
    }

    private enum Trigger
    {
        CategoryGiven,
        TextGiven,
        Back,
        Cancel,
        Timeout,
    }

    public bool IsFinished => _machine.State is State.Done or State.Cancelled or State.TimedOut;

    private Dictionary<string, string> Data => _context.Session.Data;

    public string ExportGraph() => FlowGraph.Export(_machine);

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var code = _context.Update.Content is CommandInput command ? command.Arguments.Trim() : string.Empty;
        if (!_hasher.IsConfigured || _context.Update.Chat.Kind != ChatKind.Private || !OpinionCodes.LooksLikeCode(code))
        {
            _context.Reply(!_hasher.IsConfigured ? OpinionTexts.NotEnabled : _context.Update.Chat.Kind != ChatKind.Private ? OpinionTexts.PrivateOnly : OpinionTexts.GiveUsage);
            Finish();
            return;
        }

        if (await _store.FindCollectionByCodeAsync(code, cancellationToken) is { } collection)
        {
            if (!collection.IsOpenAt(_context.Now))
            {
                _context.Reply(OpinionTexts.Closed);
                Finish();
                return;
            }

            Data[CollectionKey] = collection.Id;
            _context.Session.State = nameof(State.AskingCategory);
            Reprompt();
            return;
        }

        var answered = await _store.FindByReceiptAsync(ReceiptHash(code.ToUpperInvariant()), cancellationToken);
        _context.Reply(answered is null ? OpinionTexts.BadCode : OpinionTexts.Status(answered));
        Finish();
    }

    public async Task HandleInputAsync(string input, CancellationToken cancellationToken)
    {
        if (_machine.State == State.AskingCategory)
        {
            var category = input.StartsWith('c') && input.Length > 1 ? OpinionCategories.Find(_context.Campaign, input[1..]) : OpinionCategories.Find(_context.Campaign, input);
            if (category is null)
            {
                _context.Reply(OpinionTexts.PressCategory);
                Reprompt();
                return;
            }

            Data[CategoryKey] = category;
            await _machine.FireAsync(Trigger.CategoryGiven);
            Reprompt();
            return;
        }

        var text = input.Trim();
        if (text.Length < _options.MinLength || text.Length > _options.MaxLength)
        {
            _context.Reply(OpinionTexts.Length(_options.MinLength, _options.MaxLength));
            Reprompt();
            return;
        }

        var collection = await _store.GetCollectionAsync(Data.GetValueOrDefault(CollectionKey) ?? string.Empty, cancellationToken);
        if (collection is null || !collection.IsOpenAt(_context.Now))
        {
            _context.Reply(OpinionTexts.Closed);
            Finish();
            return;
        }

        var giver = $"{_context.Update.Chat.Channel}:{_context.Update.Sender.Id}";
        if (!await _store.TryTakePlaceAsync(collection.Id, _hasher.Hash(collection.Id, giver), _options.MaxPerGiver, cancellationToken))
        {
            _context.Reply(OpinionTexts.Limit);
            Finish();
            return;
        }

        // Ids and the receipt come from a keyed hash of the update: without the secret nobody can tie them to the sender's session.
        var seed = _hasher.Hash("opinion", _context.Update.UpdateId);
        var receipt = OpinionCodes.From(seed + "/receipt", 8);
        var opinion = new Opinion
        {
            Id = OpinionCodes.From(seed, 8),
            UnitId = collection.UnitId,
            CollectionId = collection.Id,
            Source = OpinionSource.Anonymous,
            Category = Data[CategoryKey],
            Text = text,
            GivenOn = _calendar.Today(_context.Now),
        };
        await _store.AddAsync(opinion, ReceiptHash(receipt), cancellationToken);
        await ForgetTextAsync(cancellationToken);
        Data["receipt"] = receipt;
        await _machine.FireAsync(Trigger.TextGiven);
    }

    public async Task BackAsync(CancellationToken cancellationToken)
    {
        if (await FlowGraph.TryGoBackAsync(_machine, Trigger.Back, _context, Reprompt))
        {
            Reprompt();
        }
    }

    public Task CancelAsync(CancellationToken cancellationToken) => _machine.FireAsync(Trigger.Cancel);

    public Task TimeoutAsync(CancellationToken cancellationToken) => _machine.FireAsync(Trigger.Timeout);

    public void Reprompt()
    {
        _context.Session.PromptToken = _context.NewPromptToken();
        if (_machine.State == State.AskingCategory)
        {
            var all = OpinionCategories.All(_context.Campaign);
            var buttons = all.Select((c, i) => new Button($"{i + 1}. {c.Name}", new ButtonPayload(_flowName, _context.Session.PromptToken, "c" + (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture)).ToString()))
                .Chunk(3).Select(row => (IReadOnlyList<Button>)row).ToList();
            _context.Reply(OpinionTexts.AskCategory, buttons);
        }
        else if (_machine.State == State.AskingText)
        {
            _context.Reply(OpinionTexts.AskText(_options.MinLength, _options.MaxLength));
        }
    }

    /// <summary>The inbox keeps each update with its sender; once the opinion is stored its text is cut from that copy.</summary>
    private Task ForgetTextAsync(CancellationToken cancellationToken)
    {
        var update = _context.Update;
        var redacted = update with { Content = new TextInput("(意见内容已另行保存，此处不留)") };
        return _inbox.RedactAsync($"{update.Chat.Channel}:{update.UpdateId}", MessageJson.Serialize(redacted), cancellationToken);
    }

    private string ReceiptHash(string receipt) => _hasher.Hash("receipt", receipt);

    private void Finish() => _context.Session.State = nameof(State.Cancelled);

    private void Configure()
    {
        _machine.Configure(State.AskingCategory)
            .Permit(Trigger.CategoryGiven, State.AskingText)
            .Permit(Trigger.Cancel, State.Cancelled)
            .Permit(Trigger.Timeout, State.TimedOut);
        _machine.Configure(State.AskingText)
            .Permit(Trigger.TextGiven, State.Done)
            .Permit(Trigger.Back, State.AskingCategory)
            .Permit(Trigger.Cancel, State.Cancelled)
            .Permit(Trigger.Timeout, State.TimedOut);
        _machine.Configure(State.Done)
            .OnEntry(() => _context.Reply(OpinionTexts.Received(Data.GetValueOrDefault("receipt") ?? string.Empty)));
        _machine.Configure(State.Cancelled)
            .OnEntry(() => _context.Reply(OpinionTexts.Cancelled));
        _machine.Configure(State.TimedOut)
            .OnEntry(() => _context.Reply(OpinionTexts.TimedOut));
        _machine.OnUnhandledTrigger((_, _) =>
        {
            _context.Reply("这一步不能这样操作，请按提示继续。", "That can't be done at this step; please follow the prompt.");
            Reprompt();
        });
    }
}

/// <summary>/opinion CODE: the masses' anonymous opinion (背对背); /opinion RECEIPT: its answer.</summary>
public sealed class GiveOpinionFlowDefinition(IOpinionStore store, IInboxStore inbox, OpinionGiverHasher hasher, CampaignCalendar calendar, IOptions<OpinionOptions> options, CampaignDefinition campaign) : IFlowDefinition
{
    public string Name => "opinion";

    public string Command => "opinion";

    public bool AllowedInGroups => false;

    public string Title(Language language) => language == Language.English ? "giving an opinion" : "提意见建议";

    public IConversationFlow Open(FlowContext context) => new GiveOpinionFlow(context, store, inbox, hasher, calendar, options, Name);

    public string ExportGraph() => new GiveOpinionFlow(FlowGraph.PlaceholderContext(campaign), store, inbox, hasher, calendar, options, Name).ExportGraph();
}
