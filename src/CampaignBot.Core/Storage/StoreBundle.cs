using CampaignBot.Core.Features.Evaluations;

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
    public required Features.Study.IActivityLogStore ActivityLog { get; init; }

    public required Features.Study.IHouseholdStore Households { get; init; }

    public required Features.Study.IReminderSettingsStore ReminderSettings { get; init; }

    /// <summary>The stores kept as JSON documents (examinations, pledges, opinions, …), over the engine's document tables.</summary>
    public required DocumentStores Documents { get; init; }

    public Features.Examinations.IExaminationStore Examinations => Documents.Examinations;

    public Features.Pledges.IPledgeStore Pledges => Documents.Pledges;

    public required IEvaluationRoundStore EvaluationRounds { get; init; }

    public required IBallotStore Ballots { get; init; }

    public required ITurnoutStore Turnout { get; init; }

    /// <summary>One transaction per handled update, where the store offers it.</summary>
    public IUpdateCommitStore? Commits { get; init; }
    public required Features.Dashboard.IDashboardStore Dashboard { get; init; }
    public Features.Opinions.IOpinionStore Opinions => Documents.Opinions;

    public Features.Ledger.ILedgerStore Ledger => Documents.Ledger;

    public Features.Bulletins.IBulletinStore Bulletins => Documents.Bulletins;

    public Features.Organisation.IUnitStore Units => Documents.Units;

    public Features.Organisation.IRosterStore Roster => Documents.Roster;

    public Features.LifeMeetings.ILifeMeetingStore LifeMeetings => Documents.LifeMeetings;

    public Features.Inspections.IInspectionStore Inspections => Documents.Inspections;

    public Features.Contacts.IContactStore Contacts => Documents.Contacts;

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
        services.AddSingleton(Examinations);
        services.AddSingleton(Pledges);
        services.AddSingleton(EvaluationRounds);
        services.AddSingleton(Ballots);
        services.AddSingleton(Turnout);
        if (Commits is not null)
        {
            services.AddSingleton(Commits);
        }
        services.AddSingleton(Dashboard);
        services.AddSingleton(Opinions);
        services.AddSingleton(Ledger);
        services.AddSingleton(Bulletins);
        services.AddSingleton(Units);
        services.AddSingleton(Roster);
        services.AddSingleton(LifeMeetings);
        services.AddSingleton(Inspections);
        services.AddSingleton(Contacts);
        return services;
    }
}
