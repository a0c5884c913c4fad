using CampaignBot.Core.Features.Ledger;

namespace CampaignBot.Core.Tests;

/// <summary>What a ledger item's status was at the end of a past day, from its history or, for old lines, its own dates.</summary>
public sealed class LedgerStatusOnTests
{
    private static readonly DateOnly EndOfMarch = new(2027, 3, 31);

    private static readonly LedgerItem Item = new()
    {
        Id = "LABCDEF", UnitId = "county_east", Problem = "窗口办事推诿", Category = "bureaucratism", Source = ProblemSource.Supervisor,
        Measures = "公开流程", LeadLeaderId = "console:lead1", LeadLeaderName = "李", Deadline = new DateOnly(2027, 3, 10),
        CreatedBy = "console:sec1", CreatedAt = At(3, 1),
    };

    [Fact]
    public void An_item_unchanged_since_the_day_has_its_status_now_without_history()
    {
        var item = Item with { Status = LedgerStatus.Overdue, ChangedAt = At(3, 11) };

        Assert.Equal(LedgerStatus.Overdue, item.StatusOn(EndOfMarch, Local, []));
    }

    [Fact]
    public void A_changed_item_has_the_status_of_its_last_line_by_the_day()
    {
        var item = Item with { Status = LedgerStatus.Done, ChangedAt = At(4, 2), ConfirmedOn = new DateOnly(2027, 4, 2) };
        LedgerEntry[] history = [Line(1, At(3, 1), LedgerStatus.NotStarted), Line(2, At(3, 11), LedgerStatus.Overdue), Line(3, At(4, 2), LedgerStatus.Done)];

        Assert.Equal(LedgerStatus.Overdue, item.StatusOn(EndOfMarch, Local, history));
        Assert.Equal(LedgerStatus.NotStarted, item.StatusOn(new DateOnly(2027, 3, 5), Local, history));
        Assert.Equal(LedgerStatus.Done, item.StatusOn(new DateOnly(2027, 4, 30), Local, history));
    }

    [Fact]
    public void A_reopened_item_was_done_in_the_month_it_was_confirmed_in()
    {
        var item = Item with { Status = LedgerStatus.Overdue, ChangedAt = At(4, 5), Reopened = 1, ConfirmedOn = null };
        LedgerEntry[] history = [Line(1, At(3, 1), LedgerStatus.NotStarted), Line(2, At(3, 8), LedgerStatus.Done), Line(3, At(4, 5), LedgerStatus.Overdue)];

        Assert.Equal(LedgerStatus.Done, item.StatusOn(EndOfMarch, Local, history));
    }

    [Fact]
    public void Lines_without_a_status_leave_it_to_the_confirmation_and_overdue_dates()
    {
        LedgerEntry[] old = [Line(1, At(3, 1), null), Line(2, At(4, 2), null)];
        var confirmedInApril = Item with { Status = LedgerStatus.Done, ConfirmedOn = new DateOnly(2027, 4, 2), OverdueSince = At(3, 11) };
        var overdueInApril = Item with { Status = LedgerStatus.Overdue, Deadline = new DateOnly(2027, 3, 31), OverdueSince = At(4, 1) };
        var confirmedInMarch = Item with { Status = LedgerStatus.Done, ConfirmedOn = new DateOnly(2027, 3, 9) };

        Assert.Equal(LedgerStatus.Overdue, confirmedInApril.StatusOn(EndOfMarch, Local, old));
        Assert.Equal(LedgerStatus.InProgress, overdueInApril.StatusOn(EndOfMarch, Local, old));
        Assert.Equal(LedgerStatus.Done, confirmedInMarch.StatusOn(EndOfMarch, Local, old));
    }

    [Fact]
    public void An_item_past_its_deadline_was_overdue_even_if_the_daily_job_marked_it_later_unless_it_waited_for_confirmation()
    {
        var markedLate = Item with { Status = LedgerStatus.Overdue, ChangedAt = At(4, 1), OverdueSince = At(4, 1) };
        LedgerEntry[] created = [Line(1, At(3, 1), LedgerStatus.NotStarted), Line(2, At(4, 1), LedgerStatus.Overdue)];
        var waiting = Item with { Status = LedgerStatus.Done, ChangedAt = At(4, 2), ConfirmedOn = new DateOnly(2027, 4, 2) };
        LedgerEntry[] reported = [Line(1, At(3, 1), LedgerStatus.NotStarted), Line(2, At(3, 9), LedgerStatus.InProgress) with { Awaiting = true }, Line(3, At(4, 2), LedgerStatus.Done)];
        var unchanged = Item with { Status = LedgerStatus.InProgress, ChangedAt = At(3, 2) };

        Assert.Equal(LedgerStatus.Overdue, markedLate.StatusOn(EndOfMarch, Local, created));
        Assert.Equal(LedgerStatus.InProgress, waiting.StatusOn(EndOfMarch, Local, reported));
        Assert.Equal(LedgerStatus.Overdue, unchanged.StatusOn(EndOfMarch, Local, []));
        Assert.Equal(LedgerStatus.NotStarted, markedLate.StatusOn(new DateOnly(2027, 3, 10), Local, created));
    }

    private static DateTimeOffset At(int month, int day) => new(2027, month, day, 2, 0, 0, TimeSpan.Zero);

    private static DateOnly Local(DateTimeOffset at) => DateOnly.FromDateTime(at.ToOffset(TimeSpan.FromHours(8)).DateTime);

    private static LedgerEntry Line(int number, DateTimeOffset at, LedgerStatus? status) => new("LABCDEF", number, at, "system", "变更", null, status);
}
