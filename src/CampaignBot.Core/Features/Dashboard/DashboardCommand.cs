namespace CampaignBot.Core.Features.Dashboard;

/// <summary>
/// /dashboard in a private chat: a one-time sign-in link for the office, supervisors and secretaries. A re-run of
/// the same update after a save conflict makes another link; only the saved reply's link reaches the member, and
/// the other expires unused.
/// </summary>
public sealed class DashboardCommand(DashboardSignIn signIn, DashboardAddress address, IOptions<DashboardOptions> options) : ICommandHandler
{
    public string Command => "dashboard";

    public async Task HandleAsync(FlowContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Update.Chat.Kind != ChatKind.Private)
        {
            context.Reply(DashboardTexts.PrivateOnly);
            return;
        }

        if (context.Member is not { } member)
        {
            context.Reply(DashboardTexts.NotRegistered);
            return;
        }

        if (!DashboardAccess.MayUse(member))
        {
            context.Reply(DashboardTexts.NotAllowed);
            return;
        }

        if (address.BaseUrl is null)
        {
            // The office runs the service: it is told how to turn the dashboard on, not to ask itself.
            context.Reply(member.Role == Roles.CampaignOffice ? DashboardTexts.NotRunningForOffice : DashboardTexts.NotRunning);
            return;
        }

        var (link, refusal) = await signIn.IssueLinkAsync(member, cancellationToken);
        if (link is null)
        {
            context.Reply(refusal == LinkRefusal.RateLimited ? DashboardTexts.RateLimited : DashboardTexts.NotAllowed);
            return;
        }

        context.Reply(DashboardTexts.Link(address.SignInUrl(link.Token)!, (int)Math.Ceiling(options.Value.LinkLifetime.TotalMinutes)));
    }
}
