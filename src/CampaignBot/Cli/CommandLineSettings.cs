namespace CampaignBot.Cli;

/// <summary>
/// Configuration settings on the command line, "--Section:Key=value" or "--Section:Key value", anywhere among the
/// verbs. They are taken out before the verbs are parsed, so "--Telegram:Mode webhook" is one setting rather than a
/// setting and an unknown verb, and reach the verbs as the hidden recursive option <see cref="Option"/>.
/// </summary>
public static class CommandLineSettings
{
    public static readonly Option<string[]> Option = new("--setting")
    {
        Description = "配置项 Section:Key=value（与 --Section:Key=value 相同）",
        Hidden = true,
        Recursive = true,
        Arity = ArgumentArity.OneOrMore,
    };

    /// <summary>Rewrites each "--Section:Key[=value]" (and the value after it, when it has none) into "--setting Section:Key=value".</summary>
    public static IReadOnlyList<string> Rewrite(IReadOnlyList<string> args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var rewritten = new List<string>(args.Count);
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (!IsSetting(arg))
            {
                rewritten.Add(arg);
                continue;
            }

            var setting = arg[2..];
            if (!setting.Contains('=', StringComparison.Ordinal))
            {
                setting += "=" + (i + 1 < args.Count && !args[i + 1].StartsWith("--", StringComparison.Ordinal) ? args[++i] : "true");
            }

            rewritten.Add(Option.Name);
            rewritten.Add(setting);
        }

        return rewritten;
    }

    /// <summary>The settings of a parsed command line, as "--Section:Key=value" arguments for the configuration's command-line source.</summary>
    public static string[] Of(ParseResult parse)
    {
        ArgumentNullException.ThrowIfNull(parse);
        return [.. (parse.GetValue(Option) ?? []).Select(s => "--" + s)];
    }

    /// <summary>A setting names a configuration key: "--" then a section, a colon and a key, before any "=".</summary>
    private static bool IsSetting(string arg)
    {
        if (!arg.StartsWith("--", StringComparison.Ordinal) || arg.Length < 4)
        {
            return false;
        }

        var key = arg.AsSpan(2);
        var equals = key.IndexOf('=');
        if (equals >= 0)
        {
            key = key[..equals];
        }

        var colon = key.IndexOf(':');
        return colon > 0 && colon < key.Length - 1;
    }
}
