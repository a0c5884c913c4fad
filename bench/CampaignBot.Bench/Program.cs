using System.Globalization;
using CampaignBot.Bench;

// dotnet run -c Release --project bench/CampaignBot.Bench -- [--members N] [--rate R] [--bot-rate B]
// R is the stand-in's global limit (Telegram: 30/s); B the bot's Telegram:GlobalPerSecond (default R).
var members = Option("--members", 10_000);
var rate = Option("--rate", 30);
var botRate = Option("--bot-rate", rate);
return await ReminderFanOut.RunAsync(members, rate, botRate);

int Option(string name, int fallback)
{
    var index = Array.IndexOf(args, name);
    return index >= 0 && index + 1 < args.Length && int.TryParse(args[index + 1], NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value > 0 ? value : fallback;
}
