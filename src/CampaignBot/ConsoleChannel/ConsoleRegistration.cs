using CampaignBot.Core.Pipeline;

namespace CampaignBot.ConsoleChannel;

public static class ConsoleRegistration
{
    /// <summary>The terminal chat: reads standard input (or a reader a test registers first) and prints replies.</summary>
    public static IHostApplicationBuilder AddConsoleChannel(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddOptions<ConsoleOptions>().BindConfiguration(ConsoleOptions.SectionName);
        builder.Services.TryAddSingleton(new ConsoleInput(Console.In, StopWhenInputEnds: true));
        builder.Services.TryAddSingleton(_ => new ConsoleTranscript(Console.Out));
        builder.Services.AddSingleton<IChannelSender, ConsoleSender>();
        builder.Services.AddHostedService<ConsoleChannelService>();
        return builder;
    }
}
