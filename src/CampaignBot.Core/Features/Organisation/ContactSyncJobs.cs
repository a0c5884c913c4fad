using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CampaignBot.Core.Features.Organisation;

/// <summary>The scheduled full sync of the address book: a durable recurring job, so instances run it once per interval.</summary>
public sealed class ContactSyncJobHandler(AddressBookSync sync) : IJobHandler
{
    public const string JobKind = "contact-sync";
    public const string JobId = JobKind;

    public string Kind => JobKind;

    public Task HandleAsync(JobContext context, CancellationToken cancellationToken) => sync.SyncAsync(cancellationToken);
}

/// <summary>Makes sure the sync job exists; the first sync runs at once on a fresh store, later ones every interval.</summary>
public sealed class ContactSyncSchedule(IJobStore jobs, IOptions<ContactSyncOptions> options, TimeProvider time) : JobSeeder(jobs, time)
{
    /// <summary>Every Interval from the first sync (the scheduler's fixed-interval rule).</summary>
    private readonly string _recurrence = Recurrence.LegacyInterval(options.Value.Interval);

    protected override IEnumerable<(string Id, Func<DateTimeOffset, ScheduledJob?> First)> Jobs => [(ContactSyncJobHandler.JobId, Job)];

    /// <summary>A job under another interval starts over: the next sync runs at once, then every new interval.</summary>
    protected override ScheduledJob Renew(ScheduledJob existing, DateTimeOffset now) => existing.Recurrence == _recurrence ? existing : Job(now);

    private ScheduledJob Job(DateTimeOffset now) =>
        ScheduledJob.Recurring(ContactSyncJobHandler.JobKind, now, _recurrence);
}

public static class ContactSyncRegistration
{
    /// <summary>
    /// Registers the address book sync (the scheduled job and the change sink) when WeCom:ContactSync:Enabled is true;
    /// the channel registers the <see cref="IAddressBook"/> it reads.
    /// </summary>
    public static IServiceCollection AddContactSync(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddOptions<ContactSyncOptions>().BindConfiguration(ContactSyncOptions.SectionName).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ContactSyncOptions>, ContactSyncOptionsValidator>());
        services.TryAddSingleton<AddressBookSync>();
        services.TryAddSingleton<IContactChangeSink>(sp => sp.GetRequiredService<AddressBookSync>());
        services.AddSingleton<IJobHandler, ContactSyncJobHandler>();
        services.AddHostedService<ContactSyncSchedule>();
        return services;
    }
}
