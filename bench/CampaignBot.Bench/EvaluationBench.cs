using System.Diagnostics;
using System.Globalization;
using CampaignBot.Core.Features.Evaluations;
using CampaignBot.Core.Features.Registration;
using CampaignBot.Core.Storage;
using CampaignBot.Telegram.Tests.StandIn;

namespace CampaignBot.Bench;

/// <summary>
/// 10,000 evaluators vote in one group round as fast as the stand-in delivers the presses: votes/s, the time to the
/// final tally after /round close, and whether the count is exact (see docs/benchmarks.md).
/// </summary>
internal static class EvaluationBench
{
    private const long Office = 1;
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(20);

    public static async Task RunAsync(int voters)
    {
        Console.WriteLine($"CampaignBot evaluation benchmark — {DateTimeOffset.UtcNow:yyyy-MM-dd HH:mm} UTC, {Environment.ProcessorCount} cores, .NET {Environment.Version}");
        await using var bot = await BenchBot.StartAsync(StandInRules.NoLimits, new()
        {
            ["Evaluation:BallotSecret"] = "bench-ballot-secret-0123456789",
            ["Telegram:GlobalPerSecond"] = "0",
        });
        var stores = bot.Stores;
        var state = bot.StandIn.State;
        await stores.Members.UpsertAsync(
            new Member { Id = "telegram:1", Channel = "telegram", UserId = "1", Name = "活动办", Rank = "section", UnitId = "county_east", Role = Roles.CampaignOffice, RegisteredAt = DateTimeOffset.UtcNow },
            CancellationToken.None);

        state.QueueUpdate(TelegramUpdates.Text(Office, "/round open county_east style_status 2 group tally", TelegramUpdates.GroupId));
        await state.WaitForAsync(s => s.Sent.Any(m => m.ReplyMarkup?.Contains("ev:", StringComparison.Ordinal) == true), Patience, "the ballot");
        var round = (await stores.EvaluationRounds.ListAsync("county_east", CancellationToken.None)).Single().Id;

        string[] choices = ["satisfied", "basically_satisfied", "unsatisfied"];
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var started = state.Time.GetUtcNow();
        for (var i = 0; i < voters; i++)
        {
            state.QueueUpdate(TelegramUpdates.Callback(100_000 + i, EvaluationText.Payload(round, choices[i % 10 < 7 ? 0 : i % 10 < 9 ? 1 : 2]), TelegramUpdates.GroupId, id: $"bench-{i}"));
        }

        var voted = await LastAnswerAsync(state, voters) - started;
        var cpuPerVote = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMilliseconds / voters;

        var closing = Stopwatch.StartNew();
        state.QueueUpdate(TelegramUpdates.Text(Office, $"/round close {round}", TelegramUpdates.GroupId));
        await state.WaitForAsync(s => s.Sent.Any(m => m.Method == "sendMessage" && m.Text?.Contains(" 结果", StringComparison.Ordinal) == true), Patience, "the result");
        var tallied = closing.Elapsed;

        var result = (await stores.EvaluationRounds.GetAsync(round, CancellationToken.None))!.Result!;
        var ballots = (await stores.Ballots.ListAsync(round, CancellationToken.None)).Count;
        var expected = Enumerable.Range(0, voters).GroupBy(i => choices[i % 10 < 7 ? 0 : i % 10 < 9 ? 1 : 2]).ToDictionary(g => g.Key, g => (long)g.Count());
        var exact = result.Votes == voters && ballots == voters && expected.All(e => result.Counts.GetValueOrDefault(e.Key) == e.Value);
        var edits = state.Sent.Count(m => m.Method == "editMessageText");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"votes: {voters} in {voted.TotalSeconds:F1} s → {voters / voted.TotalSeconds:F0} votes/s (press → inbox → ballot → answerCallbackQuery), " +
            $"{cpuPerVote:F2} ms CPU per vote (bot and stand-in, one process); " +
            $"final tally {tallied.TotalSeconds:F2} s after /round close; counted {result.Votes}, ballots stored {ballots}, exact: {(exact ? "yes" : "NO")}; " +
            $"live edits of the group message: {edits}"));
    }

    /// <summary>
    /// When the stand-in recorded the last of <paramref name="answers"/> answerCallbackQuery calls. Looked at every
    /// 100 ms rather than on every change: each look copies the stand-in's list of sent messages, and doing that on each
    /// of 10,000 answers took a core from the bot under test. The time is the stand-in's stamp, not when it was seen.
    /// </summary>
    private static async Task<DateTimeOffset> LastAnswerAsync(StandInState state, int answers)
    {
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            var answered = state.Sent.Where(m => m.Method == "answerCallbackQuery").ToList();
            if (answered.Count >= answers)
            {
                return answered.Max(m => m.At);
            }

            if (deadline.Elapsed > Patience)
            {
                throw new TimeoutException($"Only {answered.Count} of {answers} presses were answered after {Patience}.");
            }

            await Task.Delay(TimeSpan.FromMilliseconds(100));
        }
    }
}
