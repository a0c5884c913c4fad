using CampaignBot.Core.Conversations;
using CampaignBot.Core.Features.Registration;
using CampaignBot.Core.Messaging;
using CampaignBot.Core.Pipeline;
using CampaignBot.Core.Scheduling;
using CampaignBot.Core.Storage;
using CampaignBot.Tests.Shared;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace CampaignBot.Storage.Tests.Contract;

/// <summary>The message path's parts wired over one store bundle, without a host, for the pipeline contract.</summary>
internal sealed class PipelineHarness(StoreBundle stores, FakeTimeProvider time, string instance = "test")
{
    public StoreBundle Stores { get; } = stores;

    public IOptions<PipelineOptions> Options { get; } = Microsoft.Extensions.Options.Options.Create(new PipelineOptions { InstanceId = instance, Lease = TimeSpan.FromSeconds(30) });

    public EffectApplier Effects(IOutboxStore? outbox = null) =>
        new(outbox ?? Stores.Outbox, Stores.Jobs, new InboxWriter(Stores.Inbox, new PipelineSignals(), time));

    /// <summary>The update handler; with <paramref name="commits"/>, each update is written through the store's update commit.</summary>
    public UpdateHandler Handler(ISessionStore? sessions = null, IOutboxStore? outbox = null, IUpdateCommitStore? commits = null)
    {
        var campaign = TestCampaign.Create();
        var router = new ConversationRouter(
            [new RegistrationFlow(Stores.Invites, Stores.Members)],
            [new MeCommand(), new Core.Features.Help.HelpCommand()],
            Stores.Chats,
            new FlowTimeouts(TimeSpan.FromMinutes(30)));
        return new UpdateHandler(sessions ?? Stores.Sessions, Stores.Members, Effects(outbox), router, campaign, time, NullLogger<UpdateHandler>.Instance, commits);
    }

    public FlowTimeoutSweeper Sweeper() =>
        new(Stores.Sessions, new InboxWriter(Stores.Inbox, new PipelineSignals(), time), Options, time, NullLogger<FlowTimeoutSweeper>.Instance);

    public OutboxWorker OutboxWorker(IChannelSender sender, SentMarks? marks = null) =>
        new(Stores.Outbox, Stores.Chats, [sender], new SendPacer(), new PipelineSignals(), Options, time, NullLogger<OutboxWorker>.Instance, marks: marks);

    /// <summary>A worker that also takes committed replies from memory, and claims from the store only when woken.</summary>
    public (OutboxWorker Worker, OutboxHandoff Handoff) HandingOffOutboxWorker(IChannelSender sender)
    {
        var options = Microsoft.Extensions.Options.Options.Create(new PipelineOptions { InstanceId = instance, Lease = TimeSpan.FromSeconds(30), PollInterval = TimeSpan.FromHours(1) });
        var signals = new PipelineSignals();
        var handoff = new OutboxHandoff(options, signals);
        return (new OutboxWorker(Stores.Outbox, Stores.Chats, [sender], new SendPacer(), signals, options, time, NullLogger<OutboxWorker>.Instance, handoff), handoff);
    }

    /// <summary>"Sent" marks gathered for <paramref name="window"/> and written through <paramref name="outbox"/>.</summary>
    public SentMarks Marks(IOutboxStore outbox, TimeSpan window) =>
        new(outbox, Microsoft.Extensions.Options.Options.Create(new PipelineOptions { SentMarkWindow = window }), NullLogger<SentMarks>.Instance);

    public SchedulerWorker Scheduler(IJobHandler handler, IOutboxStore? outbox = null) =>
        new(Stores.Jobs, [handler], Effects(outbox), new Core.Campaign.CampaignCalendar(TestCampaign.Create()), Microsoft.Extensions.Options.Options.Create(new Core.Scheduling.QuietHours()), new PipelineSignals(), Options, time, NullLogger<SchedulerWorker>.Instance);

    public static Inbound Command(string updateId, string command, string userId = "7001") =>
        new(updateId, 1, new ChatRef("telegram", userId, ChatKind.Private), new UserRef(userId), new CommandInput(command, string.Empty), ContractData.T0);
}

/// <summary>A sender that records what it was asked to send.</summary>
internal sealed class RecordingSender(string channel = "telegram") : IChannelSender
{
    private readonly List<string> _sent = [];

    public string Channel => channel;

    public ChannelRateLimits Limits => ChannelRateLimits.Unlimited;

    public IReadOnlyList<string> Sent
    {
        get
        {
            lock (_sent)
            {
                return [.. _sent];
            }
        }
    }

    public Task<SendResult> SendAsync(OutboxMessage message, Outbound body, string? editTarget, CancellationToken cancellationToken)
    {
        lock (_sent)
        {
            _sent.Add(message.Id);
            return Task.FromResult(SendResult.Sent($"m{_sent.Count}"));
        }
    }
}

/// <summary>A sender whose sends wait until the test releases them; it records each send as it starts.</summary>
internal sealed class GatedSender : IChannelSender
{
    private readonly List<string> _sent = [];

    public TaskCompletionSource Started { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public TaskCompletionSource Release { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public string Channel => "telegram";

    public ChannelRateLimits Limits => ChannelRateLimits.Unlimited;

    public IReadOnlyList<string> Sent
    {
        get
        {
            lock (_sent)
            {
                return [.. _sent];
            }
        }
    }

    public async Task<SendResult> SendAsync(OutboxMessage message, Outbound body, string? editTarget, CancellationToken cancellationToken)
    {
        lock (_sent)
        {
            _sent.Add(message.Id);
        }

        Started.TrySetResult();
        await Release.Task;
        return SendResult.Sent("m1");
    }
}

/// <summary>A sender that records what it sent, and throttles one message the first time it is tried.</summary>
internal sealed class ThrottlingOnceSender(string throttledId, TimeSpan retryAfter) : IChannelSender
{
    private readonly RecordingSender _recording = new();
    private int _throttled;

    public string Channel => _recording.Channel;

    public ChannelRateLimits Limits => ChannelRateLimits.Unlimited;

    public IReadOnlyList<string> Sent => _recording.Sent;

    public Task<SendResult> SendAsync(OutboxMessage message, Outbound body, string? editTarget, CancellationToken cancellationToken) =>
        message.Id == throttledId && Interlocked.Exchange(ref _throttled, 1) == 0
            ? Task.FromResult<SendResult>(new SendThrottled(retryAfter, "Too Many Requests"))
            : _recording.SendAsync(message, body, editTarget, cancellationToken);
}

/// <summary>A job handler that counts its firings and, through its context, tells a member about each one.</summary>
internal sealed class CountingJobHandler : IJobHandler
{
    public static readonly ChatRef Member = new("telegram", "7001", ChatKind.Private);

    private int _count;

    public string Kind => "reminder";

    public int Count => Volatile.Read(ref _count);

    public async Task HandleAsync(JobContext context, CancellationToken cancellationToken)
    {
        await Task.Yield();
        Interlocked.Increment(ref _count);
        context.Notify(Member, new TextMessage($"提醒：{context.Job.Id}"), null);
        context.Schedule(new ScheduledJob { Id = "follow-up:" + context.Job.Id, Kind = "other", Payload = "{}", DueAt = context.Job.DueAt.AddDays(1) });
    }
}

/// <summary>Sessions whose first read is followed by another instance saving the same session, as in a race.</summary>
internal sealed class RacingSessionStore(ISessionStore inner, Func<Task> rival) : ISessionStore
{
    private int _reads;

    public int Conflicts { get; private set; }

    public async Task<Session?> GetAsync(string key, CancellationToken cancellationToken)
    {
        var session = await inner.GetAsync(key, cancellationToken);
        if (Interlocked.Increment(ref _reads) == 1)
        {
            await rival();
        }

        return session;
    }

    public async Task<bool> TrySaveAsync(Session session, CancellationToken cancellationToken)
    {
        var saved = await inner.TrySaveAsync(session, cancellationToken);
        Conflicts += saved ? 0 : 1;
        return saved;
    }

    public Task<IReadOnlyList<Session>> ListAsync(CancellationToken cancellationToken) => inner.ListAsync(cancellationToken);

    public Task<IReadOnlyList<DueFlowTimeout>> DueTimeoutsAsync(DateTimeOffset now, int max, CancellationToken cancellationToken) => inner.DueTimeoutsAsync(now, max, cancellationToken);
}

/// <summary>An outbox that fails to store, as if the process died right after the session was saved.</summary>
internal sealed class CrashingOutbox(IOutboxStore inner) : IOutboxStore
{
    public Task EnqueueAsync(IReadOnlyList<OutboxMessage> messages, CancellationToken cancellationToken) => throw new IOException("The process died.");

    public Task<IReadOnlyList<OutboxMessage>> ClaimDueAsync(string owner, DateTimeOffset now, TimeSpan lease, int max, CancellationToken cancellationToken) => inner.ClaimDueAsync(owner, now, lease, max, cancellationToken);

    public Task MarkSentAsync(string id, string? externalMessageId, DateTimeOffset sentAt, CancellationToken cancellationToken) => inner.MarkSentAsync(id, externalMessageId, sentAt, cancellationToken);

    /// <summary>The process dies before a window of "sent" marks is written.</summary>
    public Task MarkSentManyAsync(IReadOnlyList<SentMark> marks, CancellationToken cancellationToken) => throw new IOException("The process died.");

    public Task RetryLaterAsync(string id, DateTimeOffset nextAttemptAt, string? error, bool countAttempt, CancellationToken cancellationToken) => inner.RetryLaterAsync(id, nextAttemptAt, error, countAttempt, cancellationToken);

    public Task MarkFailedAsync(string id, OutboxStatus status, string reason, CancellationToken cancellationToken) => inner.MarkFailedAsync(id, status, reason, cancellationToken);

    public Task<OutboxMessage?> GetAsync(string id, CancellationToken cancellationToken) => inner.GetAsync(id, cancellationToken);

    public Task<long> CountAsync(OutboxStatus status, CancellationToken cancellationToken) => inner.CountAsync(status, cancellationToken);

    public Task<long> PruneSentAsync(DateTimeOffset before, CancellationToken cancellationToken) => inner.PruneSentAsync(before, cancellationToken);
}

/// <summary>An outbox that counts its "sent" writes (one per call, however many marks it carries).</summary>
internal sealed class MarkCountingOutbox(IOutboxStore inner) : IOutboxStore
{
    private int _markWrites;

    public int MarkWrites => Volatile.Read(ref _markWrites);

    public Task EnqueueAsync(IReadOnlyList<OutboxMessage> messages, CancellationToken cancellationToken) => inner.EnqueueAsync(messages, cancellationToken);

    public Task<IReadOnlyList<OutboxMessage>> ClaimDueAsync(string owner, DateTimeOffset now, TimeSpan lease, int max, CancellationToken cancellationToken) => inner.ClaimDueAsync(owner, now, lease, max, cancellationToken);

    public Task MarkSentAsync(string id, string? externalMessageId, DateTimeOffset sentAt, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _markWrites);
        return inner.MarkSentAsync(id, externalMessageId, sentAt, cancellationToken);
    }

    public Task MarkSentManyAsync(IReadOnlyList<SentMark> marks, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _markWrites);
        return inner.MarkSentManyAsync(marks, cancellationToken);
    }

    public Task RetryLaterAsync(string id, DateTimeOffset nextAttemptAt, string? error, bool countAttempt, CancellationToken cancellationToken) => inner.RetryLaterAsync(id, nextAttemptAt, error, countAttempt, cancellationToken);

    public Task MarkFailedAsync(string id, OutboxStatus status, string reason, CancellationToken cancellationToken) => inner.MarkFailedAsync(id, status, reason, cancellationToken);

    public Task<OutboxMessage?> GetAsync(string id, CancellationToken cancellationToken) => inner.GetAsync(id, cancellationToken);

    public Task<long> CountAsync(OutboxStatus status, CancellationToken cancellationToken) => inner.CountAsync(status, cancellationToken);

    public Task<long> PruneSentAsync(DateTimeOffset before, CancellationToken cancellationToken) => inner.PruneSentAsync(before, cancellationToken);
}
