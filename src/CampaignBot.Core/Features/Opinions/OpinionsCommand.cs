using System.Security.Cryptography;
using CampaignBot.Core.Features.Evaluations;
using CampaignBot.Core.Features.Ledger;

namespace CampaignBot.Core.Features.Opinions;

/// <summary>
/// /opinions open|list|record|accept|reply|reject|merge: the unit's side of opinion collection. Every verb checks that the
/// caller manages the unit (its secretary, its supervisors, the office) before it reads or changes anything.
/// </summary>
public sealed class OpinionsCommand(
    IOpinionStore store,
    IAudiences audiences,
    ILedgerIntake ledger,
    OpinionGiverHasher hasher,
    CampaignDefinition campaign,
    CampaignCalendar calendar,
    IOptions<OpinionOptions> options) : ICommandHandler
{
    private const int MaxListed = 30;

    private CommandVerbs? _verbs;

    public string Command => "opinions";

    private OpinionOptions Options => options.Value;

    /// <summary>
    /// Those who manage a unit's opinions only; only the opening may be sent in the unit's group (it posts the notice
    /// there), the rest is read privately; nothing works until the giver hash is configured.
    /// </summary>
    private CommandVerbs Verbs => _verbs ??= new CommandVerbs(OpinionTexts.Usage)
        .ForMembers(OpinionTexts.NotAllowed, member => member.Role is Roles.Secretary or Roles.Supervisor or Roles.CampaignOffice)
        .InPrivate(OpinionTexts.PleaseSeeHandleOpinions, verb => verb == "open")
        .Refuse((context, _) => hasher.IsConfigured ? null : NotConfigured(context))
        .On("open", OpenAsync)
        .On("list", ListAsync)
        .On("record", RecordAsync)
        .On(["accept", "reply", "reject", "merge"], ChangeAsync);

    public Task HandleAsync(FlowContext context, CancellationToken cancellationToken) => Verbs.RunAsync(context, cancellationToken);

    /// <summary>The setting to change is for the administrator, never for a group to read.</summary>
    private static Text NotConfigured(FlowContext context) =>
        context.Update.Chat.Kind == ChatKind.Group ? OpinionTexts.NotEnabled : OpinionTexts.AdminNotEnabled;

    private async Task OpenAsync(FlowContext context, Member member, string rest, CancellationToken cancellationToken)
    {
        var words = rest.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length == 0 || campaign.FindUnit(words[0]) is not { } unit)
        {
            context.Reply(words.Length == 0 ? OpinionTexts.Usage : OpinionTexts.NoUnitWithId(Words.Short(words[0])));
            return;
        }

        if (!campaign.Manages(member, unit.Id))
        {
            context.Reply(OpinionTexts.NotAllowed);
            return;
        }

        var days = Options.DefaultDays;
        var audience = RoundAudience.Code;
        foreach (var word in words.Skip(1))
        {
            if (int.TryParse(word, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n is >= 1 and <= 90)
            {
                days = n;
            }
            else if (audiences.Parse(word) is { } parsed)
            {
                audience = parsed;
            }
            else
            {
                context.Reply(OpinionTexts.UnrecognisedOptionDays);
                return;
            }
        }

        var closesAt = context.Now.AddDays(days);
        if (calendar.Today(closesAt) > campaign.End)
        {
            context.Reply(OpinionTexts.CloseAfterCampaignEnd(campaign.End));
            return;
        }

        ChatRef? group = null;
        if (audience == RoundAudience.Group && (group = await audiences.GroupOfAsync(context, unit.Id, cancellationToken)) is null)
        {
            context.Reply(OpinionTexts.UnitHasNoLinked);
            return;
        }

        var collection = new OpinionCollection
        {
            Id = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(context.Update.UpdateId + "/opinions")), 0, 4),
            UnitId = unit.Id,
            Audience = audience.ToString().ToLowerInvariant(),
            Group = group,
            Code = audiences.CodeFor(context.Update.UpdateId + "/opinions"),
            OpensAt = context.Now,
            ClosesAt = closesAt,
            OpenedBy = member.Id,
        };
        if (!await store.CreateCollectionAsync(collection, cancellationToken) && await store.GetCollectionAsync(collection.Id, cancellationToken) is null)
        {
            context.Reply(OpinionTexts.CouldNotOpenCollection);
            return;
        }

        var closes = Local(closesAt);
        Text how;
        switch (audience)
        {
            case RoundAudience.Group when group!.Key == context.Update.Chat.Key:
                // Opened in the group itself: the notice is the reply, in Chinese as the group reads it, whoever opened it.
                context.Reply(new TextMessage(OpinionTexts.GroupNotice(unit.Name, collection.Code!, closes).Chinese));
                return;
            case RoundAudience.Group:
                context.Notify(group, new TextMessage(OpinionTexts.GroupNotice(unit.Name, collection.Code!, closes).Chinese));
                how = OpinionTexts.HowGroupNotified;
                break;
            case RoundAudience.Roster:
                var asked = await InviteRosterAsync(context, collection, unit.Name, closes, cancellationToken);
                how = OpinionTexts.HowRosterInvited(asked.Invited, asked.Skipped, Options.RepeatAskDays);
                break;
            default:
                how = OpinionTexts.HowCode(collection.Code!);
                break;
        }

        context.Reply(OpinionTexts.Opened(unit.Name, collection.Code!, closes, how));
    }

    /// <summary>防止重复征求意见: people asked in another collection within RepeatAskDays are skipped.</summary>
    private async Task<(int Invited, int Skipped)> InviteRosterAsync(FlowContext context, OpinionCollection collection, string unitName, string closes, CancellationToken cancellationToken)
    {
        var today = calendar.Today(context.Now);
        var (invited, skipped) = (0, 0);
        foreach (var person in await audiences.RosterAsync(collection.UnitId, cancellationToken))
        {
            var earlier = await store.ListAskedAsync(person.Id, cancellationToken);
            if (earlier.Any(a => a.CollectionId != collection.Id && a.AskedOn.AddDays(Options.RepeatAskDays) > today))
            {
                skipped++;
                continue;
            }

            await store.RecordAskedAsync(new OpinionAsked(collection.Id, person.Id, collection.UnitId, today), cancellationToken);
            context.Notify(person.PrivateChat, TextMessage.In(OpinionTexts.RosterInvite(unitName, collection.Code!, closes), person.Language));
            invited++;
        }

        return (invited, skipped);
    }

    private async Task ListAsync(FlowContext context, Member member, string rest, CancellationToken cancellationToken)
    {
        var unitId = rest.Length == 0 ? null : rest;
        if (unitId is not null && campaign.FindUnit(unitId) is null)
        {
            context.Reply(OpinionTexts.NoUnitToList(Words.Short(unitId)));
            return;
        }

        if (unitId is not null && !campaign.Manages(member, unitId))
        {
            context.Reply(OpinionTexts.NotAllowed);
            return;
        }

        var units = unitId is null ? campaign.ManagedUnits(member) : [unitId];
        var opinions = new List<Opinion>();
        foreach (var unit in units)
        {
            opinions.AddRange(await store.ListAsync(unit, cancellationToken));
        }

        var text = new StringBuilder(context.Text(OpinionTexts.ListHeading(opinions.Count, opinions.Count(o => o.Status == OpinionStatus.Pending))));
        foreach (var opinion in opinions.OrderBy(o => o.Status).ThenBy(o => o.GivenOn).Take(MaxListed))
        {
            text.Append('\n').Append(context.Text(OpinionTexts.ListLine(opinion, ProblemCategories.Names(campaign, opinion.Category).In(context.Language), opinion.GivenOn.ToString("MM-dd", CultureInfo.InvariantCulture), Words.Short(opinion.Text, 60))));
        }

        context.Reply(new TextMessage(text.ToString()));
    }

    private async Task RecordAsync(FlowContext context, Member member, string rest, CancellationToken cancellationToken)
    {
        // The office and supervisors name the unit first; a secretary records for their own unit.
        var (maybeUnit, afterUnit) = Words.Split(rest);
        var unitId = campaign.FindUnit(maybeUnit) is not null ? maybeUnit : member.UnitId;
        rest = unitId == maybeUnit ? afterUnit : rest;
        if (!campaign.Manages(member, unitId))
        {
            context.Reply(OpinionTexts.NotAllowed);
            return;
        }

        var (sourceWord, afterSource) = Words.Split(rest);
        OpinionSource? source = sourceWord.ToLowerInvariant() switch
        {
            "meeting" or "座谈会" => OpinionSource.Meeting,
            "talk" or "谈心" => OpinionSource.Talk,
            "visit" or "走访" => OpinionSource.Visit,
            "research" or "调研" => OpinionSource.Research,
            _ => null,
        };
        if (source is null)
        {
            context.Reply(OpinionTexts.BadSource);
            return;
        }

        var (categoryWord, text) = Words.Split(afterSource);
        if (ProblemCategories.Find(campaign, categoryWord) is not { } category)
        {
            context.Reply(OpinionTexts.CategoryCodeNameFour);
            return;
        }

        var givenOn = calendar.Today(context.Now);
        var (maybeDate, afterDate) = Words.Split(text);
        if (DateOnly.TryParseExact(maybeDate, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            if (date > givenOn || date < campaign.Start)
            {
                context.Reply(OpinionTexts.DateMustBetweenCampaigns);
                return;
            }

            (givenOn, text) = (date, afterDate);
        }

        string? giver = null;
        var (maybeName, afterName) = Words.Split(text);
        if (maybeName.StartsWith("署名:", StringComparison.Ordinal) || maybeName.StartsWith("name:", StringComparison.OrdinalIgnoreCase))
        {
            giver = maybeName[(maybeName.IndexOf(':', StringComparison.Ordinal) + 1)..];
            text = afterName;
        }

        if (text.Length < Options.MinLength || text.Length > Options.MaxLength || giver is { Length: > 40 })
        {
            context.Reply(OpinionTexts.Length(Options.MinLength, Options.MaxLength));
            return;
        }

        var opinion = new Opinion
        {
            Id = OpinionCodes.From(hasher.Hash("face-to-face", context.Update.UpdateId), 8),
            UnitId = unitId,
            Source = source.Value,
            Category = category,
            Text = text,
            GivenOn = givenOn,
            GiverName = giver,
            RecordedBy = member.Id,
        };
        await store.AddAsync(opinion, null, cancellationToken);
        context.Reply(OpinionTexts.Recorded(opinion));
    }

    private async Task ChangeAsync(FlowContext context, Member member, string verb, string rest, CancellationToken cancellationToken)
    {
        var (id, text) = Words.Split(rest);
        var opinion = OpinionCodes.LooksLikeCode(id) ? await store.GetAsync(id, cancellationToken) : null;
        if (opinion is null)
        {
            context.Reply(OpinionTexts.NoSuchOpinion);
            return;
        }

        if (!campaign.Manages(member, opinion.UnitId))
        {
            context.Reply(OpinionTexts.NotAllowed);
            return;
        }

        if (opinion.Status != OpinionStatus.Pending)
        {
            context.Reply(OpinionTexts.AlreadyHandled);
            return;
        }

        if (text.Length == 0 || text.Length > Options.MaxLength)
        {
            context.Reply(text.Length == 0 ? OpinionTexts.Usage : OpinionTexts.Length(1, Options.MaxLength));
            return;
        }

        Opinion changed;
        switch (verb)
        {
            case "accept":
                var (first, afterFirst) = Words.Split(text);
                LedgerItem? item;
                if (first.StartsWith('L') && afterFirst.Length == 0)
                {
                    item = await ledger.AttachAsync(first, opinion.UnitId, opinion.Id, member, context.Now, cancellationToken);
                    if (item is null)
                    {
                        context.Reply(OpinionTexts.NoOpenLedgerItem);
                        return;
                    }
                }
                else
                {
                    var (deadline, measures) = Words.Split(afterFirst);
                    var request = new LedgerRequest(opinion.UnitId, opinion.Text.Length <= 200 ? opinion.Text : opinion.Text[..200], opinion.Category, ProblemSource.Opinion, [opinion.Id], measures, first, deadline);
                    var (created, refusal) = await ledger.CreateAsync(request, member, context.Update.UpdateId, context.Now, cancellationToken);
                    if (created is null)
                    {
                        context.Reply(refusal!);
                        return;
                    }

                    item = created;
                    context.Reply(LedgerTexts.Created(item, campaign.FindUnit(item.UnitId)?.Name ?? item.UnitId));
                    await ledger.NotifyAssignedAsync(context, item, cancellationToken);
                }

                changed = opinion.With(OpinionStatus.Adopted, member.Id, context.Now, OpinionTexts.ChangeAdopted(item.Id)) with { LedgerItemId = item.Id };
                break;
            case "reply":
                changed = opinion.With(OpinionStatus.Answered, member.Id, context.Now, OpinionTexts.ChangeAnswered) with { Answer = text };
                break;
            case "reject":
                changed = opinion.With(OpinionStatus.Rejected, member.Id, context.Now, OpinionTexts.ChangeRejected) with { Answer = text };
                break;
            default:
                var target = OpinionCodes.LooksLikeCode(text) ? await store.GetAsync(text, cancellationToken) : null;
                if (target is null || target.Id == opinion.Id || target.UnitId != opinion.UnitId || target.Status == OpinionStatus.Merged)
                {
                    context.Reply(OpinionTexts.MergeNeedsAnother);
                    return;
                }

                // The duplicate follows the opinion it joins: its giver reads the same answer.
                changed = opinion.With(OpinionStatus.Merged, member.Id, context.Now, OpinionTexts.ChangeMerged(target.Id)) with { MergedInto = target.Id, LedgerItemId = target.LedgerItemId, Answer = target.Answer };
                break;
        }

        await store.UpdateAsync(changed, cancellationToken);
        context.Reply(OpinionTexts.Changed(changed));
    }

    private string Local(DateTimeOffset at) => calendar.Local(at);
}
