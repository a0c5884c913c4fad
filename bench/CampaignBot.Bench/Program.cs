using System.Diagnostics;
using System.Globalization;
using CampaignBot.Bench;
using CampaignBot.Core.Messaging;
using CampaignBot.Core.Storage;
using CampaignBot.Telegram.Tests.StandIn;

// Measures the Telegram channel end to end against the local Bot API stand-in (see docs/benchmarks.md).
if (args is ["standin", ..])
{
    var port = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 8081;
    await InteractiveStandIn.RunAsync("123456789:AAH-local-stand-in", port, userId: 10001);
    return;
}

if (args is ["reminders", ..])
{
    // reminders [--members N] [--rate R] [--bot-rate B]: R is the stand-in's global limit, B the bot's Telegram:GlobalPerSecond.
    int Option(string name, int fallback)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length && int.TryParse(args[index + 1], NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value > 0 ? value : fallback;
    }

    var rate = Option("--rate", 30);
    Environment.ExitCode = await ReminderFanOut.RunAsync(Option("--members", 10_000), rate, Option("--bot-rate", rate));
    return;
}

if (args is ["organisation", ..])
{
    // organisation [units] [members]: generates a city's spreadsheets and imports them twice (see docs/benchmarks.md).
    await OrganisationBench.RunAsync(
        args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 500,
        args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 20_000);
    return;
}

if (args is ["org-sheets", ..])
{
    // org-sheets <folder> [units] [members]: writes units.xlsx and members.xlsx to import by hand.
    var (unitsFile, membersFile) = OrganisationSheets.Write(
        args.Length > 1 ? args[1] : "org-sheets",
        args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 500,
        args.Length > 3 ? int.Parse(args[3], CultureInfo.InvariantCulture) : 20_000);
    Console.WriteLine($"{unitsFile}\n{membersFile}");
    return;
}

if (args is ["templates", ..])
{
    OrganisationSheets.WriteTemplates(args.Length > 1 ? args[1] : Path.Combine("config", "templates"));
    return;
}

if (args is ["dashboard", ..])
{
    // dashboard [--units N] [--members M]: page times of the web dashboard on SQLite.
    int Option(string name, int fallback)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length && int.TryParse(args[index + 1], NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value > 0 ? value : fallback;
    }

    await DashboardBench.RunAsync(Option("--units", 500), Option("--members", 20_000));
    return;
}

if (args is ["progress", ..])
{
    // progress [units] [members]: /progress for the office at city scale (see docs/benchmarks.md).
    await ProgressBench.RunAsync(
        args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 500,
        args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 20_000);
    return;
}

if (args is ["evaluations", ..])
{
    await EvaluationBench.RunAsync(args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 10_000);
    return;
}

var updates = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 2000;
var fanOut = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 1000;

Console.WriteLine($"CampaignBot Telegram benchmark — {DateTimeOffset.UtcNow:yyyy-MM-dd HH:mm} UTC, {Environment.ProcessorCount} cores, .NET {Environment.Version}");

// 1. Updates handled per second: getUpdates → inbox → dispatcher → flow → outbox → sendMessage.
await using (var bot = await BenchBot.StartAsync(StandInRules.NoLimits, new() { ["Telegram:GlobalPerSecond"] = "0", ["Telegram:PrivateChatPerSecond"] = "0" }))
{
    var clock = Stopwatch.StartNew();
    for (var i = 0; i < updates; i++)
    {
        bot.StandIn.State.QueueUpdate(TelegramUpdates.Text(1_000_000 + i, "/help"));
    }

    await bot.StandIn.State.WaitForAsync(s => s.PendingUpdates == 0, TimeSpan.FromMinutes(10), "all updates confirmed");
    var received = clock.Elapsed;
    await bot.StandIn.State.WaitForAsync(s => s.Sent.Count >= updates, TimeSpan.FromMinutes(10), "all replies sent");
    var handled = clock.Elapsed;
    Console.WriteLine($"updates: {updates} in {handled.TotalSeconds:F1} s → {updates / handled.TotalSeconds:F0} updates/s handled end to end " +
        $"(all in the inbox after {received.TotalSeconds:F1} s → {updates / received.TotalSeconds:F0} updates/s received)");
}

// 2. Sender pacing: a fan-out at the default limits against a server enforcing Telegram's limits.
await using (var bot = await BenchBot.StartAsync(StandInRules.Telegram, []))
{
    var now = DateTimeOffset.UtcNow;
    var messages = Enumerable.Range(0, fanOut).Select(i => OutboxMessage.Create(
        $"bench-{i}", new ChatRef("telegram", (2_000_000 + (i % (fanOut / 2))).ToString(CultureInfo.InvariantCulture), ChatKind.Private),
        new TextMessage($"提醒 {i / (fanOut / 2) + 1}"), now.AddMilliseconds(i))).ToList();
    var clock = Stopwatch.StartNew();
    await bot.Outbox.EnqueueAsync(messages, CancellationToken.None);
    await bot.StandIn.State.WaitForAsync(s => s.Sent.Count >= fanOut, TimeSpan.FromMinutes(10), "fan-out delivered");
    var elapsed = clock.Elapsed;
    var sent = bot.StandIn.State.Sent;
    var times = sent.Select(m => m.At).Order().ToArray();
    var busiest = Enumerable.Range(0, times.Length).Max(i => times.Skip(i).TakeWhile(t => t - times[i] < TimeSpan.FromSeconds(1)).Count());
    var doubled = sent.GroupBy(m => (m.ChatId, m.Text)).Count(g => g.Count() > 1);
    Console.WriteLine($"fan-out: {fanOut} messages to {fanOut / 2} private chats in {elapsed.TotalSeconds:F1} s → {fanOut / elapsed.TotalSeconds:F1} messages/s; " +
        $"busiest second {busiest}; 429s {bot.StandIn.State.Refused.Count(r => r.ErrorCode == 429)}; doubled {doubled}");
}
