# syntax=docker/dockerfile:1
# CampaignBot: build with the SDK, run on the ASP.NET runtime as the image's non-root user.

FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
COPY global.json Directory.Build.props Directory.Packages.props ./
COPY src/ src/
COPY config/ config/
# ReadyToRun: the app's own code is compiled ahead, so start-up JITs less (docs/benchmarks.md).
RUN dotnet restore src/CampaignBot/CampaignBot.csproj --runtime linux-x64
RUN dotnet publish src/CampaignBot/CampaignBot.csproj --configuration Release --no-restore --runtime linux-x64 \
        --self-contained false -p:PublishReadyToRun=true --output /app

FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime
# tzdata for the campaign's time zone (Asia/Shanghai). The charts' Chinese font ships in the app (Fonts/).
RUN apt-get update \
    && apt-get install --yes --no-install-recommends tzdata \
    && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY --from=build /app ./
RUN mkdir -p /app/data && chown "$APP_UID" /app/data
USER $APP_UID
# In a container the bot serves messengers, not a terminal. The GC is the app's default (server GC, which adapts its
# heaps to the load): measured side by side, workstation GC held 204-210 MB at 5,000 users against 177-180 MB
# (docs/benchmarks.md).
ENV ASPNETCORE_URLS=http://+:8080 \
    Console__Enabled=false
EXPOSE 8080
VOLUME ["/app/data"]
ENTRYPOINT ["dotnet", "campaignbot.dll"]
