namespace CampaignBot.Telegram.Tests.StandIn;

/// <summary>Everything the stand-in remembers; every member is safe to call from tests and requests at once.</summary>
public sealed partial class StandInState(StandInRules rules, TimeProvider time)
{
    private readonly Lock _lock = new();
    private readonly List<(int Id, string Json)> _pending = [];
    private readonly List<(int Id, string Json)> _all = [];
    private readonly List<SentMessage> _sent = [];
    private readonly List<RefusedCall> _refused = [];
    private readonly List<string> _calls = [];
    private readonly Dictionary<long, int> _lastMessageId = [];
    private readonly Dictionary<(long, int), (string? Text, string? Markup)> _messages = [];
    private readonly Dictionary<string, JsonArray> _commands = [];
    private readonly HashSet<long> _blocked = [];
    private readonly Dictionary<string, Queue<(int Code, string Description)>> _faults = [];
    private readonly Dictionary<string, int> _hangs = [];
    private readonly Dictionary<string, StandInFile> _files = [];
    private readonly StandInRules _rules = rules;
    private readonly SlidingWindow _global = new(rules.GlobalPerSecond, TimeSpan.FromSeconds(1));
    private readonly Dictionary<long, SlidingWindow> _perChat = [];
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _nextUpdateId = 1000;
    private int _confirmedOffset;

    public TimeProvider Time => time;

    /// <summary>Queues an update; assigns update_id when it has none. Returns the id.</summary>
    public int QueueUpdate(JsonObject update)
    {
        ArgumentNullException.ThrowIfNull(update);
        lock (_lock)
        {
            var id = update["update_id"]?.GetValue<int>() ?? ++_nextUpdateId;
            _nextUpdateId = Math.Max(_nextUpdateId, id);
            update["update_id"] = id;
            _pending.Add((id, update.ToJsonString()));
            _all.Add(_pending[^1]);
            Signal();
            return id;
        }
    }

    /// <summary>As if the bot crashed before confirming: updates from <paramref name="updateId"/> on are delivered again.</summary>
    public void ForgetConfirmationsFrom(int updateId)
    {
        lock (_lock)
        {
            _confirmedOffset = Math.Min(_confirmedOffset, updateId);
            _pending.RemoveAll(p => p.Id >= updateId);
            _pending.AddRange(_all.Where(p => p.Id >= updateId));
            Signal();
        }
    }

    /// <summary>The JSON of a queued update, as Telegram would post it to a webhook.</summary>
    public string UpdateJson(int updateId) { lock (_lock) { return _all.Single(p => p.Id == updateId).Json; } }

    public IReadOnlyList<SentMessage> Sent { get { lock (_lock) { return [.. _sent]; } } }

    public IReadOnlyList<RefusedCall> Refused { get { lock (_lock) { return [.. _refused]; } } }

    /// <summary>Every method called, in order.</summary>
    public IReadOnlyList<string> Calls { get { lock (_lock) { return [.. _calls]; } } }

    /// <summary>Updates not yet confirmed by a getUpdates offset.</summary>
    public int PendingUpdates { get { lock (_lock) { return _pending.Count(p => p.Id >= _confirmedOffset); } } }

    public int ConfirmedOffset { get { lock (_lock) { return _confirmedOffset; } } }

    public WebhookState? Webhook { get; private set; }

    public IReadOnlyList<string>? LastAllowedUpdates { get; private set; }

    /// <summary>The menu set for a language ("" for all) in a scope ("default", "all_group_chats", "chat:42", …).</summary>
    public JsonArray? CommandsFor(string languageCode, string scope = "default") { lock (_lock) { return _commands.GetValueOrDefault($"{scope}|{languageCode}"); } }

    /// <summary>What getFile lets a bot download, as Telegram: 20 MB.</summary>
    public const int MaxDownloadBytes = 20 * 1024 * 1024;

    /// <summary>A file users can send: getFile knows it by <paramref name="fileId"/>, and its bytes are at its path.</summary>
    public void AddFile(string fileId, byte[] content, string? path = null)
    {
        ArgumentNullException.ThrowIfNull(content);
        lock (_lock)
        {
            _files[fileId] = new StandInFile(fileId + "-u", path ?? $"documents/file_{_files.Count}.bin", content);
        }
    }

    internal StandInFile? File(string fileId) { lock (_lock) { return _files.GetValueOrDefault(fileId); } }

    internal byte[]? FileAt(string path) { lock (_lock) { return _files.Values.FirstOrDefault(f => f.Path == path)?.Content; } }

    /// <summary>Sends to this chat answer 403 "bot was blocked by the user".</summary>
    public void BlockChat(long chatId) { lock (_lock) { _blocked.Add(chatId); } }

    /// <summary>The next <paramref name="times"/> calls of a method answer this error (5xx, 409, 400, …).</summary>
    public void FailNext(string method, int code, string description, int times = 1)
    {
        lock (_lock)
        {
            var queue = _faults.TryGetValue(method, out var q) ? q : _faults[method] = new();
            for (var i = 0; i < times; i++)
            {
                queue.Enqueue((code, description));
            }
        }
    }

    /// <summary>The next calls of a method never answer, so the client times out.</summary>
    public void HangNext(string method, int times = 1) { lock (_lock) { _hangs[method] = _hangs.GetValueOrDefault(method) + times; } }

    /// <summary>Completes when <paramref name="condition"/> holds; fails the test after <paramref name="timeout"/>.</summary>
    public async Task WaitForAsync(Func<StandInState, bool> condition, TimeSpan timeout, string what)
    {
        using var cts = new CancellationTokenSource(timeout);
        while (true)
        {
            Task changed;
            lock (_lock)
            {
                changed = _changed.Task;
            }

            if (condition(this))
            {
                return;
            }

            try
            {
                await changed.WaitAsync(cts.Token);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException($"Stand-in: gave up waiting for {what} after {timeout}.");
            }
        }
    }

    internal void Record(string method) { lock (_lock) { _calls.Add(method); Signal(); } }

    internal (int Code, string Description)? TakeFault(string method)
    {
        lock (_lock)
        {
            return _faults.TryGetValue(method, out var q) && q.TryDequeue(out var fault) ? fault : null;
        }
    }

    internal bool TakeHang(string method)
    {
        lock (_lock)
        {
            if (_hangs.GetValueOrDefault(method) <= 0)
            {
                return false;
            }

            _hangs[method]--;
            return true;
        }
    }

    internal void Refuse(string method, long? chatId, int code, string description)
    {
        lock (_lock)
        {
            _refused.Add(new RefusedCall(method, chatId, code, description, time.GetUtcNow()));
            Signal();
        }
    }

    /// <summary>Confirms everything below <paramref name="offset"/> and returns what follows, or null when none.</summary>
    internal (Task Changed, List<string> Updates) TakeUpdates(int offset, int limit, IReadOnlyList<string>? allowed)
    {
        lock (_lock)
        {
            LastAllowedUpdates = allowed ?? LastAllowedUpdates;
            if (offset > _confirmedOffset)
            {
                _confirmedOffset = offset;
                _pending.RemoveAll(p => p.Id < offset);
                Signal();
            }

            var batch = _pending.Where(p => p.Id >= _confirmedOffset).OrderBy(p => p.Id).Take(limit).Select(p => p.Json).ToList();
            return (_changed.Task, batch);
        }
    }

    internal void SetWebhook(WebhookState? webhook) { lock (_lock) { Webhook = webhook; Signal(); } }

    internal void SetCommands(string scope, string languageCode, JsonArray commands) { lock (_lock) { _commands[$"{scope}|{languageCode}"] = commands; Signal(); } }

    internal bool IsBlocked(long chatId) { lock (_lock) { return _blocked.Contains(chatId); } }

    private void Signal()
    {
        var old = _changed;
        _changed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        old.TrySetResult();
    }
}

/// <summary>A file the stand-in serves: its unique id, its path under /file/bot&lt;token&gt;/, its bytes.</summary>
internal sealed record StandInFile(string UniqueId, string Path, byte[] Content);
