using CampaignBot.Core.Messaging;

namespace CampaignBot.Core.Features.Evaluations;

/// <summary>Fixed texts of the evaluations (the round-dependent ones are built by <see cref="EvaluationText"/>).</summary>
public static class EvaluationTexts
{
    public static readonly Text AlreadyVoted = new(
        "你已经在这轮评议中投过票了，每人每轮只能投一次。感谢参与！",
        "You have already voted in this round; everyone votes once per round. Thank you!");

    public static readonly Text AlreadyVotedMayChange = new(
        "你已经在这轮评议中投过票了。本轮允许改票，如需改票请重新选择，以最后一次为准。",
        "You have already voted in this round. This round allows a change: choose again and the last choice counts.");
}
