namespace CampaignBot.Core.Conversations;

/// <summary>
/// A button that stands for a command without arguments ("cmd:examine" on a reminder): pressed, it is routed as that
/// command typed, with every check a typed one gets (a step waiting for an answer, groups, who may use it). The payload is
/// untrusted, and it can do no more than typing the command can.
/// </summary>
public static class CommandButton
{
    public const string Prefix = "cmd";

    private const int MaxCommandLength = 32;

    public static Button For(string command, Text label, Language language)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(command);
        ArgumentNullException.ThrowIfNull(label);
        return IsCommandName(command) ? new Button(label.In(language), $"{Prefix}:{command}") : throw new ArgumentException($"Not a command name: {command}", nameof(command));
    }

    /// <summary>The command a payload stands for, or null when it is not a command button.</summary>
    public static CommandInput? Read(string? payload) =>
        payload is not null && payload.StartsWith(Prefix + ":", StringComparison.Ordinal) && payload[(Prefix.Length + 1)..] is var name && IsCommandName(name)
            ? new CommandInput(name, string.Empty)
            : null;

    private static bool IsCommandName(string name) => name.Length is > 0 and <= MaxCommandLength && name.All(char.IsAsciiLetterLower);
}
