using CampaignBot.Core.Features.Contacts;
using CampaignBot.Core.Features.Examinations;
using CampaignBot.Core.Features.Inspections;
using CampaignBot.Core.Features.Ledger;
using CampaignBot.Core.Features.LifeMeetings;
using CampaignBot.Core.Features.Opinions;
using CampaignBot.Core.Features.Pledges;

namespace CampaignBot.Tests.Robustness;

/// <summary>
/// What a flow needs before it asks anything, stored for one case's person as the bot's own steps would have stored it
/// (a published pledge, a submitted self-examination to review, an open collection's code, a ledger item they lead, an
/// inspection that drew a unit they manage, a contact point, a meeting team with a colleague and their talks), so
/// the walk goes past the flow's refusal into its later steps. Each seed is the person's own; nothing another case sees
/// is left waiting once the case is over.
/// </summary>
internal static class FlowSeeds
{
    /// <summary>The flows (as started by a flow command or a feature's command) that a seed opens.</summary>
    public static readonly string[] Seedable = ["checkin", "review", "opinion", "ledger_evidence", "ledger evidence", "inspect_check", "inspect check", "contact_visit", "contact visit", "criticise", "meeting_check", "meeting check", "meeting_confirm", "meeting confirm", "meeting_record", "meeting record"];

    /// <summary>Stores what <paramref name="start"/> needs; returns the words to add to its command and what undoes the seed afterwards.</summary>
    public static async Task<Seed> PlantAsync(WholeBot bot, string user, Member? member, string start)
    {
        switch (start)
        {
            case "checkin" when member is not null:
                var area = bot.Campaign.PledgeAreas[0].Code;
                await bot.Stores.Pledges.SaveAsync(
                    new Pledge
                    {
                        MemberId = member.Id, MemberName = member.Name, UnitId = member.UnitId, Area = area,
                        Text = "每月走访群众至少两次，当场解决实际问题。", Status = PledgeStatus.Published,
                        UpdatedAt = WholeBot.Start.AddDays(-10), PublishedAt = WholeBot.Start.AddDays(-10),
                    },
                    CancellationToken.None);
                return Seed.None;
            case "review" when member is not null:
                return await ExaminationToReviewAsync(bot, user, member);
            case "opinion":
                var code = OpinionCodes.From("robustness/" + user, 8);
                await bot.Stores.Opinions.CreateCollectionAsync(
                    new OpinionCollection
                    {
                        Id = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(user)))[..8],
                        UnitId = member?.UnitId ?? "village_dongguan", Code = code, Audience = "code",
                        OpensAt = WholeBot.Start.AddDays(-1), ClosesAt = WholeBot.Start.AddDays(7), OpenedBy = "console:robustness",
                    },
                    CancellationToken.None);
                return new Seed(code, null);
            case "ledger_evidence" or "ledger evidence" when member is not null:
                var id = "L" + OpinionCodes.From("robustness/" + user, 6);
                await bot.Stores.Ledger.SaveAsync(
                    new LedgerItem
                    {
                        Id = id, UnitId = member.UnitId, Problem = "会议偏多，文件偏长。", Category = ProblemCategories.Other,
                        Source = ProblemSource.Supervisor, Measures = "精简会议，每周走访群众一次。", LeadLeaderId = member.Id, LeadLeaderName = member.Name,
                        Deadline = bot.Campaign.End, Status = LedgerStatus.InProgress, CreatedBy = member.Id, CreatedAt = WholeBot.Start.AddDays(-5),
                    },
                    CancellationToken.None);

                // The flow's own command reports the item done; the feature's command adds evidence.
                return new Seed(start == "ledger_evidence" ? "done " + id : id, null);
            case "inspect_check" or "inspect check" when member is not null:
                // The office inspects any unit, a supervisor the units under their own.
                var unit = member.Role == Roles.CampaignOffice ? "village_dongguan" : member.UnitId;
                var inspection = "I" + OpinionCodes.From("robustness/" + user, 6);
                await bot.Stores.Inspections.CreateAsync(
                    new Inspection
                    {
                        Id = inspection, Count = 1, Seed = user, Candidates = [unit], Units = [unit],
                        DrawnBy = member.Id, DrawnByName = member.Name, DrawnAt = WholeBot.Start.AddDays(-1),
                    },
                    CancellationToken.None);
                return new Seed($"{inspection} {unit}", null);
            case "contact_visit" or "contact visit" when member is not null:
                var point = new ContactAssignment(member.Id, member.Name, ContactLevel.County, ["village_dongguan"]);
                await bot.Stores.Contacts.SetAsync(new ContactChange(point, Removed: false, "console:robustness", WholeBot.Start.AddDays(-3)), CancellationToken.None);
                return new Seed(null, () => bot.Stores.Contacts.SetAsync(new ContactChange(point, Removed: true, "console:robustness", WholeBot.Start), CancellationToken.None));
            case "criticise" when member is not null:
                return await MeetingAsync(bot, user, member, MeetingStatus.Preparing, TalkStatus.NotWritten);
            case "meeting_check" or "meeting check" when member is not null:
                return await MeetingAsync(bot, user, member, MeetingStatus.Preparing, TalkStatus.AwaitingCheck);
            case "meeting_confirm" or "meeting confirm" when member is not null:
                return await MeetingAsync(bot, user, member, MeetingStatus.Preparing, TalkStatus.AwaitingConfirmation);
            case "meeting_record" or "meeting record" when member is not null:
                return await MeetingAsync(bot, user, member, MeetingStatus.Ready, TalkStatus.Confirmed);
            default:
                return Seed.None;
        }
    }

    /// <summary>
    /// The latest meeting of the person's unit, the person heading a team of two with a colleague, both talks in
    /// <paramref name="talks"/>; once the case is over it is marked reviewed, so the unit's next meeting can be opened.
    /// </summary>
    private static async Task<Seed> MeetingAsync(WholeBot bot, string user, Member member, MeetingStatus status, TalkStatus talks)
    {
        var colleague = await bot.RegisterAsync(user + "-colleague", Roles.Member, member.UnitId, "ordinary");
        var meeting = new LifeMeeting
        {
            Id = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes("meeting/" + user)))[..8],
            UnitId = member.UnitId, Team = [member.Id, colleague.Id], Names = new Dictionary<string, string> { [member.Id] = member.Name, [colleague.Id] = colleague.Name },
            OpenedBy = member.Id, OpenedAt = bot.Time.GetUtcNow().AddSeconds(Interlocked.Increment(ref _meetings) - 1_000_000),
            Status = status, ReadyAt = status == MeetingStatus.Ready ? bot.Time.GetUtcNow() : null,
        };
        await bot.Stores.LifeMeetings.CreateAsync(meeting, CancellationToken.None);
        foreach (var (from, to) in meeting.Pairs())
        {
            var written = talks != TalkStatus.NotWritten;
            await bot.Stores.LifeMeetings.SaveTalkAsync(
                new CriticismTalk
                {
                    MeetingId = meeting.Id, UnitId = meeting.UnitId, From = from, To = to, Status = talks,
                    Points = written ? ["会议偏多，联系群众不够。", "调研走过场。"] : [], Version = written ? 1 : 0,
                    FromConfirmed = talks == TalkStatus.Confirmed, ToConfirmed = talks == TalkStatus.Confirmed, UpdatedAt = bot.Time.GetUtcNow(),
                },
                CancellationToken.None);
        }

        return new Seed(null, async () =>
        {
            if (await bot.Stores.LifeMeetings.GetAsync(meeting.Id, CancellationToken.None) is { } left)
            {
                await bot.Stores.LifeMeetings.SaveAsync(left with { Status = MeetingStatus.Reviewed }, CancellationToken.None);
            }
        });
    }

    private static int _meetings;

    /// <summary>A member of the reviewer's unit who submitted a self-examination the reviewer's role reviews, with problems found.</summary>
    private static async Task<Seed> ExaminationToReviewAsync(WholeBot bot, string user, Member reviewer)
    {
        var reviewedBy = reviewer.Role == Roles.Supervisor ? Roles.Supervisor : Roles.Secretary;
        if (bot.Campaign.Checklists.FirstOrDefault(c => c.ReviewedBy == reviewedBy) is not { } checklist)
        {
            return Seed.None;
        }

        var examinee = await bot.RegisterAsync(user + "-examinee", Roles.Member, reviewer.UnitId, "ordinary");
        var choices = new[] { ChecklistChoices.Exists, ChecklistChoices.Partly, ChecklistChoices.None };
        var answers = checklist.Items.Select((item, i) => (item.Code, Answer: new ExaminationAnswer(choices[i % choices.Length], "会议偏多，已经精简。")))
            .ToDictionary(x => x.Code, x => x.Answer);
        var exam = new SelfExamination
        {
            MemberId = examinee.Id, MemberName = examinee.Name, UnitId = examinee.UnitId, ChecklistCode = checklist.Code,
            Status = ExaminationStatus.Submitted, Answers = answers, Submissions = 1,
            SubmittedAt = bot.Time.GetUtcNow(), UpdatedAt = bot.Time.GetUtcNow(),
        };
        await bot.Stores.Examinations.SaveAsync(exam, CancellationToken.None);
        await bot.Stores.Examinations.AddVersionAsync(new ExaminationVersion(exam.MemberId, exam.UnitId, 1, answers, bot.Time.GetUtcNow()), CancellationToken.None);

        // Once the case is over, one still waiting is withdrawn to a draft, so later reviewers' lists hold their own.
        return new Seed(null, async () =>
        {
            if (await bot.Stores.Examinations.GetAsync(exam.MemberId, CancellationToken.None) is { Status: ExaminationStatus.Submitted } left)
            {
                await bot.Stores.Examinations.SaveAsync(left with { Status = ExaminationStatus.Draft }, CancellationToken.None);
            }
        });
    }
}

/// <summary>The words a seed adds to the flow's command, and what takes the seed away after the case.</summary>
internal sealed record Seed(string? Arguments, Func<Task>? Undo)
{
    public static readonly Seed None = new(null, null);
}
