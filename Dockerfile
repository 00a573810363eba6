# syntax=docker/dockerfile:1
# Prorata's image: the app (and the `prorata` command line beside it) built from this source with the .NET 10 SDK, run on
# the ASP.NET Core runtime as the image's non-root user `app`. Configuration and secrets come from the environment at
# run time; nothing secret is in the image. docs/deployment.md tells how to run it (compose.yaml: PostgreSQL, the app,
# month-end workers), back it up and restore it.

# ---- build ---------------------------------------------------------------------------------------------------------
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
# The project files first: the restore layer is rebuilt only when a package or a reference changes, not for every edit.
COPY global.json Directory.Build.props Directory.Packages.props BannedSymbols.txt ./
COPY src/Prorata.Domain/Prorata.Domain.csproj src/Prorata.Domain/
COPY src/Prorata.Data/Prorata.Data.csproj src/Prorata.Data/
COPY src/Prorata.Data.Migrations.Postgres/Prorata.Data.Migrations.Postgres.csproj src/Prorata.Data.Migrations.Postgres/
COPY src/Prorata.Data.Migrations.Sqlite/Prorata.Data.Migrations.Sqlite.csproj src/Prorata.Data.Migrations.Sqlite/
COPY src/Prorata.Integrations.Avalara/Prorata.Integrations.Avalara.csproj src/Prorata.Integrations.Avalara/
COPY src/Prorata.Integrations.GoCardless/Prorata.Integrations.GoCardless.csproj src/Prorata.Integrations.GoCardless/
COPY src/Prorata.Integrations.PartnerCenter/Prorata.Integrations.PartnerCenter.csproj src/Prorata.Integrations.PartnerCenter/
COPY src/Prorata.Integrations.ReconFiles/Prorata.Integrations.ReconFiles.csproj src/Prorata.Integrations.ReconFiles/
COPY src/Prorata.Integrations.Stripe/Prorata.Integrations.Stripe.csproj src/Prorata.Integrations.Stripe/
COPY src/Prorata.Application/Prorata.Application.csproj src/Prorata.Application/
COPY src/Prorata.Web/Prorata.Web.csproj src/Prorata.Web/
COPY src/Prorata.Cli/Prorata.Cli.csproj src/Prorata.Cli/
RUN dotnet restore src/Prorata.Web/Prorata.Web.csproj && dotnet restore src/Prorata.Cli/Prorata.Cli.csproj
COPY src/ src/
RUN dotnet publish src/Prorata.Web/Prorata.Web.csproj -c Release --no-restore -o /out/app \
    && dotnet publish src/Prorata.Cli/Prorata.Cli.csproj -c Release --no-restore -o /out/app/cli

# ---- run -----------------------------------------------------------------------------------------------------------
FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS run
# curl answers the health check; the runtime image has no HTTP client of its own.
RUN apt-get update \
    && apt-get install -y --no-install-recommends curl \
    && rm -rf /var/lib/apt/lists/*
# The key ring (and the SQLite file of a trial without PostgreSQL) live outside the app's folder, owned by `app`; the
# key ring's folder is readable by that user only.
RUN mkdir -p /var/lib/prorata/keys /var/lib/prorata/data \
    && chown -R "$APP_UID:$APP_UID" /var/lib/prorata \
    && chmod 0700 /var/lib/prorata/keys
WORKDIR /app
COPY --from=build /out/app ./
# Urls without the ASPNETCORE_ prefix: appsettings.json names localhost, and only an unprefixed variable overrides it.
ENV Urls=http://+:8080 \
    Prorata__DataProtection__KeysDirectory=/var/lib/prorata/keys \
    ConnectionStrings__Prorata="Data Source=/var/lib/prorata/data/prorata.db"
VOLUME ["/var/lib/prorata/keys"]
EXPOSE 8080
USER $APP_UID
# /health checks the database too: a container that cannot reach PostgreSQL is unhealthy, not just slow.
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
    CMD curl --fail --silent --show-error --output /dev/null http://localhost:8080/health || exit 1
ENTRYPOINT ["dotnet", "/app/Prorata.Web.dll"]
