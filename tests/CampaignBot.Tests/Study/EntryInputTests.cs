using CampaignBot.Core.Features.Study;

namespace CampaignBot.Tests.Study;

public sealed class EntryInputTests
{
    private static readonly DateOnly Today = new(2027, 3, 10);
    private static readonly DateOnly Start = new(2027, 1, 1);
    private static readonly DateOnly End = new(2027, 9, 30);

    [Theory]
    [InlineData("", "2027-03-10")]
    [InlineData("今天", "2027-03-10")]
    [InlineData("昨天", "2027-03-09")]
    [InlineData("前天", "2027-03-08")]
    [InlineData("yesterday", "2027-03-09")]
    [InlineData("3月5日", "2027-03-05")]
    [InlineData("3月5号", "2027-03-05")]
    [InlineData("3.5", "2027-03-05")]
    [InlineData("3/5", "2027-03-05")]
    [InlineData("2027-03-05", "2027-03-05")]
    [InlineData("2027/3/5", "2027-03-05")]
    [InlineData("2027.3.5", "2027-03-05")]
    [InlineData("2027年3月5日", "2027-03-05")]
    [InlineData("2027-03-05T10:00:00", "2027-03-05")]
    [InlineData(" 2027－03－05 ", "2027-03-05")]
    public void Dates_typed_in_the_usual_forms_are_understood(string input, string expected)
    {
        var result = EntryDateParser.Parse(input, Today, Start, End);

        Assert.True(result.Ok, result.Chinese);
        Assert.Equal(DateOnly.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), result.Value);
    }

    [Theory]
    [InlineData("明天见", "看不懂日期")]
    [InlineData("2月30日", "看不懂日期")]
    [InlineData("13.1", "看不懂日期")]
    [InlineData("2027-13-01", "看不懂日期")]
    [InlineData("'; DROP TABLE", "看不懂日期")]
    [InlineData("2027-03-11", "还没到")]
    [InlineData("2028-01-01", "还没到")]
    [InlineData("2026-12-31", "不在本次活动期间")]
    public void Nonsense_future_and_out_of_campaign_dates_get_a_clear_reply(string input, string reason)
    {
        var result = EntryDateParser.Parse(input, Today, Start, End);

        Assert.False(result.Ok);
        Assert.Contains(reason, result.Chinese, StringComparison.Ordinal);
        Assert.False(string.IsNullOrWhiteSpace(result.English));
    }

    [Fact]
    public void A_month_and_day_later_than_today_means_last_year()
    {
        var result = EntryDateParser.Parse("12.30", Today, new DateOnly(2026, 12, 1), End);

        Assert.Equal(new DateOnly(2026, 12, 30), result.Value);
    }

    [Theory]
    [InlineData("1", 2)]
    [InlineData("0.5", 1)]
    [InlineData("1.5天", 3)]
    [InlineData("半天", 1)]
    [InlineData("一天半", 3)]
    [InlineData("两天", 4)]
    [InlineData("2 days", 4)]
    [InlineData("7", 14)]
    public void Lengths_are_read_in_half_days(string input, int halfDays) =>
        Assert.Equal(halfDays, LengthParser.Parse(input).Value);

    [Theory]
    [InlineData("-1", "大于 0")]
    [InlineData("0", "大于 0")]
    [InlineData("0.3", "半天")]
    [InlineData("8", "最多 7 天")]
    [InlineData("100000000000000000000000", "最多 7 天")]
    [InlineData("很久", "请填写学习时长")]
    [InlineData("", "请填写学习时长")]
    public void Negative_huge_and_odd_lengths_are_refused_clearly(string input, string reason)
    {
        var result = LengthParser.Parse(input);

        Assert.False(result.Ok);
        Assert.Contains(reason, result.Chinese, StringComparison.Ordinal);
    }
}
