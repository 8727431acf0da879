using DotNet.Testcontainers.Builders;
using DotNet.Testcontainers.Containers;

namespace Thirty3.Search.Elasticsearch.Tests;

/// <summary>
/// The Elasticsearch node the conformance suite runs against: the one named by
/// <c>THIRTY3_TEST_ELASTICSEARCH_URL</c>, else a single-node container started once per test run
/// through Testcontainers where a Docker engine answers, else none (and the suite says why it skips).
/// </summary>
internal static class ElasticsearchNode
{
    public const string Image = "docker.elastic.co/elasticsearch/elasticsearch:8.15.3";

    private static readonly Lazy<(string? Url, string? WhyNot)> Node = new(Locate, LazyThreadSafetyMode.ExecutionAndPublication);

    // Kept for the life of the test process; Testcontainers' reaper removes it afterwards.
    private static IContainer? container;

    public static (string? Url, string? WhyNot) Get() => Node.Value;

    private static (string? Url, string? WhyNot) Locate()
    {
        var url = Environment.GetEnvironmentVariable("THIRTY3_TEST_ELASTICSEARCH_URL");
        if (!string.IsNullOrWhiteSpace(url))
        {
            return (url, null);
        }
        try
        {
            container = new ContainerBuilder(Image)
                .WithEnvironment("discovery.type", "single-node")
                .WithEnvironment("xpack.security.enabled", "false")
                .WithEnvironment("ES_JAVA_OPTS", "-Xms512m -Xmx512m")
                .WithPortBinding(9200, assignRandomHostPort: true)
                .WithWaitStrategy(Wait.ForUnixContainer().UntilHttpRequestIsSucceeded(request => request.ForPort(9200).ForPath("/_cluster/health")))
                .Build();
            using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(4));
            container.StartAsync(timeout.Token).GetAwaiter().GetResult();
            return ($"http://{container.Hostname}:{container.GetMappedPublicPort(9200)}", null);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // No Docker engine here (the usual case on our machines), or it could not start the image.
            return (null, $"{ElasticsearchSearchIndexConformanceTests.NoCluster} ({ex.GetType().Name}: {FirstLine(ex.Message)})");
        }
    }

    private static string FirstLine(string message)
    {
        var end = message.IndexOfAny(['\r', '\n']);
        return end < 0 ? message : message[..end];
    }
}
