using CampaignBot.Core.Pipeline;

namespace CampaignBot.ConsoleChannel;

/// <summary>
/// The terminal as a chat: each input line is one message from the configured user; a number presses the
/// numbered button of the bot's last message. Each line is answered before the next is read, and when input
/// ends (a file piped in) the bot finishes what it has and stops.
/// </summary>
public sealed class ConsoleChannelService(
    ConsoleInput input,
    ConsoleTranscript transcript,
    IInboundSink sink,
    IInboxStore inbox,
    IOutboxStore outbox,
    CampaignDefinition campaign,
    IOptions<ConsoleOptions> options,
    IHostApplicationLifetime lifetime,
    TimeProvider time,
    ILogger<ConsoleChannelService> logger) : BackgroundService
{
    private readonly ConsoleOptions _options = options.Value;
    private readonly string _runId = Guid.NewGuid().ToString("N")[..8];

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Reading the terminal blocks a thread; keep it off the host's start-up path.
        await Task.Yield();
        var chat = _options.Chat is { Length: > 0 } group
            ? new ChatRef(ConsoleSender.ChannelName, group, ChatKind.Group, $"群 {group}")
            : new ChatRef(ConsoleSender.ChannelName, _options.User, ChatKind.Private);
        var user = new UserRef(_options.User, _options.Name, _options.Lang);
        Introduce(chat);

        long lineNumber = 0;
        while (!stoppingToken.IsCancellationRequested)
        {
            var line = await Task.Run(() => input.Reader.ReadLine(), stoppingToken);
            if (line is null)
            {
                break;
            }

            lineNumber++;
            if (ConsoleLine.Parse(line, chat, transcript) is not { } content)
            {
                continue;
            }

            var update = new Inbound($"{_runId}-{lineNumber}", lineNumber, chat, user, content, time.GetUtcNow());
            try
            {
                await sink.AcceptAsync(update, stoppingToken);
                await WaitForAnswerAsync(update, stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogError(ex, "Console line {Line} could not be handed to the bot", lineNumber);
            }
        }

        if (!stoppingToken.IsCancellationRequested && input.StopWhenInputEnds)
        {
            lifetime.StopApplication();
        }
    }

    private void Introduce(ChatRef chat)
    {
        transcript.WriteLine($"CampaignBot 控制台 —— {campaign.Name}");
        transcript.WriteLine("每行输入就是一条消息；按钮显示为 [1] 标签，输入数字即可点击。/help 查看命令，Ctrl+D 或 Ctrl+C 退出。");
        transcript.WriteLine("注册需要邀请码。活动办在另一个终端生成：");
        transcript.WriteLine("  dotnet run --project src/CampaignBot -- invite create --unit <单位ID> --role member");
        transcript.WriteLine("可用单位ID：" + string.Join("、", campaign.Units.Take(12).Select(u => $"{u.Id}（{u.Name}）")) + (campaign.Units.Count > 12 ? " …" : string.Empty));
        transcript.WriteLine($"当前用户：{_options.User}{(chat.Kind == ChatKind.Group ? $"，群聊 {chat.Id}" : string.Empty)}。然后发送 /start 开始注册。");
    }

    private async Task WaitForAnswerAsync(Inbound update, CancellationToken cancellationToken)
    {
        var id = InboxItem.From(update, time.GetUtcNow()).Id;
        var deadline = time.GetUtcNow() + _options.ReplyTimeout;
        while (time.GetUtcNow() < deadline)
        {
            var item = await inbox.GetAsync(id, cancellationToken);
            if (item is { Status: not InboxStatus.Pending } && await outbox.CountAsync(OutboxStatus.Pending, cancellationToken) == 0)
            {
                return;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(15), time, cancellationToken);
        }

        transcript.WriteLine("（机器人暂时没有回复，继续读取下一行。）");
    }
}

/// <summary>Where the console reads from; standard input unless a test gives a reader.</summary>
public sealed record ConsoleInput(TextReader Reader, bool StopWhenInputEnds);
