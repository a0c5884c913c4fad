using CampaignBot.Core.Campaign;
using CampaignBot.Core.Storage;
using CampaignBot.WeCom.Callback;
using CampaignBot.WeCom.Sending;

namespace CampaignBot.WeCom.Robots;

/// <summary>
/// Makes each configured group robot (WeCom:GroupRobots) a group chat the bot knows, "wecom:&lt;robot name&gt;",
/// and links the robots named in WeCom:RobotUnits to their units, so a unit's announcements go through its robot.
/// Runs at start: WeCom's app never sits in group chats, so a robot cannot be linked from inside its group.
/// </summary>
public sealed partial class WeComRobotLinks(
    IChatStore chats,
    CampaignDefinition campaign,
    IOptions<WeComOptions> options,
    TimeProvider time,
    ILogger<WeComRobotLinks> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => ApplyAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Brings the chat records in line with the settings; a unit the campaign lacks stops start-up with a sentence naming the setting.</summary>
    public async Task ApplyAsync(CancellationToken cancellationToken)
    {
        var o = options.Value;
        var unknown = o.RobotUnits
            .Where(pair => campaign.FindUnit(pair.Value) is null)
            .Select(pair => $"WeCom:RobotUnits:{pair.Key} names unit '{pair.Value}', which is not in the campaign file.")
            .ToList();
        if (unknown.Count > 0)
        {
            throw new OptionsValidationException(WeComOptions.SectionName, typeof(WeComOptions), unknown);
        }

        var now = time.GetUtcNow();
        foreach (var robot in o.GroupRobots.Keys)
        {
            var existing = await chats.GetAsync(InboundMapper.Channel, robot, cancellationToken);
            // A configured link wins at every start; otherwise keep a link made with /link.
            var unit = o.RobotUnits.GetValueOrDefault(robot) ?? existing?.UnitId;
            if (existing is { Kind: ChatKind.Group, BotIsMember: true, Unreachable: false } && existing.UnitId == unit)
            {
                continue;
            }

            await chats.UpsertAsync(
                new ChatRecord { Channel = InboundMapper.Channel, ChatId = robot, Kind = ChatKind.Group, Title = existing?.Title ?? robot, UnitId = unit, UpdatedAt = now },
                cancellationToken);
            LogLinked(logger, robot, unit ?? "-");
        }

        // A robot taken out of the settings can no longer be reached: its group stops receiving announcements.
        foreach (var gone in (await chats.ListAsync(cancellationToken)).Where(c =>
            c.Channel == InboundMapper.Channel && c.Kind == ChatKind.Group && c.BotIsMember && !o.GroupRobots.ContainsKey(c.ChatId)))
        {
            await chats.UpsertAsync(gone with { BotIsMember = false, UpdatedAt = now }, cancellationToken);
            LogRemoved(logger, gone.ChatId);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "WeCom group robot {Robot} is a group chat of unit {Unit}")]
    private static partial void LogLinked(ILogger logger, string robot, string unit);

    [LoggerMessage(Level = LogLevel.Information, Message = "WeCom group robot {Robot} is no longer configured; its group gets no announcements")]
    private static partial void LogRemoved(ILogger logger, string robot);
}

public static class WeComRobotLinksExtensions
{
    /// <summary>Registers <see cref="WeComRobotLinks"/> when the WeCom channel is on; needs the store and the campaign.</summary>
    public static IHostApplicationBuilder AddWeComRobotLinks(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        if (builder.Services.Any(d => d.ServiceType == typeof(WeComSender)))
        {
            builder.Services.AddHostedService<WeComRobotLinks>();
        }

        return builder;
    }
}
