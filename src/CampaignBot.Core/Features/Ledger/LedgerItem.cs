namespace CampaignBot.Core.Features.Ledger;

/// <summary>未开始 / 整改中 / 已完成 / 逾期.</summary>
public enum LedgerStatus
{
    NotStarted,
    InProgress,
    Done,
    Overdue,
}

/// <summary>Where the problem was found: an opinion, a self-examination item, a supervisor, an inspection.</summary>
public enum ProblemSource
{
    Opinion,
    Examination,
    Supervisor,
    Inspection,
}

/// <summary>建章立制: an institution to abolish, amend or establish (废、改、立).</summary>
public enum InstitutionChange
{
    Abolish,
    Amend,
    Establish,
}

/// <summary>
/// One item of a unit's rectification ledger (整改台帐): the problem, the measures, the lead leader, the responsible
/// unit and the deadline (三落实, all required), its status, and the evidence of completion. Its history is kept apart,
/// append-only (see <see cref="ILedgerStore"/>).
/// </summary>
public sealed record LedgerItem
{
    /// <summary>"L" and six characters; what people type in /ledger commands.</summary>
    public required string Id { get; init; }

    /// <summary>The responsible unit (责任单位).</summary>
    public required string UnitId { get; init; }

    public required string Problem { get; init; }

    public required string Category { get; init; }

    public required ProblemSource Source { get; init; }

    /// <summary>The opinion ids or the examination item behind it, if any.</summary>
    public IReadOnlyList<string> SourceRefs { get; init; } = [];

    /// <summary>整改措施.</summary>
    public required string Measures { get; init; }

    /// <summary>牵头领导: a member id.</summary>
    public required string LeadLeaderId { get; init; }

    public required string LeadLeaderName { get; init; }

    /// <summary>完成时限: a local date.</summary>
    public required DateOnly Deadline { get; init; }

    public LedgerStatus Status { get; init; } = LedgerStatus.NotStarted;

    /// <summary>Set when the lead leader reports completion with evidence; the secretary (or supervisor) confirms it.</summary>
    public bool AwaitingConfirmation { get; init; }

    public IReadOnlyList<Evidence> Evidence { get; init; } = [];

    public InstitutionChange? Institution { get; init; }

    public string? InstitutionTitle { get; init; }

    /// <summary>0 none; 1 the secretary, 2 the supervisor, 3 the office has been told it is overdue.</summary>
    public int EscalationLevel { get; init; }

    /// <summary>When the daily job marked the item overdue; its lead leader is told then, once.</summary>
    public DateTimeOffset? OverdueSince { get; init; }

    /// <summary>When the daily job last raised <see cref="EscalationLevel"/>; the people of that level are told then, once.</summary>
    public DateTimeOffset? EscalatedAt { get; init; }

    public DateOnly? ConfirmedOn { get; init; }

    public string? ConfirmedBy { get; init; }

    public int Reopened { get; init; }

    public required string CreatedBy { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    /// <summary>When it was last changed with a line in its history; null in items stored before it was kept.</summary>
    public DateTimeOffset? ChangedAt { get; init; }

    public bool IsClosed => Status == LedgerStatus.Done;

    /// <summary>
    /// The status the item had at the end of <paramref name="day"/> (a campaign-local date), for a month's bulletin built
    /// after the month: the status now when nothing changed since; else the status its history recorded by then
    /// (<paramref name="history"/>, in order); lines written before they carried a status leave it to the item's own
    /// dates (confirmed, marked overdue). Whichever way, an item not done by then whose deadline had passed was overdue,
    /// unless it was waiting for confirmation — even if the daily job, down that day, marked it later.
    /// </summary>
    public LedgerStatus StatusOn(DateOnly day, Func<DateTimeOffset, DateOnly> localDate, IReadOnlyList<LedgerEntry> history)
    {
        ArgumentNullException.ThrowIfNull(localDate);
        ArgumentNullException.ThrowIfNull(history);
        if (ConfirmedOn is { } confirmed && confirmed <= day)
        {
            return LedgerStatus.Done;
        }

        var (status, awaiting) = (Status, AwaitingConfirmation);
        if (ChangedAt is not { } changed || localDate(changed) > day)
        {
            if (history.LastOrDefault(e => e.Status is not null && localDate(e.At) <= day) is { Status: { } recorded } line)
            {
                (status, awaiting) = (recorded, line.Awaiting == true);
            }
            else
            {
                status = OverdueSince is { } marked && localDate(marked) <= day ? LedgerStatus.Overdue
                    : Status is LedgerStatus.NotStarted ? LedgerStatus.NotStarted : LedgerStatus.InProgress;
            }
        }

        return (status is LedgerStatus.NotStarted or LedgerStatus.InProgress) && !awaiting && Deadline < day ? LedgerStatus.Overdue : status;
    }

    /// <summary>三落实: what is missing among responsibility, measures and deadline; empty when the item may be saved.</summary>
    public IReadOnlyList<string> Missing()
    {
        var missing = new List<string>();
        if (string.IsNullOrWhiteSpace(LeadLeaderId) || string.IsNullOrWhiteSpace(UnitId))
        {
            missing.Add("responsibility");
        }

        if (string.IsNullOrWhiteSpace(Measures))
        {
            missing.Add("measures");
        }

        if (Deadline == default)
        {
            missing.Add("deadline");
        }

        if (string.IsNullOrWhiteSpace(Problem))
        {
            missing.Add("problem");
        }

        return missing;
    }
}

/// <summary>What a piece of evidence is: a description, a photo or a document.</summary>
public enum EvidenceKind
{
    Text,
    Photo,
    Document,
}

/// <summary>Where a photo's or document's bytes are: being fetched from the channel, kept in the evidence store, or lost.</summary>
public enum EvidenceFileState
{
    /// <summary>Text evidence: there is no file.</summary>
    None,
    Fetching,
    Stored,
    Failed,
}

/// <summary>
/// Evidence of rectification: a description (<see cref="Text"/>), or a photo or document with its caption as the text. A
/// file is fetched from the channel in the background and kept under its SHA-256 in the evidence store; until then
/// <see cref="File"/> says <see cref="EvidenceFileState.Fetching"/>, and after the last failed try <see cref="EvidenceFileState.Failed"/>.
/// </summary>
public sealed record Evidence(DateTimeOffset At, string By, string Text)
{
    /// <summary>"E" and six characters from the update that brought it (files only); what the fetch job and the dashboard name.</summary>
    public string? Id { get; init; }

    public EvidenceKind Kind { get; init; } = EvidenceKind.Text;

    public string? FileName { get; init; }

    public string? MimeType { get; init; }

    /// <summary>Bytes: as the channel announced it while fetching, as stored afterwards.</summary>
    public long? Size { get; init; }

    /// <summary>Lower-case hex SHA-256 of the stored bytes: the file's name in the evidence store.</summary>
    public string? Sha256 { get; init; }

    public EvidenceFileState File { get; init; }

    /// <summary>The channel and its reference to fetch the file by; dropped once the file is stored.</summary>
    public string? Channel { get; init; }

    public string? FileRef { get; init; }

    /// <summary>Fetch attempts so far and why the last one failed, shown to the office until the file is stored.</summary>
    public int Attempts { get; init; }

    public string? Failure { get; init; }

    public bool IsFile => Kind != EvidenceKind.Text;

    /// <summary>Counts for confirmation: a description, or a file that was stored.</summary>
    public bool IsUsable => !IsFile || File == EvidenceFileState.Stored;

    /// <summary>"照片 evidence.jpg 1.2 MB" (with the caption after it), or the text itself.</summary>
    public string Describe(bool english = false)
    {
        if (!IsFile)
        {
            return Text;
        }

        var language = english ? Language.English : Language.Chinese;
        var kind = (Kind == EvidenceKind.Photo ? LedgerTexts.EvidencePhoto : LedgerTexts.EvidenceDocument).In(language);
        var state = File switch
        {
            EvidenceFileState.Fetching => LedgerTexts.EvidenceBeingSaved.In(language),
            EvidenceFileState.Failed => LedgerTexts.EvidenceFileFailed.In(language),
            _ => string.Empty,
        };
        var size = Size is { } bytes ? " " + SizeText(bytes) : string.Empty;
        var caption = Text.Length > 0 ? (english ? ": " : "：") + Text : string.Empty;
        return $"{kind} {FileName}{size}{state}{caption}";
    }

    /// <summary>1.2 MB, 340 KB, 512 B.</summary>
    public static string SizeText(long bytes) => bytes switch
    {
        >= 1024 * 1024 => (bytes / (1024.0 * 1024)).ToString("0.0", CultureInfo.InvariantCulture) + " MB",
        >= 1024 => (bytes / 1024.0).ToString("0", CultureInfo.InvariantCulture) + " KB",
        _ => bytes.ToString(CultureInfo.InvariantCulture) + " B",
    };
}

/// <summary>
/// One change of an item: who, when, what. Numbered from 1; a number is written once, never replaced.
/// <paramref name="What"/> is in Chinese, <paramref name="English"/> beside it (null in lines written before it existed,
/// which read in Chinese); exports keep the Chinese. <paramref name="Status"/> is the item's status after the change
/// (null in lines written before it was kept) and <paramref name="Awaiting"/> true when it then waited for confirmation,
/// so a past month's bulletin counts what stood at that month's end.
/// </summary>
public sealed record LedgerEntry(
    string ItemId, int Number, DateTimeOffset At, string By, string What,
    [property: System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)] string? English = null,
    [property: System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)] LedgerStatus? Status = null,
    [property: System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)] bool? Awaiting = null)
{
    /// <summary>What happened, in the reader's language where the line has it, else in Chinese.</summary>
    public string WhatIn(Language language) => language == Language.English && English is { } english ? english : What;

    /// <summary>
    /// Who made the change, for the reader: the daily job's "system" named in their language, a person's stored
    /// "name（id）" with the reader's brackets.
    /// </summary>
    public string ByIn(Language language) => By switch
    {
        "system" => LedgerTexts.SystemAuthor.In(language),
        [.., '）'] when language == Language.English && By.LastIndexOf('（') is > 0 and var open =>
            $"{By[..open]} ({By[(open + 1)..^1]})",
        _ => By,
    };
}
