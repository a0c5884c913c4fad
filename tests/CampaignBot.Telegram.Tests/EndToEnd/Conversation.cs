namespace CampaignBot.Telegram.Tests.EndToEnd;

/// <summary>One Telegram user talking to the bot through the stand-in: send, press, wait for replies.</summary>
public sealed class Conversation(BotApiStandIn standIn, long userId, Func<int, Task>? deliver = null)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);
    private int _seen;

    public StandInState State => standIn.State;

    /// <summary>Messages the bot sent to this user so far.</summary>
    public IReadOnlyList<SentMessage> Received => [.. State.Sent.Where(m => m.ChatId == userId && m.Method != "answerCallbackQuery")];

    public Task<SentMessage> SayAsync(string text) => SendAsync(TelegramUpdates.Text(userId, text));

    /// <summary>Presses the button labelled <paramref name="label"/> on the latest message that has it.</summary>
    public Task<SentMessage> PressAsync(string label, string callbackId)
    {
        var (message, data) = Received.Reverse().Select(m => (m, Buttons(m).FirstOrDefault(b => b.Label == label).Data)).First(x => x.Data is not null);
        return SendAsync(TelegramUpdates.Callback(userId, data!, messageId: message.MessageId, id: callbackId));
    }

    /// <summary>Sends an update and waits for the next message of the bot to this user.</summary>
    public async Task<SentMessage> SendAsync(JsonObject update)
    {
        var before = Received.Count;
        _seen = before;
        var id = State.QueueUpdate(update);
        if (deliver is not null)
        {
            await deliver(id);
        }

        await State.WaitForAsync(_ => Received.Count > before, Patience, $"a reply to update {id}");
        return Received[before];
    }

    /// <summary>Waits until a message containing <paramref name="text"/> arrives after the last send.</summary>
    public async Task<SentMessage> WaitForAsync(string text)
    {
        await State.WaitForAsync(_ => Received.Skip(_seen).Any(m => m.Text?.Contains(text, StringComparison.Ordinal) == true), Patience, $"\"{text}\"");
        return Received.Skip(_seen).First(m => m.Text!.Contains(text, StringComparison.Ordinal));
    }

    public static IEnumerable<(string Label, string Data)> Buttons(SentMessage message) =>
        message.ReplyMarkup is null
            ? []
            : JsonNode.Parse(message.ReplyMarkup)!["inline_keyboard"]!.AsArray()
                .SelectMany(row => row!.AsArray())
                .Select(b => (b!["text"]!.GetValue<string>(), b["callback_data"]!.GetValue<string>()));
}
