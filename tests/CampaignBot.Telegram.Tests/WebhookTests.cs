using System.Net;

namespace CampaignBot.Telegram.Tests;

public sealed class WebhookTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    private static string Update(int id, string text)
    {
        var json = TelegramUpdates.Text(42, text);
        json["update_id"] = id;
        return json.ToJsonString();
    }

    [Theory]
    [InlineData("wrong-secret")]
    [InlineData("s3cret-Webhook_tokeN")]
    [InlineData(null)]
    public async Task Wrong_or_missing_secret_gets_401_and_nothing_is_stored(string? secret)
    {
        await using var host = await WebhookHost.StartAsync();

        using var response = await host.PostAsync(Update(900, "/start"), secret);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Empty(host.Sink.Accepted);
    }

    [Fact]
    public async Task Right_secret_gets_200_only_after_the_update_is_stored()
    {
        await using var host = await WebhookHost.StartAsync();
        host.Sink.Gate = new TaskCompletionSource();

        var posting = host.PostAsync(Update(901, "/start"), WebhookHost.Secret);
        await host.Sink.FirstCall.WaitAsync(Patience);
        var answeredBeforeStored = posting.IsCompleted;
        host.Sink.Gate.SetResult();
        using var response = await posting;

        Assert.False(answeredBeforeStored);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var stored = Assert.Single(host.Sink.Stored);
        Assert.Equal("901", stored.UpdateId);
    }

    [Theory]
    [InlineData("{not json")]
    [InlineData("[1,2]")]
    [InlineData("{}")]
    public async Task Malformed_body_gets_400(string body)
    {
        await using var host = await WebhookHost.StartAsync();

        using var response = await host.PostAsync(body, WebhookHost.Secret);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Empty(host.Sink.Accepted);
    }

    [Fact]
    public async Task An_update_the_client_cannot_read_is_answered_200_and_skipped_and_the_next_one_is_stored()
    {
        await using var host = await WebhookHost.StartAsync();

        using var unreadable = await host.PostAsync("""{"update_id": 903, "message": "not an object"}""", WebhookHost.Secret);
        using var next = await host.PostAsync(Update(904, "hi"), WebhookHost.Secret);

        Assert.Equal(HttpStatusCode.OK, unreadable.StatusCode);
        Assert.Equal(HttpStatusCode.OK, next.StatusCode);
        var stored = Assert.Single(host.Sink.Stored);
        Assert.Equal("904", stored.UpdateId);
    }

    [Fact]
    public async Task Failing_inbox_gets_a_server_error_so_Telegram_delivers_again()
    {
        await using var host = await WebhookHost.StartAsync();
        host.Sink.FailOnCall[1] = true;

        using var first = await host.PostAsync(Update(902, "hi"), WebhookHost.Secret);
        using var again = await host.PostAsync(Update(902, "hi"), WebhookHost.Secret);

        Assert.Equal(HttpStatusCode.InternalServerError, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Single(host.Sink.Stored);
    }

    [Fact]
    public async Task Start_up_sets_the_webhook_and_the_command_menus()
    {
        await using var host = await WebhookHost.StartAsync();
        var state = host.StandIn.State;

        await state.WaitForAsync(s => s.CommandsFor("en") is not null, Patience, "command menus");

        var webhook = state.Webhook!;
        Assert.Equal("https://bot.example.org/telegram/webhook", webhook.Url);
        Assert.Equal(WebhookHost.Secret, webhook.SecretToken);
        Assert.Equal(8, webhook.MaxConnections);
        Assert.Equal(["message", "callback_query", "poll_answer", "my_chat_member"], webhook.AllowedUpdates);
        Assert.Equal("开始使用 / 注册", Describe(state.CommandsFor("")!, "start"));
        Assert.Equal("Start / register", Describe(state.CommandsFor("en")!, "start"));
    }

    private static string? Describe(JsonArray commands, string name) =>
        commands.Single(c => (string?)c!["command"] == name)!["description"]?.GetValue<string>();
}
