namespace CampaignBot.Core.Scheduling;

/// <summary>
/// A job that reminds or asks people about the campaign's work (a deadline reminder, a check-in, a weekly summary, a
/// monthly ask). The <see cref="SchedulerWorker"/> runs it only on the campaign's days, read on the day its messages
/// would reach people (<see cref="JobContext.Awake"/>): none speaks before the campaign's start or after its end, and a
/// recurring one is not moved on to an occurrence after the end (it finishes). A job that must run outside them, such as
/// closing a round or the draft of the last month's bulletin, is not one.
/// </summary>
public interface ICampaignReminder : IJobHandler;
