using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;

namespace CampaignBot.Texts;

/// <summary>One entry of a catalogue: a fixed text (no parameters) or a text with values (a parameter list).</summary>
public sealed class TextEntry(string name, string? parameters, int line)
{
    public string Name { get; } = name;

    /// <summary>The C# parameter list without parentheses ("int max, string unit"), or null for a fixed text.</summary>
    public string? Parameters { get; } = parameters;

    public int Line { get; } = line;

    public string? Chinese { get; set; }

    public string? English { get; set; }

    public string? Doc { get; set; }
}

/// <summary>
/// A names block: the words for each value of an enum, read by one generated method
/// (<c>names StatusName(LedgerStatus status)</c> becomes <c>Text StatusName(LedgerStatus status)</c>).
/// </summary>
public sealed class TextNames(string name, string enumType, string parameter, int line)
{
    public string Name { get; } = name;

    /// <summary>The enum's type as C# writes it; a nullable one ("ExaminationStatus?") may name <c>null</c> as a value.</summary>
    public string EnumType { get; } = enumType;

    public string Parameter { get; } = parameter;

    public int Line { get; } = line;

    public List<(string Value, string Chinese, string English, int Line)> Values { get; } = [];
}

/// <summary>A problem in a catalogue file, with its 1-based line.</summary>
public sealed class CatalogueError(int line, string message)
{
    public int Line { get; } = line;

    public string Message { get; } = message;
}

/// <summary>
/// A <c>*.texts</c> catalogue. The format, line by line:
/// <code>
/// # a comment
/// namespace CampaignBot.Core.Features.Ledger
/// class LedgerTexts                (or: internal class …)
/// using Some.Namespace             (any number)
///
/// NotAllowed                       (an entry: a name, or a name with C# parameters: TooLong(int max))
///   doc: what it is for            (optional)
///   zh: 只有……可以管理整改台帐。
///   en: Only … manage its rectification ledger.
///
/// names StatusName(LedgerStatus status)   (the words of an enum's values)
///   NotStarted: 未开始 | not started        (a value: its Chinese | its English)
/// </code>
/// Values are one line each after "zh: " (one space; a further leading space is part of the text), written as the inside of a C# string literal (\n is a line break, \" a quote); in an
/// entry with parameters they are interpolated, so {max} is the value and {{ a brace.
/// </summary>
public sealed class TextCatalogue
{
    public string? Namespace { get; private set; }

    public string? ClassName { get; private set; }

    public string Visibility { get; private set; } = "public";

    public List<string> Usings { get; } = [];

    public List<TextEntry> Entries { get; } = [];

    public List<TextNames> Names { get; } = [];

    public List<CatalogueError> Errors { get; } = [];

    public static TextCatalogue Parse(string text)
    {
        var catalogue = new TextCatalogue();
        var lines = (text ?? string.Empty).Replace("\r\n", "\n").Split('\n');
        TextEntry? entry = null;
        TextNames? names = null;
        for (var i = 0; i < lines.Length; i++)
        {
            var number = i + 1;
            var raw = lines[i];
            if (raw.Trim().Length == 0 || raw.TrimStart().StartsWith("#", StringComparison.Ordinal))
            {
                continue;
            }

            if (char.IsWhiteSpace(raw[0]))
            {
                if (names is not null)
                {
                    catalogue.ReadName(names, raw.Trim(), number);
                }
                else
                {
                    catalogue.ReadValue(entry, raw.TrimStart(), number);
                }

                continue;
            }

            names = raw.StartsWith("names ", StringComparison.Ordinal) ? catalogue.ReadNames(raw.Substring("names ".Length).Trim(), number) : null;
            entry = names is null ? catalogue.ReadHeaderOrEntry(raw.TrimEnd(), number) : null;
        }

        catalogue.Check();
        return catalogue;
    }

    private TextEntry? ReadHeaderOrEntry(string line, int number)
    {
        if (line.StartsWith("namespace ", StringComparison.Ordinal))
        {
            Namespace = line.Substring("namespace ".Length).Trim();
            return null;
        }

        if (line.StartsWith("using ", StringComparison.Ordinal))
        {
            Usings.Add(line.Substring("using ".Length).Trim().TrimEnd(';'));
            return null;
        }

        var words = line.Split(' ');
        if (words.Length == 2 && words[0] == "class" || words.Length == 3 && words[1] == "class" && words[0] is "public" or "internal")
        {
            Visibility = words.Length == 3 ? words[0] : "public";
            ClassName = words[words.Length - 1];
            return null;
        }

        var open = line.IndexOf('(');
        var name = open < 0 ? line : line.Substring(0, open);
        string? parameters = null;
        if (open >= 0)
        {
            if (!line.EndsWith(")", StringComparison.Ordinal))
            {
                Errors.Add(new CatalogueError(number, $"“{line}”: a parameter list must end with ')'"));
                return Detached(line, number);
            }

            parameters = line.Substring(open + 1, line.Length - open - 2).Trim();
        }

        if (!IsIdentifier(name))
        {
            Errors.Add(new CatalogueError(number, $"“{line}” is not an entry name (letters, digits and _ , optionally with a parameter list)"));
            return Detached(name, number);
        }

        if (Entries.Any(e => e.Name == name) || Names.Any(n => n.Name == name))
        {
            Errors.Add(new CatalogueError(number, $"“{name}” is already defined"));
            return Detached(name, number);
        }

        var entry = new TextEntry(name, parameters, number);
        Entries.Add(entry);
        return entry;
    }

    /// <summary>"StatusName(LedgerStatus status)": the method's name, the enum's type and the parameter's name.</summary>
    private TextNames ReadNames(string header, int number)
    {
        var open = header.IndexOf('(');
        var name = open < 0 ? header : header.Substring(0, open);
        var parameter = open < 0 || !header.EndsWith(")", StringComparison.Ordinal) ? new string[0] : header.Substring(open + 1, header.Length - open - 2).Trim().Split(' ');
        var names = new TextNames(name, parameter.Length == 2 ? parameter[0] : string.Empty, parameter.Length == 2 ? parameter[1] : string.Empty, number);
        if (!IsIdentifier(name) || parameter.Length != 2 || !IsIdentifier(parameter[0].TrimEnd('?')) || !IsIdentifier(parameter[1]))
        {
            Errors.Add(new CatalogueError(number, $"“names {header}”: write names Method(EnumType value)"));
            return names;
        }

        if (Entries.Any(e => e.Name == name) || Names.Any(n => n.Name == name))
        {
            Errors.Add(new CatalogueError(number, $"“{name}” is already defined"));
            return names;
        }

        Names.Add(names);
        return names;
    }

    /// <summary>"NotStarted: 未开始 | not started".</summary>
    private void ReadName(TextNames names, string line, int number)
    {
        var colon = line.IndexOf(':');
        var value = colon < 0 ? string.Empty : line.Substring(0, colon).Trim();
        var words = colon < 0 ? new string[0] : line.Substring(colon + 1).Split('|');
        if (words.Length != 2 || words.Any(w => w.Trim().Length == 0) || !(value == "null" ? names.EnumType.EndsWith("?", StringComparison.Ordinal) : IsIdentifier(value)))
        {
            Errors.Add(new CatalogueError(number, $"“{line}”: write Value: 中文 | English"));
        }
        else if (names.Values.Any(v => v.Value == value))
        {
            Errors.Add(new CatalogueError(number, $"“{value}” is named twice"));
        }
        else if (!IsLiteralBody(words[0].Trim()) || !IsLiteralBody(words[1].Trim()))
        {
            Errors.Add(new CatalogueError(number, $"“{value}”: a lone \" or a \\ at the end; write \\\" for a quote"));
        }
        else
        {
            names.Values.Add((value, words[0].Trim(), words[1].Trim(), number));
        }
    }

    /// <summary>An entry in error: its zh:/en: lines are read (so they raise no errors of their own) and dropped.</summary>
    private static TextEntry Detached(string name, int line) => new(name, null, line);

    private void ReadValue(TextEntry? entry, string line, int number)
    {
        var colon = line.IndexOf(':');
        var key = colon < 0 ? line : line.Substring(0, colon);
        // One space follows the colon; anything after it is the text, leading and trailing spaces included.
        var value = colon < 0 ? string.Empty : line.Substring(colon + 1);
        value = value.StartsWith(" ", StringComparison.Ordinal) ? value.Substring(1) : value;
        if (entry is null)
        {
            Errors.Add(new CatalogueError(number, "an indented line belongs to an entry; none is open here"));
            return;
        }

        switch (key)
        {
            case "zh" when entry.Chinese is null:
                entry.Chinese = value;
                break;
            case "en" when entry.English is null:
                entry.English = value;
                break;
            case "doc" when entry.Doc is null:
                entry.Doc = value;
                break;
            case "zh" or "en" or "doc":
                Errors.Add(new CatalogueError(number, $"“{entry.Name}” has a second {key}: line"));
                break;
            default:
                Errors.Add(new CatalogueError(number, $"“{key}:” is not zh:, en: or doc:"));
                break;
        }
    }

    private void Check()
    {
        if (Namespace is null || ClassName is null)
        {
            Errors.Add(new CatalogueError(1, "a catalogue starts with its namespace and class lines"));
        }

        foreach (var names in Names.Where(n => n.Values.Count == 0))
        {
            Errors.Add(new CatalogueError(names.Line, $"“{names.Name}” names no value"));
        }

        foreach (var entry in Entries)
        {
            if (string.IsNullOrWhiteSpace(entry.Chinese) || string.IsNullOrWhiteSpace(entry.English))
            {
                Errors.Add(new CatalogueError(entry.Line, $"“{entry.Name}” needs both zh: and en:"));
            }
            else if (!IsLiteralBody(entry.Chinese!) || !IsLiteralBody(entry.English!))
            {
                Errors.Add(new CatalogueError(entry.Line, $"“{entry.Name}”: a lone \" or a \\ at the end; write \\\" for a quote"));
            }
        }
    }

    /// <summary>The C# source of the catalogue class.</summary>
    public string ToSource(string fileName)
    {
        var source = new StringBuilder();
        source.Append("// <auto-generated/> from ").Append(fileName).Append(" by CampaignBot.Texts\n#nullable enable\n");
        foreach (var use in new[] { "CampaignBot.Core.Messaging" }.Concat(Usings).Distinct())
        {
            source.Append("using ").Append(use).Append(";\n");
        }

        source.Append("\nnamespace ").Append(Namespace).Append(";\n\n");
        source.Append(Visibility).Append(" static partial class ").Append(ClassName).Append("\n{\n");
        foreach (var entry in Entries)
        {
            if (entry.Doc is { } doc)
            {
                source.Append("    /// <summary>").Append(EscapeXml(doc)).Append("</summary>\n");
            }

            if (entry.Parameters is null && (entry.Chinese.Contains('{') || entry.English.Contains('{')))
            {
                // A text without parameters that quotes another entry ({RoundUsage.Chinese}) is read when asked for, so
                // the quote is filled in rather than sent as written.
                source.Append("    public static Text ").Append(entry.Name)
                    .Append(" => new($\"").Append(entry.Chinese).Append("\", $\"").Append(entry.English).Append("\");\n");
            }
            else if (entry.Parameters is null)
            {
                source.Append("    public static readonly Text ").Append(entry.Name)
                    .Append(" = new(\"").Append(entry.Chinese).Append("\", \"").Append(entry.English).Append("\");\n");
            }
            else
            {
                source.Append("    public static Text ").Append(entry.Name).Append('(').Append(entry.Parameters)
                    .Append(") => new($\"").Append(entry.Chinese).Append("\", $\"").Append(entry.English).Append("\");\n");
            }
        }

        foreach (var names in Names)
        {
            // A value the block does not name (one stored by a newer build, say) reads as itself rather than throwing.
            var type = names.EnumType.TrimEnd('?');
            source.Append("\n    public static Text ").Append(names.Name).Append('(').Append(names.EnumType).Append(' ').Append(names.Parameter)
                .Append(") => ").Append(names.Parameter).Append(" switch\n    {\n");
            foreach (var (value, chinese, english, _) in names.Values)
            {
                source.Append("        ").Append(value == "null" ? "null" : type + "." + value)
                    .Append(" => new(\"").Append(chinese).Append("\", \"").Append(english).Append("\"),\n");
            }

            source.Append("        _ => new(").Append(names.Parameter).Append(".ToString()!, ").Append(names.Parameter).Append(".ToString()!),\n    };\n");
        }

        source.Append("}\n");
        return source.ToString();
    }

    private static bool IsIdentifier(string name) =>
        name.Length > 0 && (char.IsLetter(name[0]) || name[0] == '_') && name.All(c => char.IsLetterOrDigit(c) || c == '_');

    /// <summary>
    /// True when the value can sit between two quotes: every quote in the text escaped, no dangling backslash. A value's
    /// holes (<c>{Plural.En(votes, "vote")}</c>) are C#, where a string literal is written as one.
    /// </summary>
    private static bool IsLiteralBody(string value)
    {
        var depth = 0;
        for (var i = 0; i < value.Length; i++)
        {
            if (depth > 0)
            {
                switch (value[i])
                {
                    case '{':
                        depth++;
                        break;
                    case '}':
                        depth--;
                        break;
                    case '"':
                        var end = value.IndexOf('"', i + 1);
                        if (end < 0)
                        {
                            return false;
                        }

                        i = end;
                        break;
                }
            }
            else if (value[i] == '{')
            {
                if (i + 1 < value.Length && value[i + 1] == '{')
                {
                    i++;
                }
                else
                {
                    depth = 1;
                }
            }
            else if (value[i] == '\\')
            {
                if (i == value.Length - 1)
                {
                    return false;
                }

                i++;
            }
            else if (value[i] == '"')
            {
                return false;
            }
        }

        return true;
    }

    private static string EscapeXml(string text) => text.Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;");
}
