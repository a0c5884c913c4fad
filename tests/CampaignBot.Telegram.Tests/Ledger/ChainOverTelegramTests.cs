using System.Security.Cryptography;
using CampaignBot.Core.Features.Ledger;
using CampaignBot.Telegram.Tests.LifeMeetings;

namespace CampaignBot.Telegram.Tests.Ledger;

/// <summary>
/// Issue 12's chain end to end over the real Telegram.Bot client against the Bot API stand-in, the host in polling mode
/// on a fake clock that only the test moves: opinions by code, a ledger item, reminders, overdue and escalation, a photo
/// as evidence fetched with getFile and the file download, confirmation, the monthly dispatch, March's bulletin and the
/// 整改落实评判 ballot. Each assertion is about what a person received.
/// </summary>
public sealed partial class ChainOverTelegramTests : IAsyncLifetime
{
    private const long Office = 1, Supervisor = 2, Secretary = 10, Leader = 11, OtherSecretary = 20;
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "campaignbot-chain-tests", Guid.NewGuid().ToString("N"));
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2027, 3, 1, 2, 0, 0, TimeSpan.Zero));
    private BotApiStandIn _standIn = null!;
    private IHost _host = null!;
    private int _presses;

    private StoreBundle Stores => _host.Services.GetRequiredService<StoreBundle>();

    private StandInState State => _standIn.State;

    public async Task InitializeAsync()
    {
        _standIn = await BotApiStandIn.StartAsync(TelegramHarness.Token, StandInRules.NoLimits);
        var settings = PollingHost.UnpacedSettings(_standIn, Path.Combine(_folder, "campaignbot.db"));
        settings["Evaluation:BallotSecret"] = "telegram-chain-ballot-secret-12";
        _host = await PollingHost.StartAsync(settings, _time);
        await RegisterAsync(Office, "周主任", Roles.CampaignOffice, "city");
        await RegisterAsync(Supervisor, "督导组吴组长", Roles.Supervisor, "city");
        await RegisterAsync(Secretary, "陈书记", Roles.Secretary, "county_east");
        await RegisterAsync(Leader, "李局长", Roles.Member, "county_east");
        await RegisterAsync(OtherSecretary, "赵书记", Roles.Secretary, "district_west");
    }

    public Task DisposeAsync() => PollingHost.StopAsync(_host, _standIn, _folder);

    [Fact]
    public async Task Opinions_by_code_become_an_item_that_is_reminded_escalated_proved_by_photo_confirmed_dispatched_bulletined_and_shown_on_the_ballot()
    {
        // The office opens a collection by code; three of the masses give opinions in private chats, anonymously.
        var opened = await SayAsync(Office, "/opinions open county_east 10 code", "/opinion ");
        var code = CodeAfter("/opinion ", opened);
        for (long mass = 2001; mass <= 2003; mass++)
        {
            await SayAsync(mass, $"/opinion {code}", "类别");
            await PressAsync(mass, mass == 2001 ? "2. 官僚主义" : "1. 形式主义", "请写下你的意见");
            Assert.Contains("回执码", await SayAsync(mass, $"群众意见{mass - 2000}：窗口办事推诿扯皮，群众跑了好几趟才办成。", "回执码"), StringComparison.Ordinal);
        }

        var opinions = await Stores.Opinions.ListAsync("county_east", CancellationToken.None);
        Assert.Equal(3, opinions.Count);
        Assert.All(opinions, o => Assert.DoesNotContain("200", $"{o.Id}|{o.RecordedBy}|{o.GiverName}", StringComparison.Ordinal));

        // The secretary accepts the bureaucratism one into a ledger item; the lead leader is told.
        var opinion = opinions.Single(o => o.Category == "bureaucratism");
        var accepted = await SayAsync(Secretary, $"/opinions accept {opinion.Id} telegram:{Leader} 2027-03-20 实行首问负责制，公开办事流程", "整改台帐 ");
        var itemId = CodeAfter("整改台帐 ", accepted);
        Assert.Contains("实行首问负责制", await WaitForAsync(Leader, "牵头领导"), StringComparison.Ordinal);

        // Day by day to 26 March: reminders 7, 3 and 1 days before, overdue, the escalation to the secretary and then the
        // supervisor (not yet the office), and on the 25th the monthly dispatch to every unit's secretary.
        var mark = State.Sent.Count;
        for (var day = 0; day < 25; day++)
        {
            await NextDayAsync();
        }

        await WaitForAsync(Supervisor, "整改逾期督办", mark);
        await WaitForAsync(OtherSecretary, "【月调度 2027-03】", mark);
        var toLeader = TextsTo(Leader, mark);
        Assert.Equal(3, toLeader.Count(t => t.StartsWith("整改提醒", StringComparison.Ordinal)));
        Assert.Contains(toLeader, t => t.Contains("还有 7 天", StringComparison.Ordinal));
        Assert.Contains(toLeader, t => t.Contains("还有 3 天", StringComparison.Ordinal));
        Assert.Contains(toLeader, t => t.Contains("还有 1 天", StringComparison.Ordinal));
        Assert.Single(toLeader, t => t.StartsWith("整改逾期：", StringComparison.Ordinal));
        Assert.Single(TextsTo(Secretary, mark), t => t.StartsWith("整改逾期督办", StringComparison.Ordinal));
        Assert.Single(TextsTo(Supervisor, mark), t => t.StartsWith("整改逾期督办", StringComparison.Ordinal));
        Assert.DoesNotContain(TextsTo(Office, mark), t => t.StartsWith("整改逾期督办", StringComparison.Ordinal));
        Assert.Contains(TextsTo(Secretary, mark), t => t.StartsWith("【月调度 2027-03】", StringComparison.Ordinal));

        // The lead leader reports completion with a photo: acknowledged at once, fetched in the background with getFile and
        // the file download, then shown to the secretary, who confirms it.
        var photo = RandomNumberGenerator.GetBytes(200_000);
        State.AddFile("AgACAgUAAx-evidence", photo, "photos/file_7.jpg");
        Assert.Contains("照片", await SayAsync(Leader, $"/ledger done {itemId}", "请发送"), StringComparison.Ordinal);
        mark = State.Sent.Count;
        State.QueueUpdate(TelegramUpdates.Photo(Leader, "AgACAgUAAx-evidence", photo.Length, "窗口已公示办事流程"));
        Assert.Contains("195 KB（正在保存）", await WaitForAsync(Leader, "已收到照片", mark), StringComparison.Ordinal);
        var toConfirm = await WaitForAsync(Secretary, $"/ledger confirm {itemId}", mark);
        Assert.Contains("佐证：照片 photo-AgACAgUAAx-evidence-u.jpg 195 KB：窗口已公示办事流程", toConfirm, StringComparison.Ordinal);
        Assert.Contains("getFile", State.Calls);
        Assert.Contains("download", State.Calls);
        var evidence = Assert.Single((await Stores.Ledger.GetAsync(itemId, CancellationToken.None))!.Evidence);
        Assert.Equal((EvidenceFileState.Stored, Convert.ToHexStringLower(SHA256.HashData(photo))), (evidence.File, evidence.Sha256));
        Assert.Contains("不能确认自己", await SayAsync(Leader, $"/ledger confirm {itemId}", "不能确认"), StringComparison.Ordinal);
        Assert.Contains("已确认完成", await SayAsync(Secretary, $"/ledger confirm {itemId}", "已确认完成"), StringComparison.Ordinal);
        await WaitForAsync(Leader, "已确认完成", mark);

        // The secretary answers the dispatch; the other unit stays silent.
        Assert.Contains("办实事 2 件", await SayAsync(Secretary, "/dispatch 2 | 修复村道；安装路灯 | 是 | 无", "办实事"), StringComparison.Ordinal);

        // On 1 April the office gets March's bulletin: units ranked, the silent ones listed, a spreadsheet and a chart.
        mark = State.Sent.Count;
        for (var day = 0; day < 8 && !TextsTo(Office, mark).Any(t => t.Contains("【2027-03 月通报】", StringComparison.Ordinal)); day++)
        {
            await NextDayAsync();
        }

        var bulletin = await WaitForAsync(Office, "【2027-03 月通报】", mark);
        Assert.Matches(new Regex(@"1\. 东县 "), bulletin);
        var silent = bulletin[(bulletin.IndexOf("未报送月调度的单位：", StringComparison.Ordinal) + "未报送月调度的单位：".Length)..].Split('\n')[0].Split('、');
        Assert.Contains("西区", silent);
        Assert.DoesNotContain("东县", silent);
        await WaitUntilAsync(() => State.Sent.Any(m => m.ChatId == Office && m.FileName == "月通报-2027-03.xlsx"), "the bulletin's spreadsheet");
        await WaitUntilAsync(() => State.Sent.Any(m => m.ChatId == Office && m.FileName == "月通报-2027-03.png"), "the bulletin's chart");

        // The 整改落实评判 round's ballot shows one of the masses the unit's ledger before they vote.
        var round = await SayAsync(Office, "/round open county_east rectification 24 code", "/vote ");
        var ballot = await SayAsync(3001, $"/vote {CodeAfter("/vote ", round)}", "【整改公示】");
        Assert.Contains("【整改公示】整改台帐 1 项：已完成 1", ballot, StringComparison.Ordinal);
        Assert.Contains("窗口办事推诿", ballot, StringComparison.Ordinal);
        Assert.DoesNotContain("李局长", ballot, StringComparison.Ordinal);
    }

    private Task RegisterAsync(long userId, string name, string role, string unit) =>
        TelegramMembers.RegisterAsync(Stores.Members, userId, name, role, unit, "section", _time.GetUtcNow());

    /// <summary>
    /// Moves the clock a day on and waits until the scheduler has fired what fell due, so no day's job is skipped. First the
    /// outbox is let empty: a day's jump during a send would outlast the send's lease and send the message again.
    /// </summary>
    private async Task NextDayAsync()
    {
        await WaitUntilAsync(() => Stores.Outbox.CountAsync(OutboxStatus.Pending, CancellationToken.None).GetAwaiter().GetResult() == 0, "the outbox to be sent");
        _time.Advance(TimeSpan.FromDays(1));
        await WaitUntilAsync(() => Stores.Jobs.DueAsync(_time.GetUtcNow(), 1, CancellationToken.None).GetAwaiter().GetResult().Count == 0, "the day's jobs", advance: false);
    }

    private async Task<string> SayAsync(long user, string text, string marker)
    {
        var mark = State.Sent.Count;
        State.QueueUpdate(TelegramUpdates.Text(user, text));
        return await WaitForAsync(user, marker, mark);
    }

    private async Task<string> PressAsync(long user, string label, string marker)
    {
        var message = State.Sent.Last(m => m.ChatId == user && MeetingOverTelegram.ButtonsOf(m).ContainsKey(label));
        var mark = State.Sent.Count;
        State.QueueUpdate(TelegramUpdates.Callback(user, MeetingOverTelegram.ButtonsOf(message)[label], messageId: message.MessageId, id: $"cbq-{user}-{++_presses}"));
        return await WaitForAsync(user, marker, mark);
    }

    private async Task<string> WaitForAsync(long chat, string marker, int after = 0)
    {
        await WaitUntilAsync(() => State.Sent.Skip(after).Any(m => m.ChatId == chat && m.Text?.Contains(marker, StringComparison.Ordinal) == true), $"'{marker}' to {chat}");
        return State.Sent.Skip(after).Last(m => m.ChatId == chat && m.Text?.Contains(marker, StringComparison.Ordinal) == true).Text!;
    }

    private List<string> TextsTo(long chat, int after) => [.. State.Sent.Skip(after).Where(m => m.ChatId == chat && m.Text is not null).Select(m => m.Text!)];

    /// <summary>Waits for a condition, moving the fake clock in quarter seconds (the pipeline's poll timers run on it) unless told not to.</summary>
    private async Task WaitUntilAsync(Func<bool> condition, string what, bool advance = true)
    {
        var started = DateTime.UtcNow;
        while (!condition())
        {
            if (DateTime.UtcNow - started > Patience)
            {
                throw new TimeoutException($"Waited {Patience.TotalSeconds} s for {what}.");
            }

            if (advance)
            {
                _time.Advance(TimeSpan.FromMilliseconds(250));
            }

            await Task.Delay(5);
        }
    }

    private static string CodeAfter(string marker, string text)
    {
        var at = text.IndexOf(marker, StringComparison.Ordinal);
        Assert.True(at >= 0, $"'{marker}' not in: {text}");
        return CodeWord().Match(text[(at + marker.Length)..]).Value;
    }

    [GeneratedRegex("^[A-Za-z0-9]+")]
    private static partial Regex CodeWord();
}
