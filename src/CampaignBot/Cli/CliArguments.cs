namespace CampaignBot.Cli;

/// <summary>Words and "--name value" options of a command line; "--Section:Key=value" settings pass through to configuration.</summary>
public sealed class CliArguments
{
    private readonly Dictionary<string, string> _options = new(StringComparer.OrdinalIgnoreCase);

    private CliArguments(List<string> words, List<string> settings)
    {
        Words = words;
        Settings = settings;
    }

    public IReadOnlyList<string> Words { get; }

    /// <summary>Configuration overrides such as --Telegram:Mode=webhook, for the host.</summary>
    public IReadOnlyList<string> Settings { get; }

    public static CliArguments Parse(IReadOnlyList<string> args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var words = new List<string>();
        var settings = new List<string>();
        var parsed = new CliArguments(words, settings);
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (!arg.StartsWith("--", StringComparison.Ordinal))
            {
                words.Add(arg);
            }
            else if (arg.Contains(':', StringComparison.Ordinal) || arg.Contains('=', StringComparison.Ordinal))
            {
                settings.Add(arg);
            }
            else if (i + 1 < args.Count && !args[i + 1].StartsWith("--", StringComparison.Ordinal))
            {
                parsed._options[arg[2..]] = args[++i];
            }
            else
            {
                parsed._options[arg[2..]] = "true";
            }
        }

        return parsed;
    }

    public string? Word(int index) => index < Words.Count ? Words[index] : null;

    public string? Option(string name) => _options.GetValueOrDefault(name);

    public bool Has(string name) => _options.ContainsKey(name);
}

/// <summary>A mistake on the command line: printed as it is, exit code 2.</summary>
public sealed class CliException : Exception
{
    public CliException()
    {
    }

    public CliException(string message)
        : base(message)
    {
    }

    public CliException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
