namespace CampaignBot.Core.Conversations;

/// <summary>
/// Decides what an update means for a conversation: a command, input for the active flow, a button press
/// (validated against the session before anything acts on it), a timer, or the bot joining a group.
/// </summary>
public sealed class ConversationRouter(
    IEnumerable<IFlowDefinition> flows,
    IEnumerable<ICommandHandler> commands,
    IChatStore chats,
    FlowTimeouts timeouts,
    IEnumerable<IButtonHandler>? buttonHandlers = null,
    IEnumerable<ITypedNumberHandler>? numberHandlers = null,
    IEnumerable<ICommandAudienceCheck>? audiences = null)
{
    /// <summary>Longer texts are refused before any flow sees them.</summary>
    public const int MaxInputLength = 2000;

    /// <summary>Session data key holding the payloads of the current prompt's buttons, for typed numbers.</summary>
    public const string PromptButtonsKey = "_buttons";

    /// <summary>Session data key holding the labels of the current prompt's buttons, in the order of their payloads.</summary>
    public const string PromptLabelsKey = "_labels";

    /// <summary>The commands every flow answers, and what they say when no flow is active.</summary>
    private static readonly Dictionary<string, (Func<IConversationFlow, CancellationToken, Task> Run, Text WithoutFlow)> FlowCommands = new(StringComparer.Ordinal)
    {
        ["cancel"] = ((flow, cancellationToken) => flow.CancelAsync(cancellationToken), ConversationTexts.NothingToCancel),
        ["back"] = ((flow, cancellationToken) => flow.BackAsync(cancellationToken), ConversationTexts.NoStepToGoBack),
    };

    private readonly Dictionary<string, IFlowDefinition> _flowsByName = flows.ToDictionary(f => f.Name, StringComparer.Ordinal);
    private readonly Dictionary<string, IFlowDefinition> _flowsByCommand = flows.ToDictionary(f => f.Command, StringComparer.Ordinal);
    private readonly Dictionary<string, ICommandHandler> _commands = commands.ToDictionary(c => c.Command, StringComparer.Ordinal);
    private readonly Dictionary<string, IButtonHandler> _buttonHandlers = (buttonHandlers ?? []).ToDictionary(h => h.Prefix, StringComparer.Ordinal);
    private readonly IReadOnlyList<ITypedNumberHandler> _numberHandlers = [.. numberHandlers ?? []];
    private readonly IReadOnlyList<ICommandAudienceCheck> _audiences = [.. audiences ?? []];

    public IReadOnlyCollection<IFlowDefinition> Flows => _flowsByName.Values;

    public async Task RouteAsync(FlowContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Update.Content is TextInput { ToBot: false } or FileInput or OtherMediaInput && context.Update.Chat.Kind == ChatKind.Group)
        {
            // Photos and files in a group are people sharing with each other; evidence goes to the bot in a private chat.
            // People talking to each other in a group (a notice, a long paste): not the bot's business, not even to refuse.
            return;
        }

        if (context.Member is { IsActive: false } && RefusedAsDeactivated(context))
        {
            return;
        }

        var active = ActiveFlow(context);
        var flow = active?.Open(context);
        var tokenBefore = context.Session.PromptToken;
        var content = flow is not null && PressedByNumber(context, context.Update.Content) is { } pressed ? pressed : context.Update.Content;
        var task = content switch
        {
            MembershipChange change => RecordMembershipAsync(context, change, cancellationToken),
            TimerElapsed timer when flow is not null && timer.Token == context.Session.PromptToken => flow.TimeoutAsync(cancellationToken),
            TimerElapsed => Task.CompletedTask,
            CommandInput command => RouteCommandAsync(context, command, active, flow, cancellationToken),
            ButtonPress press when CommandButton.Read(press.Payload) is { } asCommand => RouteCommandAsync(context, asCommand, active, flow, cancellationToken),
            ButtonPress press when ButtonHandlerFor(press) is { } handler => handler.HandleAsync(context, press, cancellationToken),
            ButtonPress press => RoutePressAsync(context, press, flow, cancellationToken),
            FileInput or OtherMediaInput when flow is { AcceptsFiles: true } => flow.HandleInputAsync((content as FileInput)?.Caption?.Trim() ?? string.Empty, cancellationToken),
            FileInput or OtherMediaInput when flow is not null => RefuseFile(context, flow),
            FileInput or OtherMediaInput => Idle(context),
            TextInput { Text.Length: > MaxInputLength } => Refuse(context, flow, ConversationTexts.MessageTooLong(MaxInputLength).Chinese, ConversationTexts.MessageTooLong(MaxInputLength).English),
            TextInput text when flow is not null => flow.HandleInputAsync(text.Text.Trim(), cancellationToken),
            TextInput text => IdleAsync(context, text, cancellationToken),
            _ => Task.CompletedTask,
        };
        await task;
        RememberPromptButtons(context, tokenBefore);

        if ((flow is not null && flow.IsFinished) || (flow is not null && context.Session.Flow is null))
        {
            context.Session.ClearFlow();
        }
        else if (context.Session.Flow is not null && context.Session.PromptToken is not null && context.Replies.Count > 0)
        {
            // Saved with the session in this update's write; the sweeper delivers it when due.
            timeouts.Arm(context.Session, context.Update, context.Now);
        }
        else if (context.Session.Flow is null || context.Session.PromptToken is null
            || (content is TimerElapsed timer && timer.Token == tokenBefore))
        {
            // No prompt waits any more, or the current prompt's timer came and changed nothing: nothing is left to sweep.
            context.Session.TimeoutAt = null;
        }
    }

    private IButtonHandler? ButtonHandlerFor(ButtonPress press)
    {
        var colon = press.Payload?.IndexOf(':', StringComparison.Ordinal) ?? -1;
        return colon > 0 && _buttonHandlers.TryGetValue(press.Payload![..colon], out var handler) ? handler : null;
    }

    /// <summary>A bare number typed while the prompt shows buttons presses that button (for channels that show buttons as numbered text).</summary>
    private static ButtonPress? PressedByNumber(FlowContext context, InboundContent content)
    {
        if (content is not TextInput { Text: var text } || text.Trim() is not { Length: > 0 and <= 2 } digits || !int.TryParse(digits, out var number))
        {
            return null;
        }

        var payloads = context.Session.Data.GetValueOrDefault(PromptButtonsKey)?.Split('\n');
        return payloads is not null && number >= 1 && number <= payloads.Length ? new ButtonPress(payloads[number - 1]) : null;
    }

    private static void RememberPromptButtons(FlowContext context, string? tokenBefore)
    {
        if (context.Replies.OfType<TextMessage>().LastOrDefault() is { Buttons: { Count: > 0 } rows })
        {
            context.Session.Data[PromptButtonsKey] = string.Join('\n', rows.SelectMany(row => row).Select(b => b.Payload));
            context.Session.Data[PromptLabelsKey] = string.Join('\n', rows.SelectMany(row => row).Select(b => b.Label.ReplaceLineEndings(" ")));
        }
        else if (context.Session.PromptToken != tokenBefore)
        {
            context.Session.Data.Remove(PromptButtonsKey);
            context.Session.Data.Remove(PromptLabelsKey);
        }
    }

    private IFlowDefinition? ActiveFlow(FlowContext context) =>
        context.Session.Flow is { } name && _flowsByName.TryGetValue(name, out var definition) ? definition : null;

    private async Task RouteCommandAsync(FlowContext context, CommandInput command, IFlowDefinition? active, IConversationFlow? flow, CancellationToken cancellationToken)
    {
        if (FlowCommands.TryGetValue(command.Name, out var flowCommand))
        {
            if (flow is null)
            {
                context.Reply(flowCommand.WithoutFlow);
            }
            else
            {
                await flowCommand.Run(flow, cancellationToken);
            }

            return;
        }

        if (flow is not null && flow.LetsCommandsThrough)
        {
            // A menu or list that asks nothing does not hold the user: leave it and run the command.
            context.Session.ClearFlow();
            flow = null;
            active = null;
        }

        if (flow is not null && active is not null)
        {
            flow.Reprompt(ConversationTexts.FinishCurrentStepFirst(active.Title(Language.Chinese), active.Title(Language.English)));
            return;
        }

        if (_flowsByCommand.TryGetValue(command.Name, out var definition))
        {
            if (context.Update.Chat.Kind == ChatKind.Group && !definition.AllowedInGroups)
            {
                context.Reply(ConversationTexts.PrivateFlowOnly(definition.Title(Language.Chinese), definition.Title(Language.English)));
                return;
            }

            await FlowStart.StartAsync(definition, context, cancellationToken);
            return;
        }

        if (_commands.TryGetValue(command.Name, out var handler))
        {
            if (context.Update.Chat.Kind == ChatKind.Group && handler.Privacy == CommandPrivacy.Personal)
            {
                if (await NotForAskerAsync(context, handler, cancellationToken) is { } forWhom)
                {
                    // Nothing of it is theirs: one line in the group, and no refusal (or registration steps) privately.
                    context.Reply(forWhom);
                    return;
                }

                await AnswerPrivatelyAsync(context, command, handler, cancellationToken);
                return;
            }

            await handler.HandleAsync(context, cancellationToken);
            return;
        }

        context.Reply(ConversationTexts.UnknownCommand(Shorten(command.Name)));
    }

    /// <summary>Whom the command is for when the asker is not one of them: by the handler, then widened by the features' audience checks.</summary>
    private async Task<Text?> NotForAskerAsync(FlowContext context, ICommandHandler handler, CancellationToken cancellationToken)
    {
        var member = context.Member;
        return handler.NotFor(member, context.Campaign) is { } forWhom && !await _audiences.IncludeAsync(handler.Command, member, cancellationToken)
            ? forWhom
            : null;
    }

    /// <summary>A personal command asked in a group by someone who may use it: the group gets a pointer to the private chat, the asker the answer.</summary>
    private static async Task AnswerPrivatelyAsync(FlowContext context, CommandInput command, ICommandHandler handler, CancellationToken cancellationToken)
    {
        var from = context.Replies.Count;
        await handler.HandleAsync(context, cancellationToken);
        var update = context.Update;
        context.MoveRepliesTo(new ChatRef(update.Chat.Channel, update.Sender.Id, ChatKind.Private), from);
        context.Reply(ConversationTexts.AnsweredPrivately(command.Name));
    }

    /// <summary>A deactivated member can do nothing: commands, text and presses are refused; an open flow is closed.</summary>
    private static bool RefusedAsDeactivated(FlowContext context)
    {
        switch (context.Update.Content)
        {
            case ButtonPress:
                context.RefusePress(ConversationTexts.DeactivatedPress);
                break;
            case CommandInput or TextInput or FileInput or OtherMediaInput:
                context.Reply(ConversationTexts.Deactivated);
                break;
            default:
                return false;
        }

        context.Session.ClearFlow();
        return true;
    }

    private static async Task RoutePressAsync(FlowContext context, ButtonPress press, IConversationFlow? flow, CancellationToken cancellationToken)
    {
        var payload = ButtonPayload.Parse(press.Payload);
        // In a group, one person's refused press is theirs alone: the notice on the button says it, the group reads nothing.
        var noticeOnly = flow is null && press.CallbackId is not null && context.Update.Chat.Kind == ChatKind.Group;
        if (payload is null)
        {
            context.RefusePress(ConversationTexts.UnrecognisedButton);
            SayAgain(context, flow, noticeOnly ? null : ConversationTexts.ButtonWasNotRecognised);
            return;
        }

        if (flow is null || payload.Flow != context.Session.Flow || payload.Token != context.Session.PromptToken)
        {
            context.RefusePress(ConversationTexts.ButtonHasExpired);
            SayAgain(context, flow, noticeOnly ? null : ConversationTexts.ButtonBelongsEarlierMessage);
            return;
        }

        context.PressChoice = LabelOf(context, press.Payload);
        context.PressAnsweredPrompt = true;
        await flow.HandleInputAsync(payload.Value, cancellationToken);
    }

    /// <summary>The label the current prompt showed on the button with this payload, if it was remembered.</summary>
    private static string? LabelOf(FlowContext context, string payload)
    {
        var payloads = context.Session.Data.GetValueOrDefault(PromptButtonsKey)?.Split('\n');
        var labels = context.Session.Data.GetValueOrDefault(PromptLabelsKey)?.Split('\n');
        var index = payloads is null ? -1 : Array.IndexOf(payloads, payload);
        return labels is not null && index >= 0 && index < labels.Length ? labels[index] : null;
    }

    private async Task RecordMembershipAsync(FlowContext context, MembershipChange change, CancellationToken cancellationToken)
    {
        var chat = context.Update.Chat;
        var existing = await chats.GetAsync(chat.Channel, chat.Id, cancellationToken);
        await chats.UpsertAsync(
            new ChatRecord
            {
                Channel = chat.Channel,
                ChatId = chat.Id,
                Kind = chat.Kind,
                Title = chat.Title ?? existing?.Title,
                BotIsMember = change.BotIsMember,
                UnitId = existing?.UnitId,
                UpdatedAt = context.Now,
            },
            cancellationToken);
        if (change.BotIsMember && chat.Kind == ChatKind.Group)
        {
            context.Reply(ConversationTexts.Introduction);
        }
    }

    /// <summary>A file or a sticker where the step asks for typed text: say so once and ask again.</summary>
    private static Task RefuseFile(FlowContext context, IConversationFlow flow)
    {
        flow.Reprompt(ConversationTexts.TextExpected);
        return Task.CompletedTask;
    }

    private static Task Refuse(FlowContext context, IConversationFlow? flow, string chinese, string english)
    {
        SayAgain(context, flow, new Text(chinese, english));
        return Task.CompletedTask;
    }

    /// <summary>Why an input was refused, above the current step asked again in one message; alone when no flow is open.</summary>
    private static void SayAgain(FlowContext context, IConversationFlow? flow, Text? why)
    {
        if (flow is not null)
        {
            flow.Reprompt(why);
        }
        else if (why is not null)
        {
            context.Reply(why);
        }
    }

    /// <summary>Text with no flow waiting: a bare number may answer buttons sent outside a flow (a private ballot).</summary>
    private async Task IdleAsync(FlowContext context, TextInput text, CancellationToken cancellationToken)
    {
        if (context.Update.Chat.Kind == ChatKind.Private && text.Text.Trim() is { Length: > 0 and <= 2 } digits && int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var number))
        {
            foreach (var handler in _numberHandlers)
            {
                if (await handler.TryHandleAsync(context, number, cancellationToken))
                {
                    return;
                }
            }
        }

        await Idle(context);
    }

    private static Task Idle(FlowContext context)
    {
        // Text reaches here from a group only when it was addressed to the bot (people talking among themselves are left out before).
        context.Reply(context.Update.Chat.Kind == ChatKind.Private
            ? context.Member is null ? ConversationTexts.NotRegistered : ConversationTexts.SeeHelp
            : ConversationTexts.GroupTakesCommandsOnly);
        return Task.CompletedTask;
    }

    private static string Shorten(string text) => Words.Short(text, 32);
}
