namespace CampaignBot.Core.Conversations;

/// <summary>
/// Keeps a conversation's chat short: a flow's next prompt after a pressed button replaces the message whose button
/// was pressed instead of arriving as one more message. The session remembers the outbox id of the latest prompt
/// with buttons; the outbox worker finds the channel's id of that message (learned when it was sent) and the
/// channel edits it, or sends anew where it cannot edit (<see cref="EditMessage.SendIfGone"/>).
/// </summary>
public static class PromptMessages
{
    /// <summary>Session data key holding the outbox id of the current prompt message.</summary>
    public const string SessionKey = "_prompt_msg";

    /// <summary>The outbox id of the prompt on screen, read before the update is routed (a finished flow clears the data).</summary>
    public static string? Current(Session session)
    {
        ArgumentNullException.ThrowIfNull(session);
        return session.Data.GetValueOrDefault(SessionKey);
    }

    /// <summary>
    /// The replies to send, with a lone text after an accepted press turned into an edit of the prompt. Anything else
    /// (several messages, a document, a refused press, a typed answer below the prompt) is sent as it is.
    /// </summary>
    public static List<Outbound> EditInPlace(Inbound update, FlowContext context, string? prompt)
    {
        ArgumentNullException.ThrowIfNull(update);
        ArgumentNullException.ThrowIfNull(context);
        var replies = context.Replies.ToList();
        if (prompt is not null && update.Content is ButtonPress && context.PressAnsweredPrompt && context.PressNotice is null
            && replies is [TextMessage { Text.Length: > 0 } next])
        {
            replies[0] = new EditMessage(prompt, next.Text, next.Buttons, SendIfGone: true);
        }

        return replies;
    }

    /// <summary>Remembers which message is now the prompt on screen, while a flow is active.</summary>
    public static void Remember(FlowContext context, IReadOnlyList<OutboxMessage> messages, IReadOnlyList<Outbound> replies)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(messages);
        ArgumentNullException.ThrowIfNull(replies);
        var data = context.Session.Data;
        if (context.Session.Flow is null || replies.Count == 0)
        {
            return;
        }

        // messages may start with a callback answer that replies do not hold; match from the end.
        var offset = messages.Count - replies.Count;
        for (var i = replies.Count - 1; i >= 0; i--)
        {
            switch (replies[i])
            {
                case TextMessage { Buttons.Count: > 0 }:
                    data[SessionKey] = messages[i + offset].Id;
                    return;
                case EditMessage { Buttons.Count: > 0 } edit:
                    data[SessionKey] = edit.TargetOutboxId;
                    return;
                case CallbackAnswer:
                    continue;
                default:
                    data.Remove(SessionKey);
                    return;
            }
        }

        data.Remove(SessionKey);
    }
}
