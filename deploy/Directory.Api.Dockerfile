# Build from the repository root:  docker build -f deploy/Directory.Api.Dockerfile -t thirty3/directory-api .
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
COPY global.json Directory.Build.props Directory.Packages.props .editorconfig ./
COPY src/ src/
RUN dotnet publish src/Directory.Api/Directory.Api.csproj -c Release -o /app --no-self-contained

FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime
# curl only for the container health check; the image has no other HTTP client.
RUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY --from=build /app .
# The Lucene index (and, with SQLite, the database) live here; mount a volume to keep them.
RUN mkdir -p /data && chown "$APP_UID" /data
ENV Data__Path=/data ASPNETCORE_HTTP_PORTS=8080
USER $APP_UID
EXPOSE 8080
HEALTHCHECK --interval=15s --timeout=3s --start-period=30s CMD curl -fsS http://localhost:8080/health/live || exit 1
ENTRYPOINT ["dotnet", "Thirty3.DirectoryApi.dll"]
