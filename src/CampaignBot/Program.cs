using CampaignBot.Cli;

return await CampaignBotCli.RunAsync(args);
