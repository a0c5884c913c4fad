using System.CommandLine.Parsing;

namespace CampaignBot.Cli;

/// <summary>Turns the parser's errors into Chinese sentences; an unknown export kind lists every kind there is.</summary>
public static class CliErrors
{
    public static string Describe(ParseResult parse)
    {
        ArgumentNullException.ThrowIfNull(parse);
        var command = parse.CommandResult.Command;
        var unknown = parse.UnmatchedTokens;
        if (command.Name == ExportCommand.Name && unknown.Count > 0)
        {
            return ExportCommand.UnknownKind(unknown[0]);
        }

        if (command.Name == ExportCommand.Name)
        {
            return ExportCommand.UnknownKind(null);
        }

        if (unknown.Count > 0)
        {
            return $"不认识的命令或参数：{string.Join(" ", unknown)}。用 campaignbot {Path(command)}--help 查看用法。";
        }

        // A missing argument or option is named as the help names it (the parser's sentence names the command, or is English).
        if (Missing(parse) is { Count: > 0 } missing)
        {
            return $"缺少 {string.Join("、", missing)}。用 campaignbot {Path(command)}--help 查看用法。";
        }

        // The parser's own messages are Chinese under the zh-Hans UI culture; the hint says where the usage is.
        var messages = parse.Errors.Select(e => e.Message).Distinct(StringComparer.Ordinal);
        return $"命令行有误：{string.Join(" ", messages)}\n用 campaignbot {Path(command)}--help 查看用法。";
    }

    /// <summary>The command's required arguments and options that the line leaves out, as "&lt;邀请码&gt;" and "--month yyyy-MM".</summary>
    private static List<string> Missing(ParseResult parse)
    {
        var result = parse.CommandResult;
        var missing = result.Command.Arguments
            .Where(a => a.Arity.MinimumNumberOfValues > 0 && (result.GetResult(a) is not { } given || given.Tokens.Count < a.Arity.MinimumNumberOfValues))
            .Select(a => $"<{a.Name}>")
            .ToList();
        missing.AddRange(result.Command.Options
            .Where(o => o.Required && result.GetResult(o) is not { Implicit: false })
            .Select(o => o.HelpName is { } value ? $"{o.Name} {value}" : o.Name));
        return missing;
    }

    private static string Path(Command command)
    {
        var names = new List<string>();
        for (Symbol? symbol = command; symbol is Command { } c && c is not RootCommand; symbol = c.Parents.FirstOrDefault())
        {
            names.Insert(0, c.Name);
        }

        return names.Count == 0 ? string.Empty : string.Join(' ', names) + " ";
    }
}
