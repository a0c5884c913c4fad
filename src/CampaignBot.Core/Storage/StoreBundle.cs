using Microsoft.Extensions.DependencyInjection;

namespace CampaignBot.Core.Storage;

/// <summary>One store implementation's set of stores; what a store package hands the composition root.</summary>
public sealed record StoreBundle(
    IInboxStore Inbox,
    ISessionStore Sessions,
    IOutboxStore Outbox,
    IJobStore Jobs,
    IMemberStore Members,
    IInviteStore Invites,
    IChatStore Chats)
{
    public required Study.IActivityLogStore ActivityLog { get; init; }

    public required Study.IHouseholdStore Households { get; init; }

    public required Study.IReminderSettingsStore ReminderSettings { get; init; }

    public IServiceCollection Register(IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddSingleton(this);
        services.AddSingleton(Inbox);
        services.AddSingleton(Sessions);
        services.AddSingleton(Outbox);
        services.AddSingleton(Jobs);
        services.AddSingleton(Members);
        services.AddSingleton(Invites);
        services.AddSingleton(Chats);
        services.AddSingleton(ActivityLog);
        services.AddSingleton(Households);
        services.AddSingleton(ReminderSettings);
        return services;
    }
}
