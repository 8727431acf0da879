using Thirty3.DirectoryApi.Auth;
using Thirty3.DirectoryApi.Cpv;
using Thirty3.DirectoryApi.Indexing;
using Thirty3.DirectoryApi.Store;
using Thirty3.Domain.Opportunities;
using Thirty3.Domain.Technologies;

namespace Thirty3.DirectoryApi.Cli;

/// <summary>
/// Admin commands run against the configured store without starting the server:
/// <c>keys create --name N [--buyers ids|*] [--admin]</c>, <c>keys list</c>, <c>keys revoke ID</c>, <c>keys rotate ID [--grace 24h]</c>,
/// <c>reindex</c>, <c>recompile</c>, <c>cpv import FILE</c>.
/// </summary>
public static class DirectoryCli
{
    private static readonly string[] Commands = ["keys", "reindex", "recompile", "cpv", "sample", "help"];

    public static bool IsCommand(string[] args) => args.Length > 0 && Commands.Contains(args[0]);

    public static async Task<int> RunAsync(WebApplication app, string[] args)
    {
        var cancellationToken = CancellationToken.None;
        await app.Services.GetRequiredService<StoreInitializer>().InitializeAsync(cancellationToken);
        await using var scope = app.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        switch (args)
        {
            case ["keys", "create", .. var rest]:
                var name = Option(rest, "--name");
                if (name is null)
                {
                    return Usage("keys create needs --name");
                }
                var created = await services.GetRequiredService<ApiKeyStore>().CreateAsync(name, Option(rest, "--buyers") ?? "*", rest.Contains("--admin"), cancellationToken);
                // The key goes to stdout alone so scripts can capture it; it is never shown again.
                Console.Error.WriteLine($"Created key {created.Id} '{created.Name}' (buyers: {created.AllowedBuyers}, admin: {created.IsAdmin}). Store it now: it cannot be shown again.");
                Console.WriteLine(created.Key);
                return 0;
            case ["keys", "list"]:
                foreach (var key in await services.GetRequiredService<ApiKeyStore>().ListAsync(cancellationToken))
                {
                    Console.WriteLine($"{key.Id}\t{key.Name}\tbuyers={key.AllowedBuyers}\tadmin={key.IsAdmin}\tcreated={key.Created:u}\t{(key.Revoked is { } r ? $"revoked={r:u}" : "active")}");
                }
                return 0;
            case ["keys", "rotate", var rotateId, .. var rotateRest]:
                TimeSpan? grace = null;
                if (Option(rotateRest, "--grace") is { } graceText)
                {
                    if (!ApiKeyStore.TryParseGrace(graceText, out var parsed))
                    {
                        return Usage("--grace is a period such as 30m, 24h or 7d");
                    }
                    grace = parsed;
                }
                var rotated = await services.GetRequiredService<ApiKeyStore>().RotateAsync(rotateId, grace, cancellationToken);
                if (rotated is null)
                {
                    Console.Error.WriteLine($"No active key {rotateId}.");
                    return 1;
                }
                Console.Error.WriteLine($"Created key {rotated.Key.Id} '{rotated.Key.Name}' replacing {rotated.Replaces}, which works {(rotated.ReplacedKeyExpires is { } e ? $"until {e:u}" : "until revoked")}. Store it now: it cannot be shown again.");
                Console.WriteLine(rotated.Key.Key);
                return 0;
            case ["keys", "revoke", var id]:
                var revoked = await services.GetRequiredService<ApiKeyStore>().RevokeAsync(id, cancellationToken);
                Console.Error.WriteLine(revoked ? $"Revoked {id}." : $"No active key {id}.");
                return revoked ? 0 : 1;
            case ["reindex"]:
                var projector = app.Services.GetRequiredService<IndexProjector>();
                foreach (var index in new[] { OpportunityIndex.Schema.Name, TechnologyIndex.Schema.Name })
                {
                    Console.WriteLine($"{index}: {await projector.RebuildAsync(index, cancellationToken)} documents");
                }
                app.Services.GetRequiredService<SearchIndexes>().Dispose();
                return 0;
            case ["recompile"]:
                // Queued for the index in the same transactions; the running API (or the next start) applies them.
                Console.WriteLine($"opportunities: {await services.GetRequiredService<Thirty3.DirectoryApi.Ingest.ReleaseIngestService>().RecompileAllAsync(cancellationToken)} processes compiled again");
                return 0;
            case ["cpv", "import", var file]:
                using (var reader = new StreamReader(file))
                {
                    var result = await services.GetRequiredService<CpvImporter>().ImportAsync(reader, cancellationToken);
                    Console.WriteLine($"read {result.Read}, added {result.Added}, updated {result.Updated}, problems {result.Problems.Count}");
                }
                return 0;
            case ["sample", "inbox", var folder, .. var rest]:
                // Notices for the connectors' folder source, beyond the processes the API seeds itself.
                var processes = int.TryParse(Option(rest, "--processes"), out var p) ? p : 200;
                var written = SampleInbox.Write(folder, processes, TimeProvider.System.GetUtcNow());
                Console.WriteLine($"wrote {written} release package file(s) to {folder}");
                return 0;
            default:
                return Usage(null);
        }
    }

    private static string? Option(string[] args, string name)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }

    private static int Usage(string? problem)
    {
        if (problem is not null)
        {
            Console.Error.WriteLine(problem);
        }
        Console.Error.WriteLine("""
            Commands:
              keys create --name NAME [--buyers ID,ID|*] [--admin]   issue an API key (printed once on stdout)
              keys list                                            list keys (never their secrets)
              keys revoke ID                                       revoke a key
              keys rotate ID [--grace 24h]                         issue a new key with the same name and scope; the old one
                                                                   works until revoked, or until the grace period has passed
              reindex                                              rebuild the search indexes from the store
              recompile                                            compile every stored process again from its releases (after
                                                                   an upgrade that reads more of the notices) and queue it for the index
              cpv import FILE                                      import a CPV vocabulary CSV (CODE,EN)
              sample inbox FOLDER [--processes N]                  write sample OCDS release packages for the connectors' folder source
            """);
        return 2;
    }
}
