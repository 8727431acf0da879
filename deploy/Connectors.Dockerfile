# Build from the repository root:  docker build -f deploy/Connectors.Dockerfile -t thirty3/connectors .
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
COPY global.json Directory.Build.props Directory.Packages.props .editorconfig ./
COPY src/ src/
RUN dotnet publish src/Connectors/Connectors.csproj -c Release -o /app --no-self-contained

FROM mcr.microsoft.com/dotnet/runtime:10.0 AS runtime
WORKDIR /app
COPY --from=build /app .
# Checkpoints (and the inbox of the folder source) live here: mount a volume so a restart resumes.
RUN mkdir -p /data/inbox && chown -R "$APP_UID" /data
ENV Connectors__DataFolder=/data Connectors__Sources__inbox__Folder=/data/inbox
USER $APP_UID
# A worker with no HTTP port: liveness is the process; status is reported to the API (/api/sources).
ENTRYPOINT ["dotnet", "Thirty3.Connectors.dll"]
