using FsCheck;
using FsCheck.Fluent;

namespace CampaignBot.Tests.Robustness;

/// <summary>Who sends a generated case: a role in a unit of the shipped campaign, and their client's language.</summary>
public sealed record Persona(string Role, string Unit, string Rank, string? LanguageCode, bool Registered = true)
{
    public override string ToString() => Registered ? $"{Role}@{Unit}/{Rank}/{LanguageCode ?? "zh"}" : $"unregistered/{LanguageCode ?? "zh"}";
}

/// <summary>
/// One generated case: a person starts a flow (or none), walks some steps by pressing the prompt's buttons or typing
/// plausible answers (each choice an index into what the prompt offers, so the walk reaches the flow's later steps),
/// then sends one bad update.
/// </summary>
public sealed record FlowCase(Persona Persona, string Start, IReadOnlyList<int> Walk, BadInput Bad, bool Seeded = false)
{
    public override string ToString() => $"{Persona} {Start}{(Seeded ? " (seeded)" : string.Empty)} walk[{string.Join(",", Walk)}] then {Bad}";
}

/// <summary>A bad update, printable (control characters escaped) so that a failing case reads in the test output.</summary>
public sealed record BadInput(string Kind, InboundContent Content)
{
    public override string ToString() => $"{Kind}: {Show(Content)}";

    private static string Show(InboundContent content) => content switch
    {
        TextInput text => Escape(text.Text),
        CommandInput command => $"/{Escape(command.Name)} {Escape(command.Arguments)}",
        ButtonPress press => $"press {Escape(press.Payload)}",
        _ => content.ToString(),
    };

    private static string Escape(string text)
    {
        var shown = text.Length > 80 ? text[..80] + $"…({text.Length} chars)" : text;
        return string.Concat(shown.Select(c => char.IsControl(c) || char.IsSurrogate(c) || c is '\u200b' or '\u200e' or '\u200f' or '\u202e' ? $"\\u{(int)c:x4}" : c.ToString()));
    }
}

/// <summary>The generators of the bad-input properties. Every case is reproducible from the property's fixed seed.</summary>
internal static class BadInputGenerators
{
    /// <summary>The people who send cases: every role, in a county, a township and a village, Chinese and English.</summary>
    public static readonly Persona[] Personas =
    [
        new(Roles.Member, "village_dongguan", "ordinary", null),
        new(Roles.Member, "village_dongguan", "ordinary", "en"),
        new(Roles.Member, "county_east", "county", null),
        new(Roles.Secretary, "village_dongguan", "section", null),
        new(Roles.Secretary, "county_east", "county", "en"),
        new(Roles.Supervisor, "county_east", "county", null),
        new(Roles.CampaignOffice, "city", "county", null),
        new(Roles.CampaignOffice, "city", "county", "en"),
        new(Roles.Member, "village_dongguan", "ordinary", null, Registered: false),
        new(Roles.Member, "village_dongguan", "ordinary", "en", Registered: false),
    ];

    /// <summary>Answers a walk types where a step asks for text: names, dates, counts, codes, a long enough sentence.</summary>
    public static readonly string[] PlausibleAnswers =
    [
        "张三", "今天", "昨天", "2027-03-01", "1", "2", "3", "5", "是", "确认", "village_dongguan", "county_east",
        "每月走访群众至少两次，当场解决实际问题。", "会议偏多，已经精简；下一步每周走访群众一次。", "无", "/back",
    ];

    /// <summary>Commands a bad update names, beside the bot's own.</summary>
    public static readonly string[] ExtraCommands = ["ledger", "opinions", "meeting", "inspect", "round", "member", "remind", "export", "start", "vote", "results", "progress", "link", "help", "me", "cancel", "back", "todo", "contact", "handling", "dispatch", "invite", "members", "dashboard", "evidence", "nosuchcommand", "START", "ｓｔａｒｔ"];

    private static readonly char[] Awkward =
    [
        '\0', '\u0001', '\u0007', '\b', '\t', '\n', '\r', '\u001b', '\u007f', '\u0085', '\u00a0', '\u200b', '\u200e', '\u200f',
        '\u202a', '\u202e', '\u2028', '\u2029', '\u3000', '\ufeff', '\ufffd', '\ufffe', '\uffff', '%', '\'', '"', '<', '>', '&',
        '\\', '/', ':', ';', '=', '+', '-', '@', '#', '*', '_', '`', '[', ']', '{', '}', '|',
    ];

    private static readonly string[] Pieces =
    [
        "😀", "👨‍👩‍👧", "🇨🇳", "党", "群众路线", "整改", "测", "ب", "עברית", "ä", "é", "Ω", "ℕ", "①", "３", "٣", "Ⅻ", "\ud83d", "\ude00",
        "0", "-1", "1e9", "NaN", "null", "undefined", "DROP TABLE members;--", "{\"a\":1}", "<b>x</b>", "*bold*", "[x](tg://user)",
        "%s%n", "{0}", "${x}", "../../etc/passwd", "\r\n", "  ",
    ];

    private static readonly string[] Numbers =
    [
        "0", "-1", "-0", "00", "999", "1000000", "2147483647", "2147483648", "-2147483649", "99999999999999999999999", "1.5", "1,5",
        "1e3", "0x10", "+3", "３", "٣", "五", "十万", "1/2", "∞", "NaN", " 7 ", "7天", "-5天", "0天",
    ];

    private static readonly string[] Dates =
    [
        "0001-01-01", "9999-12-31", "1900-01-01", "3000-01-01", "2027-02-29", "2027-02-30", "2027-13-01", "2027-00-10", "2027-1-5",
        "27-03-01", "2027/03/01", "2027.03.01", "2027年3月1日", "3月1日", "明天", "后天", "前天", "上周", "-2027-01-01", "2027-03-01T25:00",
        "9999999-01-01", "today", "yesterday",
    ];

    /// <summary>Who may start a flow: a secretary the unit's forms, a leader (county rank) research and household visits.</summary>
    public static Persona[] SuitedTo(string start) => start switch
    {
        _ when start.StartsWith("dispatch", StringComparison.Ordinal) || start.StartsWith("meeting", StringComparison.Ordinal) => [.. Personas.Where(p => p.Role == Roles.Secretary)],
        _ when start.StartsWith("ledger", StringComparison.Ordinal) || start.StartsWith("inspect", StringComparison.Ordinal) => [.. Personas.Where(p => p.Role is Roles.Secretary or Roles.Supervisor or Roles.CampaignOffice)],
        "research" or "visits" => [.. Personas.Where(p => p.Rank == "county")],
        "start" => [.. Personas.Where(p => !p.Registered)],
        _ => Personas,
    };

    public static Gen<FlowCase> FlowCase(Gen<string> starts) =>
        from start in starts
        from persona in Gen.Frequency((1, Gen.Elements(Personas)), (2, Gen.Elements(SuitedTo(start))))
        from length in Gen.Choose(0, 10)
        from walk in Gen.ArrayOf(Gen.Choose(0, 1000), length)
        from bad in Bad
        from seeded in Gen.Frequency((1, Gen.Constant(false)), (3, Gen.Constant(Seedable.Contains(start))))
        select new FlowCase(persona, start, walk, bad, seeded);

    /// <summary>Filled by the property class: the flows whose needs a case may store first, to get past their refusal.</summary>
    public static string[] Seedable { get; set; } = [];

    /// <summary>Filled by the property class from the host's router: every flow command, and "" for no flow.</summary>
    public static string[] Starts { get; set; } = [""];

    public static Gen<string> Text =>
        Gen.Frequency(
            (1, Gen.Constant(string.Empty)),
            (1, Gen.Elements(" ", "\t", "\n\n", "\u3000", "\u200b", "   \r\n  ")),
            (1, Gen.Elements(new string('长', 10_000), new string('a', 2000), new string('a', 2001), string.Concat(Enumerable.Repeat("😀", 1500)), new string('\0', 300))),
            (2, Gen.Elements(Numbers)),
            (2, Gen.Elements(Dates)),
            (4, Mixed),
            (1, ArbMap.Default.GeneratorFor<string>().Select(s => s ?? string.Empty)));

    /// <summary>Text drawn from awkward characters and pieces: CJK, emoji, RTL and zero-width marks, NUL, lone surrogates.</summary>
    public static Gen<string> Mixed =>
        Gen.ListOf(Gen.OneOf(Gen.Elements(Awkward).Select(c => c.ToString()), Gen.Elements(Pieces), Gen.Choose(0x4e00, 0x9fff).Select(c => ((char)c).ToString()), Gen.Choose(0x20, 0xffff).Select(c => ((char)c).ToString())))
            .Select(parts => string.Concat(parts));

    public static Gen<BadInput> Bad =>
        Gen.Frequency(
            (6, Text.Select(t => new BadInput("text", new TextInput(t)))),
            (4, from name in Gen.OneOf(Gen.Elements(ExtraCommands), Gen.Elements(Starts.Where(s => s.Length > 0).DefaultIfEmpty("start").ToArray()), Mixed)
                from args in Gen.OneOf(Text, Gen.Elements(Numbers), Gen.Elements(Dates), Gen.Constant(string.Empty), Words)
                select new BadInput("command", new CommandInput(name, args))),
            (4, Payload.Select(p => new BadInput("press", new ButtonPress(p, "cb-" + p.Length)))),
            (2, Gen.Elements<InboundContent>(
                    new PhotoInput("photo-ref", "photo.jpg", "image/jpeg", 12_345),
                    new PhotoInput("photo-ref", "photo.jpg", "image/jpeg", 12_345, "说明"),
                    new DocumentInput("doc-ref", "report.pdf", "application/pdf", 99_999),
                    new DocumentInput("doc-ref", "../../x.exe", null, long.MaxValue),
                    new DocumentInput(string.Empty, string.Empty, null, -1),
                    new OtherMediaInput("sticker"),
                    new OtherMediaInput("voice"),
                    new OtherMediaInput(string.Empty),
                    new PollAnswerInput("poll-1", [0, 99, -1]),
                    new TimerElapsed("flow-timeout", "000000"),
                    new TimerElapsed("flow-timeout", string.Empty),
                    new MembershipChange(false))
                .Select(c => new BadInput("media", c))));

    /// <summary>Command arguments built from words the commands know, in a random order, with some noise.</summary>
    public static Gen<string> Words =>
        Gen.ListOf(Gen.Elements("list", "open", "close", "add", "set", "clear", "show", "all", "village_dongguan", "county_east", "city", "nosuchunit", "L1", "L999999", "R1", "I0000001", "deactivate", "activate", "console:1", "off", "on", "08:00", "25:61", "-3", "99999", "2027-02-30", "xlsx", "csv", "json", "exe", "style", "roster", "group", "code", "😀", "\0"))
            .Select(words => string.Join(' ', words));

    /// <summary>Forged and stale payloads: random bytes, another flow's, an old token, longer than 64 bytes, a handler's prefix with junk.</summary>
    public static Gen<string> Payload =>
        Gen.OneOf(
            Mixed,
            from flow in Gen.Elements("reg", "exam", "pledge", "study", "vote", "ledger", "insp", "meet", "xx", "ev", "todo", "progress", string.Empty)
            from token in Gen.Elements("000000", "abcdef", "ffffff", string.Empty, "zzzzzzzzzzzzz", "../..")
            from value in Gen.OneOf(Gen.Elements("1", "0", "-1", "yes", "no", "back", "done", "confirm", "99", "satisfied", "ordinary", "county", string.Empty), Mixed)
            select $"{flow}:{token}:{value}",
            Gen.Elements(new string('x', 65), "ev:" + new string('9', 80), "a:b:" + new string('c', 41), ":::", "::", ":", "ev:", "todo:", "progress:", "ev:r1:satisfied", "progress:-1", "todo:999999999999"));
}
