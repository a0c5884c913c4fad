using CampaignBot.Configuration;

namespace CampaignBot.Tests.Configuration;

public class CampaignRobustnessTests
{
    [Fact]
    public void Mangled_files_fail_with_config_errors_and_never_with_a_crash()
    {
        // A fixed seed keeps the test repeatable while covering many kinds of damage an editor can do.
        var random = new Random(20270101);
        var shipped = CampaignFiles.ShippedText;
        var refused = 0;
        for (var i = 0; i < 400; i++)
        {
            var yaml = Mangle(shipped, random);
            try
            {
                CampaignLoader.LoadFromText(yaml, "test.yaml");
            }
            catch (CampaignConfigException ex)
            {
                refused++;
                Assert.NotEmpty(ex.Errors);
                Assert.All(ex.Errors, e => Assert.False(string.IsNullOrWhiteSpace(e.Message)));
                Assert.All(ex.Errors, e => Assert.True(e.Line is null or >= 1, e.ToString()));
            }
        }

        Assert.InRange(refused, 100, 400);
    }

    [Fact]
    public void The_host_registers_the_campaign_named_in_configuration()
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration[CampaignHostingExtensions.FileSetting] = CampaignFiles.ShippedPath;

        builder.AddCampaignDefinition();
        using var host = builder.Build();

        Assert.Equal(11, host.Services.GetRequiredService<CampaignDefinition>().Units.Count);
    }

    [Fact]
    public void The_host_refuses_to_start_with_a_wrong_campaign_file()
    {
        var path = CampaignFiles.WriteTemp("campaign: [\n"u8.ToArray());
        try
        {
            var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
            builder.Configuration[CampaignHostingExtensions.FileSetting] = path;

            var ex = Assert.Throws<CampaignConfigException>(() => builder.AddCampaignDefinition());

            Assert.Contains("YAML 格式错误", Assert.Single(ex.Errors).Message, StringComparison.Ordinal);
        }
        finally
        {
            CampaignFiles.DeleteTemp(path);
        }
    }

    private static string Mangle(string text, Random random)
    {
        var lines = text.Split('\n').ToList();
        var at = random.Next(lines.Count);
        switch (random.Next(6))
        {
            case 0:
                lines.RemoveAt(at);
                break;
            case 1:
                lines.Insert(at, lines[at]);
                break;
            case 2:
                const string noise = ":-[]{}'\"\t#&*!|>%@` ,?";
                var line = lines[at];
                lines[at] = line.Insert(random.Next(line.Length + 1), noise[random.Next(noise.Length)].ToString());
                break;
            case 3:
                var other = random.Next(lines.Count);
                (lines[at], lines[other]) = (lines[other], lines[at]);
                break;
            case 4:
                lines[at] = random.Next(2) == 0 ? " " + lines[at] : lines[at].TrimStart();
                break;
            default:
                return text[..random.Next(text.Length)];
        }

        return string.Join('\n', lines);
    }
}
