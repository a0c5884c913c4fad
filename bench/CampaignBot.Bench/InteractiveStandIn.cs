using System.Globalization;
using CampaignBot.Telegram.Tests.StandIn;

namespace CampaignBot.Bench;

/// <summary>
/// "standin" verb: runs the Bot API stand-in on a fixed port for trying the real bot by hand
/// (dotnet run --project src/CampaignBot with Telegram:ApiBaseUrl pointing here). Lines typed are
/// messages from one user; "!press LABEL" presses a button of the last message; what the bot sends is printed.
/// </summary>
internal static class InteractiveStandIn
{
    public static async Task RunAsync(string token, int port, long userId)
    {
        await using var standIn = await BotApiStandIn.StartAsync(token, StandInRules.Telegram, port: port);
        Console.WriteLine($"Bot API stand-in at {standIn.BaseUrl}; token {token}; you are user {userId}. Ctrl-D ends.");
        using var stop = new CancellationTokenSource();
        var printer = PrintAsync(standIn.State, stop.Token);
        while (await Console.In.ReadLineAsync() is { } line)
        {
            if (line.StartsWith("!press ", StringComparison.Ordinal))
            {
                var label = line["!press ".Length..].Trim();
                var last = standIn.State.Sent.LastOrDefault(m => m.ChatId == userId && m.ReplyMarkup?.Contains(label, StringComparison.Ordinal) == true);
                var data = last is null ? null : System.Text.Json.Nodes.JsonNode.Parse(last.ReplyMarkup!)!["inline_keyboard"]!.AsArray()
                    .SelectMany(r => r!.AsArray()).FirstOrDefault(b => (string?)b!["text"] == label)?["callback_data"]?.GetValue<string>();
                if (data is null)
                {
                    Console.WriteLine($"(no button \"{label}\")");
                    continue;
                }

                standIn.State.QueueUpdate(TelegramUpdates.Callback(userId, data, messageId: last!.MessageId, id: Guid.NewGuid().ToString("N")));
                continue;
            }

            standIn.State.QueueUpdate(TelegramUpdates.Text(userId, line));
        }

        await stop.CancelAsync();
        await printer.ContinueWith(_ => { }, TaskScheduler.Default);
    }

    private static async Task PrintAsync(StandInState state, CancellationToken cancellationToken)
    {
        var shown = 0;
        while (!cancellationToken.IsCancellationRequested)
        {
            await state.WaitForAsync(s => s.Sent.Count > shown, TimeSpan.FromDays(1), "a message").WaitAsync(cancellationToken);
            foreach (var message in state.Sent.Skip(shown))
            {
                var buttons = message.ReplyMarkup is null ? "" : "  " + message.ReplyMarkup;
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"[{message.Method} → {message.ChatId}] {message.Text}{buttons}"));
                shown++;
            }
        }
    }
}
