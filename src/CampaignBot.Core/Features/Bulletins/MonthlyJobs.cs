using CampaignBot.Core.Campaign;
using CampaignBot.Core.Features.Registration;
using CampaignBot.Core.Messaging;
using CampaignBot.Core.Scheduling;
using CampaignBot.Core.Storage;
using Cronos;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace CampaignBot.Core.Features.Bulletins;

/// <summary>
/// The two monthly jobs, on calendar months in the campaign's zone (Cronos): the dispatch form to every secretary, and the
/// draft of last month's bulletin to the office. Each job moves itself to its next occurrence when it fires; message ids name
/// the month and the person, so a firing taken over after a crash sends each once.
/// </summary>
public sealed class MonthlyJobs(IMemberStore members, IJobStore jobs, IOutboxStore outbox, BulletinPublisher publisher, CampaignDefinition campaign, CampaignCalendar calendar, IOptions<BulletinOptions> options, TimeProvider time)
{
    public const string DispatchKind = "dispatch-ask";
    public const string BulletinKind = "bulletin-draft";

    public ScheduledJob? Next(string kind, DateTimeOffset after)
    {
        var cron = CronExpression.Parse(kind == DispatchKind ? options.Value.DispatchCron : options.Value.BulletinCron);
        return cron.GetNextOccurrence(after, calendar.Zone) is { } due
            ? new ScheduledJob { Id = kind, Kind = kind, Payload = "{}", DueAt = due }
            : null;
    }

    public async Task AskDispatchAsync(ScheduledJob job, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(job);
        var now = time.GetUtcNow();
        var month = BulletinBuilder.MonthOf(calendar.Today(job.DueAt));
        var messages = new List<OutboxMessage>();
        foreach (var secretary in (await members.ListAsync(null, cancellationToken)).Where(m => m.Role == Roles.Secretary))
        {
            var unitName = campaign.FindUnit(secretary.UnitId)?.Name ?? secretary.UnitId;
            var text = BulletinTexts.DispatchAsk(unitName, month).In(Ledger.LedgerCommand.LanguageOf(secretary));
            messages.Add(OutboxMessage.Create($"dispatch-ask:{month}:{secretary.Id}", secretary.PrivateChat, new TextMessage(text), now));
        }

        await SendAndMoveOnAsync(job, messages, now, cancellationToken);
    }

    public async Task DraftBulletinAsync(ScheduledJob job, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(job);
        var now = time.GetUtcNow();
        var month = BulletinBuilder.MonthOf(calendar.Today(job.DueAt).AddMonths(-1));
        var office = (await members.ListAsync(null, cancellationToken)).Where(m => m.Role == Roles.CampaignOffice).ToList();
        var messages = new List<OutboxMessage>();
        if (office.Count > 0)
        {
            var bodies = await publisher.OfficeMessagesAsync(month, cancellationToken);
            foreach (var person in office)
            {
                messages.AddRange(bodies.Select((body, i) => OutboxMessage.Create($"bulletin-draft:{month}:{person.Id}:{i}", person.PrivateChat, body, now)));
            }
        }

        await SendAndMoveOnAsync(job, messages, now, cancellationToken);
    }

    private async Task SendAndMoveOnAsync(ScheduledJob job, List<OutboxMessage> messages, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (messages.Count > 0)
        {
            await outbox.EnqueueAsync(messages, cancellationToken);
        }

        // The scheduler deletes a job without an interval after firing, unless it was moved meanwhile: move it to next month.
        if (Next(job.Kind, job.DueAt > now ? job.DueAt : now) is { } next)
        {
            await jobs.UpsertAsync(next, cancellationToken);
        }
    }
}

public sealed class DispatchAskJobHandler(MonthlyJobs monthly) : IJobHandler
{
    public string Kind => MonthlyJobs.DispatchKind;

    public Task HandleAsync(ScheduledJob job, CancellationToken cancellationToken) => monthly.AskDispatchAsync(job, cancellationToken);
}

public sealed class BulletinDraftJobHandler(MonthlyJobs monthly) : IJobHandler
{
    public string Kind => MonthlyJobs.BulletinKind;

    public Task HandleAsync(ScheduledJob job, CancellationToken cancellationToken) => monthly.DraftBulletinAsync(job, cancellationToken);
}

/// <summary>Makes sure both monthly jobs exist; existing ones keep their due times.</summary>
public sealed class MonthlyJobSeeder(IJobStore jobs, MonthlyJobs monthly, TimeProvider time) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        foreach (var kind in new[] { MonthlyJobs.DispatchKind, MonthlyJobs.BulletinKind })
        {
            if (await jobs.GetAsync(kind, cancellationToken) is null && monthly.Next(kind, time.GetUtcNow()) is { } job)
            {
                await jobs.UpsertAsync(job, cancellationToken);
            }
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
