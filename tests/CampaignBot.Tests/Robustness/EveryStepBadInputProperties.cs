using System.Text;
using System.Text.RegularExpressions;
using CampaignBot.Core.Conversations;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace CampaignBot.Tests.Robustness;

/// <summary>The whole bot, shared by the cases of one property run: each case is a new person, so cases do not meet.</summary>
public sealed class WholeBotFixture : IAsyncLifetime
{
    private int _people;

    internal WholeBot Bot { get; private set; } = null!;

    internal string NextUser() => $"p{Interlocked.Increment(ref _people)}";

    public async Task InitializeAsync() => Bot = await WholeBot.StartAsync();

    public async Task DisposeAsync() => await Bot.DisposeAsync();
}

/// <summary>
/// "Bad input gets a clear reply, nothing is lost or corrupted, the service never dies from one bad update", as properties:
/// every flow is started by every kind of person, walked a few steps into its later prompts, and then sent one generated
/// bad update (odd Unicode, empty or 10,000-character text, numbers and dates out of range, commands with random
/// arguments, forged and stale payloads, files where text is asked). The seed is fixed, so a failure replays; FsCheck
/// prints the case and the seed.
/// </summary>
public sealed partial class EveryStepBadInputProperties(WholeBotFixture fixture) : IClassFixture<WholeBotFixture>
{
    /// <summary>Every flow's command as the router knows them (checked against the router below), and no flow at all.</summary>
    internal static readonly string[] FlowStarts =
    [
        string.Empty, "checkin", "contact_visit", "criticise", "dispatch_form", "examine", "inspect_check", "ledger_add", "ledger_evidence",
        "meeting_check", "meeting_confirm", "meeting_open", "meeting_record", "opinion", "pledge", "research", "review", "start", "study", "visits",
    ];

    /// <summary>The same flows as people start them, through their feature's command.</summary>
    internal static readonly string[] CommandStarts =
    [
        "meeting open", "meeting record", "meeting check", "meeting confirm", "ledger add", "ledger evidence", "inspect check", "dispatch form",
        "contact visit", "start", "review", "opinions give", "opinion",
    ];


    private const int MaxRepliesToOneUpdate = 5;
    private const int ChannelTextLimit = Telegram.Sending.TextSplitter.MaxMessageLength;

    private WholeBot Bot => fixture.Bot;

    [Fact]
    public void The_cases_start_every_flow_the_router_knows()
    {
        var known = string.Join(", ", Bot.FlowCommands.Order(StringComparer.Ordinal));
        Assert.True(known == string.Join(", ", FlowStarts.Where(s => s.Length > 0).Order(StringComparer.Ordinal)), known);
    }

    [Theory]
    [InlineData("checkin", Roles.Member, "checkin/AskingOutcome")]
    [InlineData("review", Roles.Secretary, "rev/Choosing")]
    [InlineData("opinion", Roles.Member, "opinion/AskingCategory")]
    [InlineData("ledger_evidence", Roles.Member, "ledgerev/AskingEvidence")]
    [InlineData("ledger evidence", Roles.Member, "ledgerev/AskingEvidence")]
    [InlineData("inspect_check", Roles.CampaignOffice, "inspect/CheckingLine")]
    [InlineData("inspect check", Roles.Supervisor, "inspect/CheckingLine")]
    [InlineData("contact_visit", Roles.Member, "contactvisit/ChoosingUnit")]
    [InlineData("contact visit", Roles.Member, "contactvisit/ChoosingUnit")]
    [InlineData("criticise", Roles.Member, "criticise/ChoosingColleague")]
    [InlineData("meeting_check", Roles.Member, "talkcheck/Choosing")]
    [InlineData("meeting check", Roles.Member, "talkcheck/Choosing")]
    [InlineData("meeting_confirm", Roles.Member, "talkconfirm/Choosing")]
    [InlineData("meeting confirm", Roles.Member, "talkconfirm/Choosing")]
    [InlineData("meeting_record", Roles.Secretary, "meetrecord/AskingDate")]
    [InlineData("meeting record", Roles.Secretary, "meetrecord/AskingDate")]
    public async Task A_seeded_flow_opens_past_its_refusal_so_the_cases_reach_its_later_steps(string start, string role, string opened)
    {
        var persona = new Persona(role, "village_dongguan", "ordinary", null);
        var (user, member) = await PersonAsync(persona);
        var seed = await FlowSeeds.PlantAsync(Bot, user.Id, member, start);
        var session = await WalkAsync(user, new FlowCase(persona, start, [], new BadInput("none", new TextInput(string.Empty)), Seeded: true), seed.Arguments);
        Assert.Equal(opened, $"{session?.Flow}/{session?.State}");
        if (seed.Undo is { } undo)
        {
            await undo();
        }
    }

    [Property(MaxTest = 500, Replay = "(20261202,1)", Arbitrary = [typeof(Cases)])]
    public async Task Any_bad_update_at_any_step_gets_a_bounded_clear_reply_and_leaves_a_working_conversation(FlowCase @case)
    {
        ArgumentNullException.ThrowIfNull(@case);
        var (user, member) = await PersonAsync(@case.Persona);
        var seed = @case.Seeded ? await FlowSeeds.PlantAsync(Bot, user.Id, member, @case.Start) : Seed.None;
        try
        {
            await SendBadUpdateAsync(@case, user, await WalkAsync(user, @case, seed.Arguments));
        }
        finally
        {
            if (seed.Undo is { } undo)
            {
                await undo();
            }
        }
    }

    private async Task SendBadUpdateAsync(FlowCase @case, UserRef user, Session? before)
    {
        Handled bad;
        try
        {
            bad = await Bot.SendAsync(user, @case.Bad.Content);
        }
        catch (Exception ex)
        {
            throw new Xunit.Sdk.XunitException($"The handler threw on {@case} (at {before?.Flow}/{before?.State}): {ex}");
        }

        var at = $"{@case} at {before?.Flow ?? "no flow"}/{before?.State}";
        CheckReplies(bad, @case, at);
        await CheckNoticesAsync(bad, @case, at);
        var after = await ReadableSessionAsync(user, at);

        // The conversation still answers: a flow left open takes /cancel and ends with a notice; /help answers after it.
        if (after?.Flow is not null)
        {
            var cancel = await Bot.SendAsync(user, new CommandInput("cancel", string.Empty));
            Assert.True(cancel.Texts.Count > 0, $"/cancel got no reply after {at}");
            Assert.Null((await ReadableSessionAsync(user, at))?.Flow);
        }

        var help = await Bot.SendAsync(user, new CommandInput("help", string.Empty));
        Assert.True(help.Texts.Count > 0 && help.Texts.All(t => t.Text.Trim().Length > 0), $"/help got no reply after {at}");
    }

    private async Task<(UserRef User, Member? Member)> PersonAsync(Persona persona)
    {
        var user = fixture.NextUser();
        var member = persona.Registered ? await Bot.RegisterAsync(user, persona.Role, persona.Unit, persona.Rank, persona.LanguageCode) : null;
        return (new UserRef(user, "测试", persona.LanguageCode), member);
    }

    /// <summary>Starts the case's flow (the seed's words after its command) and walks it: each choice presses one of the prompt's buttons or types a plausible answer.</summary>
    private async Task<Session?> WalkAsync(UserRef user, FlowCase @case, string? seeded)
    {
        IReadOnlyList<Button> buttons = [];
        if (@case.Start.Length == 0)
        {
            return await Bot.SessionAsync(user);
        }

        var space = @case.Start.IndexOf(' ', StringComparison.Ordinal);
        var (name, arguments) = space < 0 ? (@case.Start, string.Empty) : (@case.Start[..space], @case.Start[(space + 1)..]);
        var handled = await Bot.SendAsync(user, new CommandInput(name, $"{arguments} {seeded}".Trim()));
        buttons = handled.Buttons.Count > 0 ? handled.Buttons : buttons;
        foreach (var choice in @case.Walk)
        {
            if ((await Bot.SessionAsync(user))?.Flow is null)
            {
                break;
            }

            InboundContent step = buttons.Count > 0 && choice % 4 != 0
                ? new ButtonPress(buttons[choice % buttons.Count].Payload)
                : BadInputGenerators.PlausibleAnswers[choice % BadInputGenerators.PlausibleAnswers.Length] is var answer && answer.StartsWith('/')
                    ? new CommandInput(answer[1..], string.Empty)
                    : new TextInput(answer);
            handled = await Bot.SendAsync(user, step);
            buttons = handled.Buttons.Count > 0 ? handled.Buttons : buttons;
        }

        return await Bot.SessionAsync(user);
    }

    private static void CheckReplies(Handled bad, FlowCase @case, string at)
    {
        var silentIsRight = @case.Bad.Content is TimerElapsed or PollAnswerInput or MembershipChange;
        var replies = bad.Replies;
        if (!silentIsRight)
        {
            Assert.True(replies.Count > 0, $"No reply to {at}");
        }

        Assert.True(bad.Texts.Count <= MaxRepliesToOneUpdate, $"{bad.Texts.Count} replies to {at}:\n{bad.Transcript}");

        var input = InputText(@case.Bad.Content);
        foreach (var text in bad.Texts.Select(t => t.Text))
        {
            Assert.True(text.Trim().Length > 0, $"An empty reply to {at}");
            // Long answers (a unit's progress) are split by the channel adapters; every piece they send must fit.
            Assert.All(Telegram.Sending.TextSplitter.Split(text), part => Assert.True(part.Length <= ChannelTextLimit && part.Trim().Length > 0, $"A Telegram piece of {part.Length} characters to {at}"));
            Assert.All(WeCom.Sending.WeComMessages.Chunks(text), part => Assert.True(Encoding.UTF8.GetByteCount(part) <= WeCom.Sending.WeComMessages.MaxTextBytes && part.Trim().Length > 0, $"A WeCom piece of {part.Length} characters to {at}"));
            Assert.True(InLanguage(text, input, @case.Persona.LanguageCode), $"A reply to {at} is not in the person's language:\n{text}");
        }

        foreach (var button in bad.Texts.SelectMany(t => t.Buttons ?? []).SelectMany(row => row))
        {
            Assert.True(Encoding.UTF8.GetByteCount(button.Payload) <= Button.MaxPayloadBytes, $"A button payload over 64 bytes after {at}: {button.Payload}");
        }
    }

    /// <summary>
    /// A bad update that a later step takes as a plain answer (a date as evidence, a number as a choice) has the step's
    /// effects: the people it concerns are told, each privately and in their own language. Nothing goes to a group or a stranger.
    /// </summary>
    private async Task CheckNoticesAsync(Handled bad, FlowCase @case, string at)
    {
        foreach (var message in bad.Messages.Where(m => m.Chat != bad.Update.Chat))
        {
            var member = message.Chat.Kind == ChatKind.Private ? await Bot.Stores.Members.GetAsync(Member.IdFor(message.Chat.Channel, message.Chat.Id), CancellationToken.None) : null;
            Assert.True(member is not null, $"{at} wrote to {message.Chat}, not a member's private chat:\n{bad.Transcript}");
            if (message.ReadBody() is TextMessage text)
            {
                Assert.True(InLanguage(text.Text, InputText(@case.Bad.Content), member.LanguageCode), $"A notice after {at} is not in {member.Id}'s language:\n{text.Text}");
            }
        }
    }

    /// <summary>English for a client that says English, else Chinese; judged on what the reply says beyond echoing the input.</summary>
    private static bool InLanguage(string reply, string input, string? languageCode)
    {
        var own = input.Length > 0 ? reply.Replace(input, string.Empty, StringComparison.Ordinal) : reply;
        return languageCode == "en"
            ? EnglishWord().Matches(own).Any(m => !input.Contains(m.Value, StringComparison.Ordinal))
            : own.Any(c => c is >= '\u4e00' and <= '\u9fff' && !input.Contains(c, StringComparison.Ordinal));
    }

    private static string InputText(InboundContent content) => content switch
    {
        TextInput text => text.Text,
        CommandInput command => command.Name + " " + command.Arguments,
        ButtonPress press => press.Payload,
        _ => string.Empty,
    };

    private async Task<Session?> ReadableSessionAsync(UserRef user, string at)
    {
        Session? session;
        try
        {
            session = await Bot.SessionAsync(user);
        }
        catch (Exception ex)
        {
            throw new Xunit.Sdk.XunitException($"The session is not readable after {at}: {ex}");
        }

        if (session is not null)
        {
            if (session.PendingEffects is not null)
            {
                Assert.NotNull(SessionEffects.FromJson(session.PendingEffects));
            }
        }

        return session;
    }

    [GeneratedRegex("[A-Za-z]{3,}")]
    private static partial Regex EnglishWord();

    /// <summary>The arbitraries of this class's properties.</summary>
    public static class Cases
    {
        public static Arbitrary<FlowCase> FlowCases()
        {
            BadInputGenerators.Starts = FlowStarts;
            BadInputGenerators.Seedable = FlowSeeds.Seedable;
            return BadInputGenerators.FlowCase(Gen.Elements([.. FlowStarts, .. CommandStarts])).ToArbitrary();
        }
    }
}
