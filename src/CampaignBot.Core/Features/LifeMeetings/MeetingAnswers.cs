namespace CampaignBot.Core.Features.LifeMeetings;

/// <summary>
/// What a flow about one life meeting keeps of it: the meeting's id and the team's names by member id, so prompts show
/// names without a store. The record and the check and confirm rounds build their answers on it.
/// </summary>
public abstract record MeetingAnswers
{
    public string? MeetingId { get; init; }

    public IReadOnlyDictionary<string, string> Names { get; init; } = new Dictionary<string, string>();

    /// <summary>A team member's name (the id itself when the team does not name them), "-" for none.</summary>
    public string NameOf(string? id) => id is null ? "-" : Names.GetValueOrDefault(id, id);
}
