namespace CampaignBot.Core.Features.Ledger;

/// <summary>What /ledger done|evidence &lt;id&gt; is about: the item, and whether this reports completion or adds evidence.</summary>
public sealed record LedgerEvidenceAnswers
{
    public string? ItemId { get; init; }

    /// <summary>True for /ledger done: the evidence reports the item complete, for the secretary (or supervisor) to confirm.</summary>
    public bool ReportsDone { get; init; }

    /// <summary>The evidence as recorded, described.</summary>
    public string? Recorded { get; init; }
}

/// <summary>
/// /ledger done &lt;id&gt; and /ledger evidence &lt;id&gt; without text, in a private chat: one step that takes a description,
/// a photo or a document. A file is only announced here; <see cref="EvidenceFetchJob"/> fetches and keeps it in the
/// background, so a slow download never holds the conversation. Stickers, voice notes and files over the limit are
/// refused with a reply that says what the step takes.
/// </summary>
public sealed class LedgerEvidenceFlow(LedgerService service, ILedgerStore ledger, LedgerPeople people, IOptions<LedgerOptions> options)
    : DeclaredFlow<LedgerEvidenceAnswers>("ledgerev", "ledger_evidence", LedgerTexts.EvidenceTitle)
{
    protected override void Declare(FlowBuilder<LedgerEvidenceAnswers> flow)
    {
        ArgumentNullException.ThrowIfNull(flow);
        flow.Step<string>("AskingEvidence", "asks for the evidence: a description, a photo or a document")
            .Prompt(step => LedgerTexts.AskEvidence(step.Answers.ItemId ?? string.Empty, options.Value.EvidenceMaxMegabytes, service.MaxText))
            .TakesFilesToo()
            .ReadAsync(RecordAsync)
            .Keep((a, recorded) => a with { Recorded = recorded })
            .Next("Recorded", "EvidenceGiven");

        flow.Finish("Recorded", "the reply says what was recorded and who confirms it")
            .Cancelled(LedgerTexts.EvidenceCancelled)
            .TimedOut(LedgerTexts.EvidenceTimedOut);
    }

    protected override async Task<Opening<LedgerEvidenceAnswers>> OpenAsync(FlowContext context, CancellationToken cancellationToken)
    {
        var words = context.Update.Content is CommandInput command ? command.Arguments.Split(' ', StringSplitOptions.RemoveEmptyEntries) : [];
        var done = words.Length > 0 && words[0].Equals("done", StringComparison.OrdinalIgnoreCase);
        var rest = words.Length > 0 && (done || words[0].Equals("evidence", StringComparison.OrdinalIgnoreCase)) ? words[1..] : words;
        var item = rest.Length > 0 && rest[0].Length is >= 2 and <= 12 ? await ledger.GetAsync(rest[0], cancellationToken) : null;
        if (context.Member is not { } member)
        {
            return Opening<LedgerEvidenceAnswers>.Refuse(LedgerTexts.NotAllowed);
        }

        if (item is null)
        {
            return Opening<LedgerEvidenceAnswers>.Refuse(LedgerTexts.NoSuchItem);
        }

        if (item.LeadLeaderId != member.Id && !context.Campaign.Manages(member, item.UnitId))
        {
            return Opening<LedgerEvidenceAnswers>.Refuse(LedgerTexts.OnlyLeaderReports);
        }

        return item.IsClosed
            ? Opening<LedgerEvidenceAnswers>.Refuse(LedgerTexts.Closed)
            : Opening<LedgerEvidenceAnswers>.Proceed(answers: new LedgerEvidenceAnswers { ItemId = item.Id, ReportsDone = done });
    }

    private async Task<Read<string>> RecordAsync(string input, FlowStep<LedgerEvidenceAnswers> step, CancellationToken cancellationToken)
    {
        var context = step.Context;
        var english = context.Language == Language.English;
        if (await ledger.GetAsync(step.Answers.ItemId ?? string.Empty, cancellationToken) is not { } item)
        {
            return LedgerTexts.NoSuchItem;
        }

        if (item.IsClosed)
        {
            return LedgerTexts.Closed;
        }

        var read = Evidence(input, context);
        if (!read.IsAccepted)
        {
            return read.Refusal!;
        }

        var evidence = read.Value!;
        var member = context.Member!;
        var updated = step.Answers.ReportsDone
            ? await service.ReportDoneAsync(item, evidence, member, context.Now, cancellationToken)
            : await service.AddEvidenceAsync(item, evidence, member, context.Now, cancellationToken);
        if (evidence.IsFile)
        {
            context.Schedule(EvidenceFetchJob.For(item.Id, evidence.Id!, context.Now));
            context.Reply(LedgerTexts.EvidenceFileReceived(evidence.Describe(english)));
        }

        if (step.Answers.ReportsDone)
        {
            context.Reply(LedgerTexts.ReportedDone(updated));
            if (!evidence.IsFile)
            {
                // A file is shown to the confirmer once it is stored (the fetch job tells them); a description at once.
                var level = await service.IsLeadershipItemAsync(updated, cancellationToken) ? LedgerPeople.SupervisorLevel : LedgerPeople.SecretaryLevel;
                foreach (var confirmer in await people.ConfirmersAsync(updated.UnitId, level, member.Id, cancellationToken))
                {
                    context.Notify(confirmer.PrivateChat, TextMessage.In(LedgerTexts.AwaitingConfirmation(updated), confirmer.Language));
                }
            }
        }
        else if (!evidence.IsFile)
        {
            context.Reply(LedgerTexts.EvidenceAdded(updated));
        }

        return evidence.Describe();
    }

    /// <summary>The update's evidence: a photo or document within the limit (its caption as text), or a description.</summary>
    private Read<Evidence> Evidence(string input, FlowContext context)
    {
        var member = context.Member!;
        var o = options.Value;
        switch (context.Update.Content)
        {
            case OtherMediaInput other:
                return LedgerTexts.NotEvidence(LedgerTexts.MediaName(other.Kind), Capitalised(LedgerTexts.MediaName(other.Kind, true)));
            case FileInput file when file.Size > o.EvidenceMaxBytes:
                return LedgerTexts.EvidenceTooBig(Ledger.Evidence.SizeText(file.Size.Value), o.EvidenceMaxMegabytes);
            case FileInput file when input.Length > service.MaxText:
                return LedgerTexts.TooLong(service.MaxText);
            case FileInput file:
                return new Evidence(context.Now, member.Id, input)
                {
                    Id = "E" + Opinions.OpinionCodes.From("evidence/" + context.Update.UpdateId, 6),
                    Kind = file is PhotoInput ? EvidenceKind.Photo : EvidenceKind.Document,
                    FileName = SafeName(file.FileName, file is PhotoInput),
                    MimeType = file.MimeType,
                    Size = file.Size,
                    File = EvidenceFileState.Fetching,
                    Channel = context.Update.Chat.Channel,
                    FileRef = file.FileRef,
                };
            default:
                var text = LedgerAddFlow.ReadText(input, service.MaxText);
                return text.IsAccepted ? new Evidence(context.Now, member.Id, text.Value!) : text.Refusal!;
        }
    }

    /// <summary>A file name as shown and offered for download: no folders, no control characters, at most 100 characters.</summary>
    public static string SafeName(string? name, bool photo)
    {
        var bare = Path.GetFileName((name ?? string.Empty).Replace('\\', '/'));
        var clean = new string([.. bare.Where(c => !char.IsControl(c) && c is not '"' and not '/' and not ':')]).Trim();
        if (clean.Length == 0)
        {
            clean = photo ? "photo.jpg" : "document";
        }

        return clean.Length <= 100 ? clean : clean[..50] + "…" + clean[^49..];
    }

    private static string Capitalised(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];
}
