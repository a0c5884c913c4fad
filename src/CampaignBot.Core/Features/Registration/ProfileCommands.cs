namespace CampaignBot.Core.Features.Registration;

/// <summary>/me: the member's profile as registered.</summary>
public sealed class MeCommand : ICommandHandler
{
    public string Command => "me";

    public CommandPrivacy Privacy => CommandPrivacy.Personal;

    public Task HandleAsync(FlowContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Member is not { } member)
        {
            context.Reply(RegistrationTexts.YouAreNotRegistered);
            return Task.CompletedTask;
        }

        var campaign = context.Campaign;
        var home = campaign.FindUnit(member.UnitId).NamesOr(member.UnitId);
        var unit = member.HostUnitId is { } host && host != member.UnitId
            ? RegistrationTexts.UnitWithHost(home, campaign.FindUnit(host).NamesOr(host))
            : home;
        var rank = campaign.FindRank(member.Rank).NamesOr(member.Rank);
        var role = campaign.FindRole(member.Role).NamesOr(member.Role);
        var registered = member.RegisteredAt.ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture);
        context.Reply(RegistrationTexts.MyProfile(member.Name, unit, rank, role, registered));
        return Task.CompletedTask;
    }
}
