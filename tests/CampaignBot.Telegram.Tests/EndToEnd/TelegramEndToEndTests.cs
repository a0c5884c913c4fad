using System.Net;

namespace CampaignBot.Telegram.Tests.EndToEnd;

public sealed class TelegramEndToEndTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    private static async Task RegisterAsync(Conversation member, string code)
    {
        await member.SayAsync("/start");
        await member.WaitForAsync("第 1 步");
        await member.SayAsync(code);
        await member.WaitForAsync("第 2 步");
        await member.SayAsync("张三");
        var rank = await member.WaitForAsync("第 3 步");
        Assert.NotEmpty(Conversation.Buttons(rank));
        await member.PressAsync(Conversation.Buttons(rank).First().Label, "cb-rank");
        var confirm = await member.WaitForAsync("确认");
        Assert.Contains(Conversation.Buttons(confirm), b => b.Label == "确认");
        await member.PressAsync("确认", "cb-ok");
        await member.WaitForAsync("注册成功");
    }

    [Fact]
    public async Task A_member_registers_over_Telegram_in_polling_mode()
    {
        await using var bot = await TelegramBotUnderTest.CreateAsync();
        var code = await bot.CreateInviteAsync();
        await bot.StartAsync();
        var member = new Conversation(bot.StandIn, 4242);

        await RegisterAsync(member, code);
        await member.SayAsync("/me");
        var profile = await member.WaitForAsync("姓名：张三");

        Assert.Contains("单位：东县", profile.Text, StringComparison.Ordinal);
        var answers = bot.StandIn.State.Sent.Where(m => m.Method == "answerCallbackQuery").Select(m => m.CallbackQueryId);
        Assert.Equal(["cb-rank", "cb-ok"], answers);
        Assert.Null(bot.StandIn.State.Webhook);
    }

    [Fact]
    public async Task A_member_registers_over_Telegram_in_webhook_mode()
    {
        await using var bot = await TelegramBotUnderTest.CreateAsync();
        var code = await bot.CreateInviteAsync();
        await bot.StartAsync(webhook: true);
        await bot.StandIn.State.WaitForAsync(s => s.Webhook is not null, Patience, "setWebhook");
        var member = new Conversation(bot.StandIn, 4343, async id => Assert.Equal(200, await bot.StandIn.DeliverToWebhookAsync(id)));

        await RegisterAsync(member, code);

        Assert.Equal(TelegramBotUnderTest.WebhookSecret, bot.StandIn.State.Webhook!.SecretToken);
        Assert.DoesNotContain("getUpdates", bot.StandIn.State.Calls);
    }

    [Fact]
    public async Task A_forged_button_payload_gets_a_notice_and_changes_nothing()
    {
        await using var bot = await TelegramBotUnderTest.CreateAsync();
        await bot.StartAsync();
        var member = new Conversation(bot.StandIn, 4444);

        await member.SendAsync(TelegramUpdates.Callback(4444, "reg:forged:ok", id: "cb-forged"));
        await member.SendAsync(TelegramUpdates.Callback(4444, "'; DROP TABLE members; --", id: "cb-junk"));
        await bot.StandIn.State.WaitForAsync(s => s.Sent.Count(m => m.Method == "answerCallbackQuery") == 2, Patience, "two callback answers");

        var notices = bot.StandIn.State.Sent.Where(m => m.Method == "answerCallbackQuery").ToDictionary(m => m.CallbackQueryId!, m => m.Text);
        Assert.Equal("这个按钮已失效。", notices["cb-forged"]);
        Assert.Equal("无法识别的按钮。", notices["cb-junk"]);
    }

    [Fact]
    public async Task A_batch_redelivered_after_a_crash_is_handled_once()
    {
        await using var bot = await TelegramBotUnderTest.CreateAsync();
        await bot.StartAsync();
        var first = bot.StandIn.State.QueueUpdate(TelegramUpdates.Text(4545, "/start"));
        bot.StandIn.State.QueueUpdate(TelegramUpdates.Text(4646, "/help"));
        await bot.StandIn.State.WaitForAsync(s => s.Sent.Any(m => m.ChatId == 4545) && s.Sent.Any(m => m.ChatId == 4646), Patience, "replies to the batch");
        await bot.StopAsync();
        var repliesBefore = bot.StandIn.State.Sent.Count;

        // Telegram never got the confirmation: the restarted bot receives the same batch again.
        bot.StandIn.State.ForgetConfirmationsFrom(first);
        var marker = bot.StandIn.State.QueueUpdate(TelegramUpdates.Text(4747, "/help"));
        await bot.StartAsync();
        await bot.StandIn.State.WaitForAsync(s => s.Sent.Any(m => m.ChatId == 4747), Patience, "reply after the redelivered batch");
        await bot.StandIn.State.WaitForAsync(s => s.ConfirmedOffset > marker, Patience, "batch confirmed");

        Assert.Equal(repliesBefore, bot.StandIn.State.Sent.Count(m => m.ChatId != 4747));
    }

    [Fact]
    public async Task Webhook_with_a_wrong_secret_is_refused_and_nothing_is_handled()
    {
        await using var bot = await TelegramBotUnderTest.CreateAsync();
        await bot.StartAsync(webhook: true);
        await bot.StandIn.State.WaitForAsync(s => s.Webhook is not null, Patience, "setWebhook");
        using var http = new HttpClient();
        using var content = new StringContent(TelegramUpdates.Text(4848, "/start").ToJsonString(), System.Text.Encoding.UTF8, "application/json");
        using var request = new HttpRequestMessage(HttpMethod.Post, bot.StandIn.State.Webhook!.Url) { Content = content };
        request.Headers.Add("X-Telegram-Bot-Api-Secret-Token", "forged");

        using var response = await http.SendAsync(request);
        var inbox = bot.Services.GetRequiredService<IInboxStore>();
        long stored = 0;
        foreach (var status in Enum.GetValues<InboxStatus>())
        {
            stored += await inbox.CountAsync(status, CancellationToken.None);
        }

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(0, stored);
    }
}
