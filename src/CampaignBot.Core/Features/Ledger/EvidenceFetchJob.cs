namespace CampaignBot.Core.Features.Ledger;

/// <summary>Which file to fetch: an evidence record of a ledger item.</summary>
public sealed record EvidenceFetch(string ItemId, string EvidenceId);

/// <summary>
/// Fetches a photo or document sent as evidence from its channel and keeps it in the evidence store, in the background:
/// the message that brought it was answered long before. A failed try is recorded on the evidence (visible in /ledger show
/// and the dashboard) and tried again later; after the last try, or at once for a file over the limit, the evidence is
/// marked failed and the sender is asked to send it again. Once stored, the confirmers of a reported item are told.
/// </summary>
public sealed class EvidenceFetchJob(
    LedgerService service,
    ILedgerStore ledger,
    IEnumerable<IChannelFiles> channels,
    IEvidenceFiles files,
    LedgerPeople people,
    IOptions<LedgerOptions> options,
    ILogger<EvidenceFetchJob> logger) : IJobHandler
{
    public const string JobKind = "evidence-fetch";

    public string Kind => JobKind;

    /// <summary>The fetch of one evidence file; re-scheduling it for a retry replaces its due time.</summary>
    public static ScheduledJob For(string itemId, string evidenceId, DateTimeOffset due) => new()
    {
        Id = $"{JobKind}:{itemId}:{evidenceId}",
        Kind = JobKind,
        Payload = MessageJson.Serialize(new EvidenceFetch(itemId, evidenceId)),
        DueAt = due,
    };

    /// <summary>Waits between tries: 1 minute, 5 minutes, 30 minutes, then 2 hours.</summary>
    public static TimeSpan Backoff(int attempts) => attempts switch
    {
        <= 1 => TimeSpan.FromMinutes(1),
        2 => TimeSpan.FromMinutes(5),
        3 => TimeSpan.FromMinutes(30),
        _ => TimeSpan.FromHours(2),
    };

    public async Task HandleAsync(JobContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var fetch = MessageJson.Deserialize<EvidenceFetch>(context.Job.Payload);
        var item = await ledger.GetAsync(fetch.ItemId, cancellationToken);
        if (item?.Evidence.FirstOrDefault(e => e.Id == fetch.EvidenceId) is not { File: EvidenceFileState.Fetching, FileRef: { } fileRef, Channel: { } channel } evidence)
        {
            return;
        }

        var o = options.Value;
        try
        {
            var source = channels.FirstOrDefault(c => c.Channel == channel)
                ?? throw new InvalidOperationException($"No file source for channel {channel} is configured.");
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(TimeSpan.FromSeconds(o.EvidenceFetchTimeoutSeconds));
            var file = await source.FetchAsync(fileRef, o.EvidenceMaxBytes, timeout.Token);
            if (file.Content.LongLength > o.EvidenceMaxBytes)
            {
                throw new FileTooLargeException(file.Content.LongLength, o.EvidenceMaxBytes);
            }

            var sha = await files.SaveAsync(file.Content, cancellationToken);
            var stored = evidence with
            {
                File = EvidenceFileState.Stored,
                Sha256 = sha,
                Size = file.Content.LongLength,
                MimeType = evidence.MimeType ?? file.MimeType,
                FileRef = null,
                Failure = null,
                Attempts = evidence.Attempts + 1,
            };
            var updated = await service.UpdateEvidenceAsync(item.Id, fetch.EvidenceId, _ => stored, LedgerTexts.HistoryEvidenceStored(stored, sha[..16]), context.Now, cancellationToken);
            if (updated is { AwaitingConfirmation: true, IsClosed: false })
            {
                await TellConfirmersAsync(context, updated, evidence.By, cancellationToken);
            }
        }
        catch (FileTooLargeException ex)
        {
            logger.LogWarning("Evidence {EvidenceId} of ledger item {ItemId} is over the limit of {Limit} bytes", fetch.EvidenceId, fetch.ItemId, o.EvidenceMaxBytes);
            await FailAsync(context, item, evidence, LedgerTexts.EvidenceOverLimit(o.EvidenceMaxMegabytes), ex.Message, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            var attempts = evidence.Attempts + 1;
            logger.LogWarning(ex, "Fetching evidence {EvidenceId} of ledger item {ItemId} failed (try {Attempt} of {Attempts})", fetch.EvidenceId, fetch.ItemId, attempts, o.EvidenceFetchAttempts);
            if (attempts >= o.EvidenceFetchAttempts)
            {
                await FailAsync(context, item, evidence, LedgerTexts.EvidenceNotSaved(item.Id), Reason(ex), cancellationToken);
                return;
            }

            await service.UpdateEvidenceAsync(item.Id, fetch.EvidenceId, e => e with { Attempts = attempts, Failure = Reason(ex) }, null, context.Now, cancellationToken);
            context.Schedule(For(item.Id, fetch.EvidenceId, context.Now + Backoff(attempts)));
        }
    }

    private async Task FailAsync(JobContext context, LedgerItem item, Evidence evidence, Text tell, string reason, CancellationToken cancellationToken)
    {
        var failed = evidence with { File = EvidenceFileState.Failed, Attempts = evidence.Attempts + 1, Failure = reason, FileRef = null };
        await service.UpdateEvidenceAsync(item.Id, evidence.Id!, _ => failed, LedgerTexts.HistoryEvidenceFailed(failed, reason), context.Now, cancellationToken);
        if (await people.MemberAsync(evidence.By, cancellationToken) is { } sender)
        {
            context.Notify(sender.PrivateChat, TextMessage.In(tell, sender.Language), $"evidence-failed:{item.Id}:{evidence.Id}");
        }
    }

    private async Task TellConfirmersAsync(JobContext context, LedgerItem item, string reporterId, CancellationToken cancellationToken)
    {
        var level = await service.IsLeadershipItemAsync(item, cancellationToken) ? LedgerPeople.SupervisorLevel : LedgerPeople.SecretaryLevel;
        foreach (var confirmer in await people.ConfirmersAsync(item.UnitId, level, reporterId, cancellationToken))
        {
            // The reporter just sent the file and is awake; a confirmer is not woken for it (quiet hours).
            var language = confirmer.Language;
            context.Notify(confirmer.PrivateChat, TextMessage.In(LedgerTexts.AwaitingConfirmation(item), language), $"evidence-stored:{item.Id}:{confirmer.Id}:{item.Evidence.Count}", context.Awake);
        }
    }

    /// <summary>A short reason for the office, without URLs (a Telegram download URL carries the token).</summary>
    private static string Reason(Exception ex)
    {
        var message = ex is OperationCanceledException ? "timed out" : ex.GetType().Name + ": " + ex.Message;
        var url = message.IndexOf("http", StringComparison.OrdinalIgnoreCase);
        message = url >= 0 ? message[..url] + "…" : message;
        return message.Length <= 200 ? message : message[..200] + "…";
    }
}
