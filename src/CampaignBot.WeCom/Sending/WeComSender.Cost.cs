namespace CampaignBot.WeCom.Sending;

/// <summary>What one outbox message costs in WeCom's own messages, so the pace counts what WeCom counts.</summary>
public sealed partial class WeComSender
{
    /// <summary>Each text chunk is one WeCom message, a card one more, a caption after a file one more.</summary>
    public int CostOf(ChatRef chat, Outbound body)
    {
        ArgumentNullException.ThrowIfNull(chat);
        return body switch
        {
            TextMessage text => TextCost(chat, text.Text, text.Buttons, text.HintLanguage),
            EditMessage edit => TextCost(chat, edit.Text, edit.Buttons, edit.HintLanguage),
            DocumentMessage { Caption: { Length: > 0 } } or PhotoMessage { Caption: { Length: > 0 } } when chat.Kind == ChatKind.Private => 2,
            _ => 1,
        };
    }

    private static int TextCost(ChatRef chat, string text, IReadOnlyList<IReadOnlyList<Button>>? rows, Language language)
    {
        if (chat.Kind == ChatKind.Group)
        {
            return WeComMessages.Chunks(text).Count;
        }

        var buttons = WeComMessages.Flatten(rows);
        return WeComMessages.Chunks(WeComMessages.WithNumberedOptions(text, buttons, language)).Count + (WeComMessages.FitsCard(buttons) ? 1 : 0);
    }
}
