namespace CampaignBot.Core.Conversations;

/// <summary>
/// The verbs of a command such as "/ledger add …", declared once: the refusals that come before any verb (who may use
/// it, what may be done in a group), then each verb and what it runs; a verb nobody declared gets the usage. The
/// command's arguments are read as its first word (the verb, looked up in lower case) and the rest.
/// </summary>
public sealed class CommandVerbs(Func<Member, Text> usage)
{
    /// <summary>The same usage for everyone.</summary>
    public CommandVerbs(Text usage)
        : this(_ => usage)
    {
    }

    /// <summary>What a verb runs: the update, the member who sent it, the verb in lower case and what follows it.</summary>
    public delegate Task VerbHandler(FlowContext context, Member member, string verb, string rest, CancellationToken cancellationToken);

    private readonly List<Func<FlowContext, string, Text?>> _refusals = [];
    private readonly Dictionary<string, VerbHandler> _verbs = new(StringComparer.Ordinal);
    private VerbHandler? _otherwise;

    /// <summary>Refuses anyone who is not a member, or a member <paramref name="may"/> turns away, with <paramref name="refusal"/>.</summary>
    public CommandVerbs ForMembers(Text refusal, Func<Member, bool>? may = null) =>
        Refuse((context, _) => context.Member is { } member && (may?.Invoke(member) ?? true) ? null : refusal);

    /// <summary>In a group, refuses every verb with <paramref name="refusal"/> but those <paramref name="allowedInGroup"/> lets through (given the verb as typed).</summary>
    public CommandVerbs InPrivate(Text refusal, Func<string, bool>? allowedInGroup = null) =>
        Refuse((context, verb) => context.Update.Chat.Kind == ChatKind.Group && !(allowedInGroup?.Invoke(verb) ?? false) ? refusal : null);

    /// <summary>A refusal checked before any verb, in the order declared: null lets the command go on.</summary>
    public CommandVerbs Refuse(Func<FlowContext, string, Text?> refusal)
    {
        ArgumentNullException.ThrowIfNull(refusal);
        _refusals.Add(refusal);
        return this;
    }

    /// <summary>Declares one or more verbs (in lower case; "" is the command without a verb) and what they run.</summary>
    public CommandVerbs On(IEnumerable<string> verbs, VerbHandler run)
    {
        ArgumentNullException.ThrowIfNull(verbs);
        ArgumentNullException.ThrowIfNull(run);
        foreach (var verb in verbs)
        {
            _verbs.Add(verb, run);
        }

        return this;
    }

    /// <summary>Declares verbs that run on what follows them.</summary>
    public CommandVerbs On(IEnumerable<string> verbs, Func<FlowContext, Member, string, CancellationToken, Task> run)
    {
        ArgumentNullException.ThrowIfNull(run);
        return On(verbs, (context, member, _, rest, cancellationToken) => run(context, member, rest, cancellationToken));
    }

    /// <summary>Declares a verb that runs on what follows it.</summary>
    public CommandVerbs On(string verb, Func<FlowContext, Member, string, CancellationToken, Task> run) => On([verb], run);

    /// <summary>Declares a verb that starts a flow.</summary>
    public CommandVerbs Starts(string verb, IFlowDefinition flow)
    {
        ArgumentNullException.ThrowIfNull(flow);
        return On([verb], (context, _, _, _, cancellationToken) => FlowStart.StartAsync(flow, context, cancellationToken));
    }

    /// <summary>Declares a verb that replies with the usage.</summary>
    public CommandVerbs ShowsUsage(string verb) => On([verb], (context, _, _, _, _) => ReplyUsage(context));

    /// <summary>What a verb nobody declared runs instead of the usage; it is given the word as typed.</summary>
    public CommandVerbs Otherwise(VerbHandler run)
    {
        _otherwise = run ?? throw new ArgumentNullException(nameof(run));
        return this;
    }

    /// <summary>Reads the command's verb, says the first refusal that applies, else runs the verb.</summary>
    public Task RunAsync(FlowContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var (verb, rest) = Words.Split(context.Update.Content is CommandInput command ? command.Arguments : string.Empty);
        foreach (var refusal in _refusals)
        {
            if (refusal(context, verb) is { } text)
            {
                context.Reply(text);
                return Task.CompletedTask;
            }
        }

        var member = context.Member ?? throw new InvalidOperationException("A command's verbs run for members: declare ForMembers.");
        var lower = verb.ToLowerInvariant();
        return _verbs.TryGetValue(lower, out var run) ? run(context, member, lower, rest, cancellationToken)
            : _otherwise is { } otherwise ? otherwise(context, member, verb, rest, cancellationToken)
            : ReplyUsage(context);
    }

    private Task ReplyUsage(FlowContext context)
    {
        context.Reply(usage(context.Member!));
        return Task.CompletedTask;
    }
}
