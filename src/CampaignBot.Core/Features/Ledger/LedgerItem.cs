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

    public DateOnly? ConfirmedOn { get; init; }

    public string? ConfirmedBy { get; init; }

    public int Reopened { get; init; }

    public required string CreatedBy { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    public bool IsClosed => Status == LedgerStatus.Done;

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

/// <summary>Evidence of rectification: a description, or a file's name as the channel sent it.</summary>
public sealed record Evidence(DateTimeOffset At, string By, string Text);

/// <summary>One change of an item: who, when, what. Numbered from 1; a number is written once, never replaced.</summary>
public sealed record LedgerEntry(string ItemId, int Number, DateTimeOffset At, string By, string What);
