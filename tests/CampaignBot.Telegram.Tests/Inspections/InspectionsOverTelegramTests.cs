using CampaignBot.Core.Features.Inspections;
using CampaignBot.Core.Features.Ledger;

namespace CampaignBot.Telegram.Tests.Inspections;

/// <summary>
/// Random inspection and organisational handling end to end: the real host in polling mode against the Bot API stand-in,
/// on the shipped campaign, its clock a fake one that only the test moves.
/// </summary>
public sealed partial class InspectionsOverTelegramTests : IAsyncLifetime
{
    private const long Office = 1, Member = 20;
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "campaignbot-inspect-tests", Guid.NewGuid().ToString("N"));
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2027, 3, 10, 1, 0, 0, TimeSpan.Zero));
    private BotApiStandIn _standIn = null!;
    private IHost _host = null!;

    private StoreBundle Stores => _host.Services.GetRequiredService<StoreBundle>();

    public async Task InitializeAsync()
    {
        _standIn = await BotApiStandIn.StartAsync(TelegramHarness.Token, StandInRules.NoLimits);
        var settings = PollingHost.UnpacedSettings(_standIn, Path.Combine(_folder, "campaignbot.db"));
        settings["Evaluation:BallotSecret"] = "telegram-test-ballot-secret-42";
        _host = await PollingHost.StartAsync(settings, _time);
    }

    public Task DisposeAsync() => PollingHost.StopAsync(_host, _standIn, _folder);

    [Fact]
    public async Task Five_units_drawn_reproducibly_one_checklist_with_a_finding_on_the_ledger_the_bulletin_published_and_roles_kept()
    {
        await RegisterAsync(Office, Roles.CampaignOffice, "city", "周主任");
        await RegisterAsync(Member, Roles.Member, "county_east", "普通党员");
        var campaign = _host.Services.GetRequiredService<Core.Campaign.CampaignDefinition>();
        var leaders = new Dictionary<string, long>();
        foreach (var (unitId, i) in campaign.Units.Select((u, i) => (u.Id, i)))
        {
            leaders[unitId] = 100 + i;
            await RegisterAsync(100 + i, Roles.Member, unitId, "牵头人" + i.ToString(CultureInfo.InvariantCulture));
        }

        var office = new Talker(this, Office);
        var member = new Talker(this, Member);

        // A member can't draw; nothing is drawn.
        Assert.Contains("只由活动办和督导组", await member.SayAsync("/inspect draw", "随机调研"), StringComparison.Ordinal);
        Assert.Empty(await Stores.Inspections.ListAsync(CancellationToken.None));

        // The office draws five units; the seed reproduces the draw; no drawn unit hears of it.
        var sentBefore = _standIn.State.Sent.Count;
        var clockBefore = _time.GetUtcNow();
        var drawn = await office.SayAsync("/inspect draw 5", "随机种子");
        var inspection = Assert.Single(await Stores.Inspections.ListAsync(CancellationToken.None));
        Assert.Equal(5, inspection.Units.Count);
        Assert.Equal(inspection.Units, InspectionDraw.Draw(inspection.Candidates, inspection.Seed, 5));
        Assert.Equal(campaign.Units.Count, inspection.Candidates.Count);
        Assert.InRange(inspection.DrawnAt, clockBefore, _time.GetUtcNow());
        Assert.Contains(inspection.Id, drawn, StringComparison.Ordinal);
        Assert.All(_standIn.State.Sent.Skip(sentBefore), m => Assert.Equal(Office, m.ChatId));
        Assert.Contains("复核一致", await office.SayAsync($"/inspect verify {inspection.Id}", "复核"), StringComparison.Ordinal);

        // The unit's group is linked (so the public bulletin has somewhere to go), then the office inspects it.
        var unit = inspection.Units[0];
        await new Talker(this, Office, TelegramUpdates.GroupId).SayAsync($"/link {unit}", campaign.FindUnit(unit)!.Name);
        _time.Advance(TimeSpan.FromDays(1));
        Assert.Contains("第 1/6 项", await office.SayAsync($"/inspect check {inspection.Id} {unit}", "第 1/6 项"), StringComparison.Ordinal);
        await office.PressAsync("属实", "第 2/6 项");
        await office.SayAsync("现场抽查：对照检查材料照抄照搬，未结合本单位实际", "第 3/6 项");
        await office.PressAsync("属实", "第 4/6 项");
        await office.PressAsync("属实", "第 5/6 项");
        await office.PressAsync("属实", "第 6/6 项");
        await office.PressAsync("属实", "发现的问题");
        await office.SayAsync("群众反映办事窗口推诿扯皮，跑多次才能办成", "已记录");
        await office.PressAsync("完成", "需要列入整改台帐");
        await office.PressAsync("立项 1", "三落实");
        var opened = await office.SayAsync($"牵头人{campaign.Units.ToList().FindIndex(u => u.Id == unit)} 2027-05-31 推行首问负责制，公开办事流程", "不需要请点击“继续”");
        var itemId = Regex.Match(opened, "整改台帐 (L[A-Z0-9]{6})").Groups[1].Value;
        await new Talker(this, leaders[unit]).WaitForAsync(itemId);
        await office.PressAsync("继续", "总体评定");
        await office.PressAsync("一般", "请核对");
        Assert.Contains("已提交", await office.PressAsync("提交", "已提交"), StringComparison.Ordinal);

        var item = await Stores.Ledger.GetAsync(itemId, CancellationToken.None);
        Assert.Equal(ProblemSource.Inspection, item?.Source);
        Assert.Equal(unit, item?.UnitId);
        Assert.Equal(new DateOnly(2027, 5, 31), item?.Deadline);
        var checklist = await Stores.Inspections.GetChecklistAsync(inspection.Id, unit, CancellationToken.None);
        Assert.Equal(Ratings.Average, checklist?.Rating);
        Assert.Equal(itemId, checklist?.Findings.Single().LedgerItemId);

        // The bulletin: the office's version with the spreadsheet, the public one in the unit's group, once.
        var published = await office.SayAsync($"/inspect bulletin {inspection.Id} publish", "已发布");
        Assert.Contains("1 个单位群", published, StringComparison.Ordinal);
        await office.WaitForAsync("实地核查：现场抽查");
        await WaitUntilAsync(() => _standIn.State.Sent.Any(m => m.ChatId == Office && m.FileName == $"随机抽查通报-{inspection.Id}.xlsx"), "the bulletin's spreadsheet");
        var group = new Talker(this, Office, TelegramUpdates.GroupId);
        var posted = await group.WaitForAsync("【随机抽查通报】");
        Assert.Contains("评定 一般；发现问题 1 个，列入整改台帐 1 个", posted, StringComparison.Ordinal);
        Assert.DoesNotContain("周主任", posted, StringComparison.Ordinal);
        Assert.Contains("已经发布过", await office.SayAsync($"/inspect bulletin {inspection.Id} publish", "发布过"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_unit_failing_a_stage_twice_appears_on_the_office_s_handling_list_and_the_decision_in_its_history()
    {
        await RegisterAsync(Office, Roles.CampaignOffice, "city", "周主任");
        await RegisterAsync(Member, Roles.Member, "county_east", "普通党员");
        var office = new Talker(this, Office);

        for (var round = 1; round <= 2; round++)
        {
            var opened = await office.SayAsync("/round open county_east style_status 24 code", "/round close");
            var id = Regex.Match(opened, "/round close ([0-9a-f]{8})").Groups[1].Value;
            _time.Advance(TimeSpan.FromHours(2));
            await office.SayAsync($"/round close {id}", "票数不足");
        }

        Assert.Contains("只由活动办", await new Talker(this, Member).SayAsync("/handling", "组织处理"), StringComparison.Ordinal);
        var list = await office.SayAsync("/handling", "组织处理名单");
        Assert.Contains("待处理 1 件", list, StringComparison.Ordinal);
        Assert.Contains("东县：作风现状评价已 2 次未通过", list, StringComparison.Ordinal);
        var code = HandlingCase.CodeFor("stage:county_east:style_status");
        Assert.Contains($"已记录案件 {code}", await office.SayAsync($"/handling decide {code} 今天 对县委主要负责人进行约谈，责令限期整改", "已记录"), StringComparison.Ordinal);
        var history = await office.SayAsync("/inspect history county_east", "调研和组织处理记录");
        Assert.Contains("2027-03-10 组织处理：对县委主要负责人进行约谈，责令限期整改", history, StringComparison.Ordinal);
        Assert.Contains("待处理 0 件", await office.SayAsync("/handling", "组织处理名单"), StringComparison.Ordinal);
    }

    private Task RegisterAsync(long userId, string role, string unit, string name) =>
        TelegramMembers.RegisterAsync(Stores.Members, userId, name, role, unit, "section", _time.GetUtcNow());

    /// <summary>Waits for the bot, moving its clock on a quarter second at a time (pacing and polling run on it).</summary>
    private async Task WaitUntilAsync(Func<bool> condition, string what)
    {
        var started = DateTime.UtcNow;
        while (!condition())
        {
            if (DateTime.UtcNow - started > TimeSpan.FromSeconds(60))
            {
                throw new TimeoutException($"Waited 60 s for {what}.");
            }

            _time.Advance(TimeSpan.FromMilliseconds(250));
            await Task.Delay(5);
        }
    }

    /// <summary>One Telegram user in a chat (their private chat, or a group): each step waits, on the fake clock, for a reply containing a text.</summary>
    private sealed class Talker(InspectionsOverTelegramTests test, long userId, long? chatId = null)
    {
        private int _callbacks;

        private long ChatId => chatId ?? userId;

        private IReadOnlyList<SentMessage> Received => [.. test._standIn.State.Sent.Where(m => m.ChatId == ChatId && m.Method != "answerCallbackQuery")];

        public Task<string> SayAsync(string text, string until) => SendAsync(TelegramUpdates.Text(userId, text, chatId), until);

        public Task<string> PressAsync(string label, string until)
        {
            var (message, data) = Received.Reverse().Select(m => (m, Buttons(m).FirstOrDefault(b => b.Label == label).Data)).First(x => x.Data is not null);
            return SendAsync(TelegramUpdates.Callback(userId, data!, chatId, message.MessageId, $"cb-{userId}-{Interlocked.Increment(ref _callbacks)}"), until);
        }

        public async Task<string> WaitForAsync(string text, int from = 0)
        {
            try
            {
                await test.WaitUntilAsync(() => Since(from).Contains(text, StringComparison.Ordinal), $"\"{text}\" in chat {ChatId}");
            }
            catch (TimeoutException ex)
            {
                throw new TimeoutException($"{ex.Message} Received instead: {Since(Math.Max(0, from - 2))}", ex);
            }

            return Since(from);
        }

        private async Task<string> SendAsync(JsonObject update, string until)
        {
            var before = Received.Count;
            test._standIn.State.QueueUpdate(update);
            return await WaitForAsync(until, before);
        }

        private string Since(int index) => string.Join("\n", Received.Skip(index).Select(m => m.Text));

        private static IEnumerable<(string Label, string Data)> Buttons(SentMessage message) =>
            message.ReplyMarkup is null
                ? []
                : JsonNode.Parse(message.ReplyMarkup)!["inline_keyboard"]!.AsArray()
                    .SelectMany(row => row!.AsArray())
                    .Select(b => (b!["text"]!.GetValue<string>(), b["callback_data"]!.GetValue<string>()));
    }
}
