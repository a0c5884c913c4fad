namespace CampaignBot.Core.Features.Opinions;

/// <summary>What giving an opinion has gathered: the collection (never who gives), the category, then the receipt.</summary>
public sealed record GiveOpinionAnswers
{
    public string? CollectionId { get; init; }

    public string? Category { get; init; }

    public string? Receipt { get; init; }
}

/// <summary>
/// /opinion CODE in a private chat (背对背): choose a category, write the opinion, get a receipt code. Nothing of the giver is
/// stored with the opinion; a keyed hash of (collection, giver) takes one of the giver's places in the collection, and the
/// inbox copy of the text is cut once it is stored. /opinion RECEIPT shows how an opinion was handled.
/// </summary>
public sealed class GiveOpinionFlow(IOpinionStore store, IInboxStore inbox, OpinionGiverHasher hasher, CampaignCalendar calendar, IOptions<OpinionOptions> options)
    : DeclaredFlow<GiveOpinionAnswers>("opinion", "opinion", OpinionTexts.FlowTitle)
{
    private OpinionOptions Options => options.Value;

    protected override void Declare(FlowBuilder<GiveOpinionAnswers> flow)
    {
        flow.Step<string>("AskingCategory", "asks which of the four winds, the ten problem areas or other")
            .Prompt(step => new Prompt(OpinionTexts.AskCategory, ProblemCategories.All(step.Campaign)
                .Select((c, i) => new Choice(new Text($"{i + 1}. {c.Name}", $"{i + 1}. {c.NameIn(Language.English)}"), Pressed.Value('c', i + 1)))
                .InRows()))
            .ReadAsync(async (input, step, cancellationToken) =>
            {
                var category = ProblemCategories.Read(step.Campaign, input);
                if (category.IsAccepted)
                {
                    await ForgetCategoryAsync(step.Context, cancellationToken);
                }

                return category;
            })
            .Keep((answers, category) => answers with { Category = category })
            .Next("AskingText", "CategoryGiven");

        flow.Step<string>("AskingText", "asks for the opinion's text within the length limits, then stores it")
            .Prompt(OpinionTexts.AskText(Options.MinLength, Options.MaxLength))
            .ReadAsync(SaveAsync)
            .Keep((answers, receipt) => answers with { Receipt = receipt })
            .Next("Done", "Taken")
            .MayJumpTo("Stopped", "NotTaken");

        flow.Finish("Done", "gives the receipt code", step => OpinionTexts.Received(step.Answers.Receipt ?? string.Empty))
            .Finish("Stopped", "ends after the text step said the collection closed or the giver's limit is reached")
            .Cancelled(OpinionTexts.Cancelled)
            .TimedOut(OpinionTexts.TimedOut);
    }

    protected override async Task<Opening<GiveOpinionAnswers>> OpenAsync(FlowContext context, CancellationToken cancellationToken)
    {
        var code = context.Update.Content is CommandInput command ? command.Arguments.Trim() : string.Empty;
        if (!hasher.IsConfigured)
        {
            return Opening<GiveOpinionAnswers>.Refuse(OpinionTexts.NotEnabled);
        }

        if (context.Update.Chat.Kind != ChatKind.Private)
        {
            return Opening<GiveOpinionAnswers>.Refuse(OpinionTexts.PrivateOnly);
        }

        if (!OpinionCodes.LooksLikeCode(code))
        {
            // The opinion typed after the command (or instead of the code) is not taken: it would skip the category and bypass the length rules.
            var typedAnOpinion = code.Length > 12 || code.Any(char.IsWhiteSpace);
            return Opening<GiveOpinionAnswers>.Refuse(typedAnOpinion ? OpinionTexts.CodeFirst : OpinionTexts.GiveUsage);
        }

        if (await store.FindCollectionByCodeAsync(code, cancellationToken) is { } collection)
        {
            return collection.IsOpenAt(context.Now)
                ? Opening<GiveOpinionAnswers>.Proceed(null, new GiveOpinionAnswers { CollectionId = collection.Id })
                : Opening<GiveOpinionAnswers>.Refuse(OpinionTexts.Closed);
        }

        // Not a collection's code: a receipt. The answer is the giver's to read; it shows nothing of who gave it.
        var answered = await store.FindByReceiptAsync(ReceiptHash(code.ToUpperInvariant()), cancellationToken);
        return Opening<GiveOpinionAnswers>.Refuse(answered is null ? OpinionTexts.BadCode : OpinionTexts.Status(answered));
    }

    /// <summary>Stores the opinion and gives its receipt; when it cannot be taken, says why and ends the flow.</summary>
    private async Task<Read<string>> SaveAsync(string input, FlowStep<GiveOpinionAnswers> step, CancellationToken cancellationToken)
    {
        var text = input.Trim();
        if (text.Length < Options.MinLength || text.Length > Options.MaxLength)
        {
            return OpinionTexts.Length(Options.MinLength, Options.MaxLength);
        }

        var context = step.Context;
        var collection = await store.GetCollectionAsync(step.Answers.CollectionId ?? string.Empty, cancellationToken);
        if (collection is null || !collection.IsOpenAt(context.Now))
        {
            return Read<string>.Jump("Stopped", OpinionTexts.Closed);
        }

        var giver = $"{context.Update.Chat.Channel}:{context.Update.Sender.Id}";
        if (!await store.TryTakePlaceAsync(collection.Id, hasher.Hash(collection.Id, giver), Options.MaxPerGiver, cancellationToken))
        {
            return Read<string>.Jump("Stopped", OpinionTexts.Limit);
        }

        // Ids and the receipt come from a keyed hash of the update: without the secret nobody can tie them to the sender's session.
        var seed = hasher.Hash("opinion", context.Update.UpdateId);
        var receipt = OpinionCodes.From(seed + "/receipt", 8);
        await store.AddAsync(
            new Opinion
            {
                Id = OpinionCodes.From(seed, 8),
                UnitId = collection.UnitId,
                CollectionId = collection.Id,
                Source = OpinionSource.Anonymous,
                Category = step.Answers.Category ?? ProblemCategories.Other,
                Text = text,
                GivenOn = calendar.Today(context.Now),
            },
            ReceiptHash(receipt),
            cancellationToken);
        await ForgetTextAsync(context.Update, cancellationToken);
        return receipt;
    }

    /// <summary>
    /// The category with the date and the unit picks out the opinion, so it is not left next to the giver's chat: the
    /// press (or the number typed) is cut from the inbox copy and the answer to the press does not repeat the label.
    /// </summary>
    private Task ForgetCategoryAsync(FlowContext context, CancellationToken cancellationToken)
    {
        context.PressChoice = null;
        var update = context.Update;
        InboundContent cut = update.Content is ButtonPress press
            ? press with { Payload = press.Payload[..(press.Payload.LastIndexOf(':') + 1)] + "-" }
            : new TextInput(OpinionTexts.CategoryRemoved.Chinese);
        return inbox.RedactAsync($"{update.Chat.Channel}:{update.UpdateId}", MessageJson.Serialize(update with { Content = cut }), cancellationToken);
    }

    /// <summary>The inbox keeps each update with its sender; once the opinion is stored its text is cut from that copy.</summary>
    private Task ForgetTextAsync(Inbound update, CancellationToken cancellationToken)
    {
        var redacted = update with { Content = new TextInput(OpinionTexts.TextRemoved.Chinese) };
        return inbox.RedactAsync($"{update.Chat.Channel}:{update.UpdateId}", MessageJson.Serialize(redacted), cancellationToken);
    }

    private string ReceiptHash(string receipt) => hasher.Hash("receipt", receipt);
}
